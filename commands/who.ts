import { z } from 'zod';
import type { NewsService } from '../src/core/news-service.js';
import { type Reply, type ReplyBlock, textReply } from '../src/core/reply.js';
import { pageInfo, pageOption } from './options.js';
import { quoteBlock } from './quotes.js';
import type { CommandSpec } from './spec.js';

const QUOTES_PER_PAGE = 5;
/** Roles shown on the card, best first (`newsdesk who --json` gives them all). */
const ROLES_SHOWN = 3;

const options = z.object({
  // with " about <words>" typed after it on Slack and in the console, so longer than a name
  name: z.string().trim().min(1, 'Give a name, for example: /news who Rubio').max(300),
  about: z.string().trim().max(200).optional(),
  page: pageOption,
});

/** The name and the words after "about" ("Rubio about tariffs"), or the `about` option as given. */
function splitAbout(name: string, about: string | undefined): { name: string; about: string | undefined } {
  if (about !== undefined) return { name, about };
  const typed = /^(.+?)\s+about\s+(.+)$/i.exec(name);
  return typed ? { name: (typed[1] ?? '').trim(), about: (typed[2] ?? '').trim() } : { name, about };
}

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
    {
      name: 'about',
      description: 'Only quotes about these words, e.g. tariffs (typed: who Rubio about tariffs)',
      type: 'string',
      required: false,
    },
  ],
  example: '/news who Rubio about tariffs',
  paged: true,
  async run(input, { news }) {
    const { name, about } = splitAbout(input.name, input.about);
    const { page } = input;
    if (name.length > 100) {
      return textReply('/news who', 'That name is too long (100 characters at most).', { isError: true });
    }
    if (about !== undefined) return whoAbout(name, about, page, news);
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
    for (const quote of best.quotes) blocks.push(quoteBlock(quote));
    return { title: best.name, blocks, ...pageInfo(index, total) };
  },
} satisfies CommandSpec<typeof options>;

/** One speaker's quotes about some words, newest first, paged: an index lookup. */
async function whoAbout(name: string, about: string, page: number, news: NewsService): Promise<Reply> {
  const offset = (page - 1) * QUOTES_PER_PAGE;
  let result = await news.quotes(about, { speaker: name, limit: QUOTES_PER_PAGE, offset });
  if (!result.speaker) {
    const hint = result.suggestions.length > 0 ? ` Did you mean ${result.suggestions.join(', ')}?` : '';
    return {
      title: `Who: ${name}`,
      blocks: [{ type: 'text', text: `Nobody named "${name}" appears in the stored articles.${hint}` }],
    };
  }
  const pages = Math.max(1, Math.ceil(result.total / QUOTES_PER_PAGE));
  const index = Math.min(page, pages);
  if (index !== page) {
    result = await news.quotes(about, { speaker: name, limit: QUOTES_PER_PAGE, offset: (index - 1) * QUOTES_PER_PAGE });
  }
  const speaker = result.speaker?.name ?? name;
  if (result.total === 0) {
    return {
      title: `${speaker} about "${about}"`,
      blocks: [
        { type: 'text', text: `No quotes from ${speaker} about "${about}". All their quotes: /news who ${speaker}` },
      ],
    };
  }
  const total = result.total >= 1000 ? '1000+' : String(result.total);
  return {
    title: `${speaker} about "${about}" (${total} ${result.total === 1 ? 'quote' : 'quotes'})`,
    blocks: result.quotes.map(quoteBlock),
    ...pageInfo(index, pages),
  };
}
