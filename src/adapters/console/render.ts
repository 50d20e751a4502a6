import { alsoInOutlets, type Reply, type ReplyBlock } from '../../core/reply.js';

/** Remove terminal control sequences from untrusted text, so an article cannot move the cursor or recolour the screen. */
export function sanitizeTerminal(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

/** A date for humans: "2025-12-20", with "~" when the article only gave a relative time. */
export function formatDate(iso: string | null, approx = false): string {
  if (!iso) return 'undated';
  const day = iso.slice(0, 10);
  return approx ? `~${day}` : day;
}

const KIND_LABEL = { direct: '', partial: ' (partial quote)', reported: ' (reported)' } as const;

function renderBlock(block: ReplyBlock): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'heading':
      return ['', block.text.toUpperCase()];
    case 'list':
      return block.items.map((item) => `  • ${item}`);
    case 'article': {
      const meta = [formatDate(block.publishedAt, block.publishedApprox), block.source, `id ${block.id}`]
        .filter(Boolean)
        .join(' · ');
      const lines = ['', `▸ ${block.title}`, `  ${meta}`];
      if (block.outlets) lines.push(`  ${block.outlets.length} outlets: ${block.outlets.join(', ')}`);
      if (block.summary) lines.push(`  ${block.summary}`);
      if (block.quote) lines.push(`  “${block.quote.text}” (${block.quote.speaker})`);
      if (block.url) lines.push(`  ${block.url}`);
      return lines;
    }
    case 'person': {
      const lines = [`${block.name} (${block.kind})`];
      if (block.roles.length > 0) lines.push(`  ${block.roles.join('; ')}`);
      lines.push(`  In ${block.articleCount} ${block.articleCount === 1 ? 'article' : 'articles'}`);
      for (const article of block.articles ?? []) lines.push(`    - ${article.title}`);
      return lines;
    }
    case 'quote': {
      const text = block.kind === 'reported' ? block.text : `“${block.text}”`;
      return [
        '',
        `  ${text}${KIND_LABEL[block.kind]}`,
        `    ${[block.articleTitle, ...(block.outlets ?? []), formatDate(block.publishedAt, block.publishedApprox ?? false)].filter(Boolean).join(', ')}${alsoInOutlets(block.alsoIn)}`,
      ];
    }
  }
}

/** Render a Reply as terminal text. `nextHint` tells what to type for another page. */
export function renderConsole(reply: Reply, nextHint?: (page: number) => string): string {
  const lines = [`== ${reply.title} ==`, ...reply.blocks.flatMap(renderBlock)];
  if (reply.page) {
    const { index, total } = reply.page;
    lines.push('', `Page ${index} of ${total}.${nextHint && index < total ? ` Next: ${nextHint(index + 1)}` : ''}`);
  }
  return `${sanitizeTerminal(lines.join('\n'))}\n`;
}
