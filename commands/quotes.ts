import { z } from 'zod';
import type { QuoteView } from '../src/core/ports.js';
import type { ReplyBlock } from '../src/core/reply.js';
import { pageInfo, pageOption, paginate } from './options.js';
import type { CommandSpec } from './spec.js';

/** Speakers per page, and quotes shown for each. */
const SPEAKERS_PER_PAGE = 4;
const QUOTES_PER_SPEAKER = 2;
/** How many of the newest matching quotes are grouped: one index read, whatever the store's size. */
const WINDOW = 200;

const options = z.object({
  terms: z.string().trim().min(2, 'Give at least one word, for example: /news quotes tariffs').max(200),
  page: pageOption,
});

export const quotes = {
  name: 'quotes',
  description: 'Who said something about it: quotes matching the words, grouped by speaker, newest first',
  options,
  optionInfo: [{ name: 'terms', description: 'Words the quote is about', type: 'string', required: true, rest: true }],
  example: '/news quotes tariffs',
  paged: true,
  async run({ terms, page }, { news }) {
    const found = await news.quotes(terms, { limit: WINDOW, offset: 0 });
    if (found.quotes.length === 0) {
      return { title: `Quotes: ${terms}`, blocks: [{ type: 'text', text: `Nobody is quoted about "${terms}".` }] };
    }
    const groups = groupBySpeaker(found.quotes);
    const shown = paginate(groups, page, SPEAKERS_PER_PAGE);
    const blocks: ReplyBlock[] = [];
    for (const group of shown.items) {
      const count = group.quotes.length;
      blocks.push({ type: 'heading', text: `${group.speaker} (${count} ${count === 1 ? 'quote' : 'quotes'})` });
      for (const quote of group.quotes.slice(0, QUOTES_PER_SPEAKER)) blocks.push(quoteBlock(quote));
      if (count > QUOTES_PER_SPEAKER) {
        blocks.push({ type: 'text', text: `More: /news who ${group.speaker} about ${terms}` });
      }
    }
    const total = found.total >= 1000 ? '1000+' : String(found.total);
    const speakers = `${groups.length}${found.total > found.quotes.length ? '+' : ''}`;
    return {
      title: `Who said something about "${terms}": ${total} ${found.total === 1 ? 'quote' : 'quotes'}, ${speakers} ${groups.length === 1 ? 'speaker' : 'speakers'}`,
      blocks,
      ...pageInfo(shown.index, shown.total),
    };
  },
} satisfies CommandSpec<typeof options>;

/** Quotes grouped by speaker, the speaker with the newest quote first (quotes come newest first). */
function groupBySpeaker(list: readonly QuoteView[]): { speaker: string; quotes: QuoteView[] }[] {
  const groups = new Map<string, QuoteView[]>();
  for (const quote of list) groups.set(quote.speaker, [...(groups.get(quote.speaker) ?? []), quote]);
  return [...groups.entries()].map(([speaker, quotes]) => ({ speaker, quotes }));
}

/** A quote as a reply block. */
export function quoteBlock(quote: QuoteView): ReplyBlock {
  return {
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
  };
}
