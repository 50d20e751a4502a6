import { z } from 'zod';
import { articleBlock } from '../src/core/reply.js';
import { pageInfo, pageOption } from './options.js';
import type { CommandSpec } from './spec.js';

const options = z.object({
  count: z.coerce.number().int().min(1).max(10).default(5),
  page: pageOption,
});

export const latest = {
  name: 'latest',
  description: 'The newest stories: the lead headline, the outlets carrying it, a short summary and a link',
  options,
  optionInfo: [
    {
      name: 'count',
      description: 'How many stories (1-10, default 5)',
      type: 'integer',
      required: false,
      min: 1,
      max: 10,
    },
  ],
  example: '/news latest 5',
  paged: true,
  async run({ count, page }, { news }) {
    const total = await news.countLatest();
    const pages = Math.max(1, Math.ceil(total / count));
    const index = Math.min(page, pages);
    // cursor pages are cheap; walk to the requested one
    let result = await news.latest({ limit: count });
    for (let i = 1; i < index && result.next; i++) result = await news.latest({ limit: count, cursor: result.next });
    if (result.items.length === 0) {
      return {
        title: 'Latest news',
        blocks: [{ type: 'text', text: 'No articles yet. Add files to the articles folder or configure a feed.' }],
      };
    }
    return {
      title: 'Latest news',
      blocks: result.items.map((article) => articleBlock(article, article.short, undefined, article.story)),
      ...pageInfo(index, pages),
    };
  },
} satisfies CommandSpec<typeof options>;
