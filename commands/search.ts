import { z } from 'zod';
import { articleBlock } from '../src/core/reply.js';
import { pageInfo, pageOption } from './options.js';
import type { CommandSpec } from './spec.js';

const PER_PAGE = 5;

const options = z.object({
  terms: z
    .string()
    .trim()
    .min(2, 'Give at least one word to search for, for example: /news search ukraine talks')
    .max(200),
  page: pageOption,
});

export const search = {
  name: 'search',
  description: 'Full-text search over the stored articles',
  options,
  optionInfo: [{ name: 'terms', description: 'Words to search for', type: 'string', required: true, rest: true }],
  example: '/news search ukraine talks',
  paged: true,
  async run({ terms, page }, { news }) {
    const first = await news.search(terms, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const pages = Math.max(1, Math.ceil(first.ranked / PER_PAGE));
    const index = Math.min(page, pages);
    const result =
      index === page ? first : await news.search(terms, { limit: PER_PAGE, offset: (index - 1) * PER_PAGE });
    if (result.total === 0) {
      return { title: `Search: ${terms}`, blocks: [{ type: 'text', text: `No articles match "${terms}".` }] };
    }
    return {
      title: `Search: ${terms} (${result.total >= 1000 ? '1000+' : result.total} ${result.total === 1 ? 'article' : 'articles'})`,
      blocks: result.hits.map((hit) => articleBlock(hit.article, hit.snippet || hit.article.short)),
      ...pageInfo(index, pages),
    };
  },
} satisfies CommandSpec<typeof options>;
