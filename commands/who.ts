import { z } from 'zod';
import type { ReplyBlock } from '../src/core/reply.js';
import { pageInfo, pageOption, paginate } from './options.js';
import type { CommandSpec } from './spec.js';

const QUOTES_PER_PAGE = 5;

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
  description: 'What a person said: verbatim quotes with their article and date, and who they are',
  options,
  optionInfo: [
    {
      name: 'name',
      description: 'A person, e.g. Rubio or "Marco Rubio"',
      type: 'string',
      required: true,
      autocomplete: 'people',
      rest: true,
    },
  ],
  example: '/news who Rubio',
  paged: true,
  run({ name, page }, { news }) {
    const result = news.who(name);
    const [best, ...others] = result.matches;
    if (!best) {
      const hint = result.suggestions.length > 0 ? ` Did you mean ${result.suggestions.join(', ')}?` : '';
      return {
        title: `Who: ${name}`,
        blocks: [{ type: 'text', text: `Nobody named "${name}" appears in the stored articles.${hint}` }],
      };
    }
    const blocks: ReplyBlock[] = [];
    const quotes = paginate(best.quotes, page, QUOTES_PER_PAGE);
    if (quotes.index === 1) {
      blocks.push({
        type: 'person',
        name: best.name,
        roles: best.roles,
        aliases: best.aliases,
        articleCount: best.articles.length,
      });
      if (others.length > 0) {
        blocks.push({
          type: 'text',
          text: `Also matching "${name}": ${others.map((p) => p.name).join(', ')}. Ask for a full name to see theirs.`,
        });
      }
    }
    if (best.quotes.length === 0) {
      blocks.push({ type: 'text', text: `No quotes from ${best.name} in the stored articles.` });
    }
    for (const quote of quotes.items) {
      blocks.push({
        type: 'quote',
        text: quote.text,
        kind: quote.kind,
        speaker: quote.speaker,
        articleId: quote.articleId,
        articleTitle: quote.articleTitle,
        articleUrl: quote.articleUrl,
        publishedAt: quote.publishedAt,
      });
    }
    return { title: best.name, blocks, ...pageInfo(quotes.index, quotes.total) };
  },
} satisfies CommandSpec<typeof options>;
