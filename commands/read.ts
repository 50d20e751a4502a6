import { z } from 'zod';
import type { StoredArticle } from '../src/core/articles/article.js';
import { articleBlock, type ReplyBlock } from '../src/core/reply.js';
import { pageInfo, pageOption, paginate } from './options.js';
import type { CommandSpec } from './spec.js';

/** Body text per page: comfortably inside one Slack section set and one Discord embed. */
const CHARS_PER_PAGE = 2400;

const options = z.object({
  article: z
    .string()
    .trim()
    .min(1, 'Give an article id or words of its title, for example: /news read Rubio visit')
    .max(200),
  page: pageOption,
});

export const read = {
  name: 'read',
  description: 'One article: summary, highlights and full text',
  options,
  optionInfo: [
    {
      name: 'article',
      description: 'Article id or words of its title',
      type: 'string',
      required: true,
      autocomplete: 'articles',
      rest: true,
    },
  ],
  example: '/news read Rubio eastern Europe',
  paged: true,
  async run({ article: ref, page }, { news }) {
    const result = await news.read(ref);
    if (!result.found) {
      if (result.candidates.length === 0) {
        return {
          title: 'Read',
          blocks: [{ type: 'text', text: `No article matches "${ref}". Try /news search ${ref}.` }],
        };
      }
      return {
        title: `Several articles match "${ref}"`,
        blocks: [
          { type: 'text', text: 'Use more words of the title, or the id:' },
          { type: 'list', items: result.candidates.map((c) => `${c.title} (id ${c.id})`) },
        ],
      };
    }
    const { article } = result;
    const pages = paginate(chunkParagraphs(article), page, 1);
    const blocks: ReplyBlock[] = [];
    if (pages.index === 1) {
      blocks.push(articleBlock(article, article.summary.standard.join(' ')));
      if (article.highlights.length > 0) {
        blocks.push({ type: 'heading', text: 'Highlights' }, { type: 'list', items: article.highlights });
      }
    }
    blocks.push(...(pages.items[0] ?? []));
    return { title: article.title, blocks, ...pageInfo(pages.index, pages.total) };
  },
} satisfies CommandSpec<typeof options>;

/** Group paragraphs into pages of about CHARS_PER_PAGE characters. */
function chunkParagraphs(article: StoredArticle): ReplyBlock[][] {
  const chunks: ReplyBlock[][] = [[]];
  let size = 0;
  article.paragraphs.forEach((paragraph, i) => {
    const text = i === 0 && article.dateline ? `${article.dateline}: ${paragraph.text}` : paragraph.text;
    if (size > 0 && size + text.length > CHARS_PER_PAGE) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push({ type: paragraph.kind === 'heading' ? 'heading' : 'text', text });
    size += text.length;
  });
  return chunks;
}
