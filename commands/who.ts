import { z } from 'zod';
import type { ReplyBlock } from '../src/core/reply.js';
import { pageInfo, pageOption } from './options.js';
import type { CommandSpec } from './spec.js';

const QUOTES_PER_PAGE = 5;
/** Roles shown on the card, best first (`newsdesk who --json` gives them all). */
const ROLES_SHOWN = 3;

const options = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give a name, for example: /news who Rubio')
    .max(100, 'That name is too long (100 characters at most).'),
  page: pageOption,
});

export const who = {
  name: 'who',
  description: 'What a person or organisation said: verbatim quotes with their article and date, and who they are',
  options,
  optionInfo: [
    {
      name: 'name',
      description: 'A person or organisation, e.g. Rubio, "Marco Rubio" or "Home Office"',
      type: 'string',
      required: true,
      autocomplete: 'people',
      rest: true,
    },
  ],
  example: '/news who Rubio',
  paged: true,
  async run({ name, page }, { news }) {
    let result = await news.who(name, { quoteLimit: QUOTES_PER_PAGE, quoteOffset: (page - 1) * QUOTES_PER_PAGE });
    const [first] = result.matches;
    if (!first) {
      const hint = result.suggestions.length > 0 ? ` Did you mean ${result.suggestions.join(', ')}?` : '';
      return {
        title: `Who: ${name}`,
        blocks: [{ type: 'text', text: `Nobody named "${name}" appears in the stored articles.${hint}` }],
      };
    }
    const total = Math.max(1, Math.ceil(first.quoteTotal / QUOTES_PER_PAGE));
    const index = Math.min(page, total);
    // a page past the end (an old button) shows the last page
    if (index !== page)
      result = await news.who(name, { quoteLimit: QUOTES_PER_PAGE, quoteOffset: (index - 1) * QUOTES_PER_PAGE });
    const [best = first, ...others] = result.matches;
    const blocks: ReplyBlock[] = [];
    if (index === 1) {
      blocks.push({
        type: 'person',
        name: best.name,
        kind: best.kind,
        roles: best.roles.slice(0, ROLES_SHOWN),
        aliases: best.aliases,
        articleCount: best.articleCount,
        articles: best.articles.slice(0, 3).map((a) => ({ id: a.id, title: a.title })),
      });
      if (others.length > 0) {
        blocks.push({
          type: 'text',
          text: `Also matching "${name}": ${others.map((p) => p.name).join(', ')}. Ask for a full name to see theirs.`,
        });
      }
    }
    if (best.quoteTotal === 0) {
      blocks.push({ type: 'text', text: `No quotes from ${best.name} in the stored articles.` });
    }
    for (const quote of best.quotes) {
      blocks.push({
        type: 'quote',
        text: quote.text,
        kind: quote.kind,
        speaker: quote.speaker,
        articleId: quote.articleId,
        articleTitle: quote.articleTitle,
        articleUrl: quote.articleUrl,
        publishedAt: quote.publishedAt,
        publishedApprox: quote.publishedApprox,
        ...(quote.alsoIn ? { alsoIn: quote.alsoIn } : {}),
      });
    }
    return { title: best.name, blocks, ...pageInfo(index, total) };
  },
} satisfies CommandSpec<typeof options>;
