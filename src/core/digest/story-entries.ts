import type { Quote } from '../articles/article.js';
import { fnv1a } from '../nlp/fingerprint.js';
import { foldText } from '../nlp/names.js';
import type { ArticleView, DigestArticles, QuoteView, StoryDetail } from '../ports.js';
import { articleBlock, type ReplyBlock } from '../reply.js';

/*
 * A digest (and a topic or source follow's live alert) lists one entry per story. An outlet joining a story an earlier digest already delivered does not
 * deliver it again, unless it brings quotes the story's earlier articles did not carry: then it comes as an update,
 * with one of those quotes.
 */

/** One digest entry: a story (or an article not in one) with its best quote. */
export interface StoryEntry {
  article: ArticleView;
  quote: QuoteView | null;
  /** the outlets carrying the story, when several do */
  outlets?: string[] | undefined;
  /** the story was delivered before; this entry brings its new quotes */
  update?: boolean | undefined;
}

/** What grouping needs of the store, beyond the articles themselves. */
export interface StoryEntryReads {
  /** whether an earlier article of the story reached this subscription (matched its filter) */
  delivered(article: ArticleView & { seq: number }): Promise<boolean>;
  /** the direct and partial quotes of an article */
  quotesOf(articleId: string): Promise<readonly Quote[]>;
}

/** The direct and partial quotes of an article, as {@link StoryEntryReads.quotesOf} wants them. */
export function storyQuotesOf(articles: Pick<DigestArticles, 'getArticle'>): StoryEntryReads['quotesOf'] {
  return async (id) => (await articles.getArticle(id))?.quotes.filter((q) => q.kind !== 'reported') ?? [];
}

/** A story entry as an article card: its lead (or "Update: " and the new quote), summary and outlets. */
export function storyEntryBlock({ article, quote, outlets, update }: StoryEntry): ReplyBlock {
  return articleBlock(
    update ? { ...article, title: `Update: ${article.title}` } : article,
    article.short,
    quote ? { text: quote.text, speaker: quote.speaker } : undefined,
    outlets ? { outlets } : undefined,
  );
}

/** The same words quoted, whatever their case, accents or punctuation. */
export function quoteFingerprint(text: string): number {
  return fnv1a(
    foldText(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/**
 * One entry per story among the digest's new articles (oldest first, as selected), given their stories, the
 * subscription's watermark (articles at or below it were delivered or passed over), and each article's top quote.
 */
export async function groupByStory(
  fresh: readonly ArticleView[],
  stories: ReadonlyMap<string, StoryDetail>,
  watermark: number,
  topQuotes: ReadonlyMap<string, QuoteView>,
  reads: StoryEntryReads,
): Promise<StoryEntry[]> {
  const groups = new Map<string, ArticleView[]>();
  for (const article of fresh) {
    const key = stories.get(article.id)?.id ?? article.id;
    const group = groups.get(key);
    if (group) group.push(article);
    else groups.set(key, [article]);
  }
  const entries: StoryEntry[] = [];
  for (const [, group] of groups) {
    const first = group[0]!;
    const story = stories.get(first.id);
    const outlets = story && story.outlets.length > 1 ? story.outlets : undefined;
    const earlier = story ? story.articles.filter((a) => a.seq <= watermark) : [];
    let deliveredBefore = false;
    for (const article of earlier) {
      if (await reads.delivered(article)) {
        deliveredBefore = true;
        break;
      }
    }
    if (!deliveredBefore) {
      // the story's own lead when it is among the new articles, else the first new one
      const lead = group.find((a) => a.id === story?.id) ?? first;
      const quote = topQuotes.get(lead.id) ?? group.map((a) => topQuotes.get(a.id)).find(Boolean) ?? null;
      entries.push({ article: lead, quote, ...(outlets ? { outlets } : {}) });
      continue;
    }
    const seen = new Set<number>();
    for (const article of earlier) {
      for (const quote of await reads.quotesOf(article.id)) seen.add(quoteFingerprint(quote.text));
    }
    const update = await firstNewQuote(group, seen, topQuotes, reads);
    if (update) entries.push({ ...update, ...(outlets ? { outlets } : {}), update: true });
  }
  return entries;
}

/** The first new article with a quote the story had not carried, and that quote (its top one when new). */
async function firstNewQuote(
  group: readonly ArticleView[],
  seen: ReadonlySet<number>,
  topQuotes: ReadonlyMap<string, QuoteView>,
  reads: StoryEntryReads,
): Promise<{ article: ArticleView; quote: QuoteView | null } | null> {
  for (const article of group) {
    const fresh = (await reads.quotesOf(article.id)).filter((quote) => !seen.has(quoteFingerprint(quote.text)));
    if (fresh.length === 0) continue;
    const top = topQuotes.get(article.id);
    if (top && !seen.has(quoteFingerprint(top.text))) return { article, quote: top };
    const [quote] = fresh;
    return {
      article,
      quote: quote?.speaker
        ? {
            text: quote.text,
            kind: quote.kind,
            speaker: quote.speaker,
            articleId: article.id,
            articleTitle: article.title,
            articleUrl: article.url,
            publishedAt: article.publishedAt,
            publishedApprox: article.publishedApprox,
            start: quote.start,
            end: quote.end,
          }
        : null,
    };
  }
  return null;
}
