import { z } from 'zod';
import { articleBlock, type ReplyBlock } from '../src/core/reply.js';
import { pageInfo, pageOption, paginate } from './options.js';
import type { CommandSpec } from './spec.js';

/** Outlets' articles per page; the summary and who is quoted come on the first. */
const ARTICLES_PER_PAGE = 5;
/** People listed with their outlets on the first page. */
const QUOTED_SHOWN = 8;

const options = z.object({
  story: z
    .string()
    .trim()
    .min(1, 'Give a story or article id, or words of a headline, for example: /news story Altena flood')
    .max(200),
  page: pageOption,
});

export const story = {
  name: 'story',
  description: 'One story: every outlet’s headline with its link and date, who is quoted by which outlets, a summary',
  options,
  optionInfo: [
    {
      name: 'story',
      description: 'Story or article id, or words of a headline',
      type: 'string',
      required: true,
      autocomplete: 'articles',
      rest: true,
    },
  ],
  example: '/news story Altena flood',
  paged: true,
  async run({ story: ref, page }, { news }) {
    const result = await news.story(ref);
    if (!result.found) {
      if (result.candidates.length === 0) {
        return {
          title: 'Story',
          blocks: [{ type: 'text', text: `No story matches "${ref}". Try /news search ${ref}.` }],
        };
      }
      return {
        title: `Several stories match "${ref}"`,
        blocks: [
          { type: 'text', text: 'Use more words of the headline, or the id:' },
          { type: 'list', items: result.candidates.map((c) => `${c.title} (id ${c.id})`) },
        ],
      };
    }
    const { story: found, quoted } = result;
    const [lead] = found.articles;
    const pages = paginate(found.articles, page, ARTICLES_PER_PAGE);
    const blocks: ReplyBlock[] = [];
    if (pages.index === 1) {
      if (lead) blocks.push({ type: 'text', text: lead.short });
      const outlets = found.outlets.length;
      blocks.push({
        type: 'text',
        text:
          outlets > 1
            ? `${outlets} outlets: ${found.outlets.join(', ')}`
            : `${found.size} ${found.size === 1 ? 'article' : 'articles'}`,
      });
      if (quoted.length > 0) {
        blocks.push(
          { type: 'heading', text: 'Quoted' },
          {
            type: 'list',
            items: quoted
              .slice(0, QUOTED_SHOWN)
              .map((q) => (q.outlets.length > 0 ? `${q.speaker}: ${q.outlets.join(', ')}` : q.speaker)),
          },
        );
      }
      blocks.push({ type: 'heading', text: 'Articles' });
    }
    // each outlet's headline, link and date; the summary was given once above
    blocks.push(...pages.items.map((article) => articleBlock(article, '')));
    return { title: lead?.title ?? 'Story', blocks, ...pageInfo(pages.index, pages.total) };
  },
} satisfies CommandSpec<typeof options>;
