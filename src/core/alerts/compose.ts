import type { QuoteKind, StoredArticle } from '../articles/article.js';
import { type StoryEntry, storyEntryBlock } from '../digest/story-entries.js';
import { normalizeName } from '../nlp/names.js';
import type { Reply, ReplyBlock } from '../reply.js';

/**
 * How many items one alert lists. Ten quotes or article cards fit one Discord message (6000 characters of
 * embeds) and one Slack message (50 blocks, our 8000-character budget) at the renderers' tighter text caps; the
 * rest is one command away.
 */
export const MAX_ALERT_ITEMS = 10;

/** One new quote by a followed speaker, in one new article. */
export interface QuoteHit {
  text: string;
  kind: QuoteKind;
  speaker: string;
  /** the speaker's best role in that article, if it gives one */
  role: string | null;
  article: Pick<StoredArticle, 'id' | 'title' | 'url' | 'publishedAt' | 'publishedApprox' | 'ingestedAt'>;
  /** where the article came from: feed names, else its source line */
  outlets: string[];
}

/**
 * The alert for a followed speaker's new quotes: one entry per distinct quote (the same words carried by several
 * outlets are one entry listing them all), in arrival order, at most {@link MAX_ALERT_ITEMS}, then where to read
 * the rest.
 */
export function composeQuoteAlert(label: string, hits: readonly QuoteHit[]): Reply {
  const entries = new Map<string, { hit: QuoteHit; outlets: Set<string>; articles: number }>();
  for (const hit of hits) {
    const key = `${normalizeName(hit.speaker)}|${normalizeName(hit.text)}`;
    const entry = entries.get(key);
    if (entry) {
      for (const outlet of hit.outlets) entry.outlets.add(outlet);
      entry.articles++;
    } else entries.set(key, { hit, outlets: new Set(hit.outlets), articles: 1 });
  }
  const all = [...entries.values()];
  const count = all.length;
  const blocks: ReplyBlock[] = all.slice(0, MAX_ALERT_ITEMS).map(({ hit, outlets }) => ({
    type: 'quote',
    text: hit.text,
    kind: hit.kind,
    speaker: hit.role ? `${hit.speaker} (${hit.role})` : hit.speaker,
    articleId: hit.article.id,
    articleTitle: hit.article.title,
    articleUrl: hit.article.url,
    publishedAt: hit.article.publishedAt ?? hit.article.ingestedAt,
    publishedApprox: hit.article.publishedApprox,
    outlets: [...outlets],
  }));
  const rest = count - MAX_ALERT_ITEMS;
  if (rest > 0) {
    blocks.push({ type: 'text', text: `…and ${rest} more. All of them: /news who ${label}` });
  }
  return { title: `${label}: ${count} new ${count === 1 ? 'quote' : 'quotes'}`, blocks };
}

/**
 * The alert for a followed topic's or feed's new stories: one entry per story (its lead, short summary and the
 * outlets carrying it; a story delivered before comes as an "Update:" with its new quote), newest last, then the
 * rest's command.
 */
export function composeArticleAlert(kind: 'topic' | 'source', label: string, entries: readonly StoryEntry[]): Reply {
  const count = entries.length;
  const noun = count === 1 ? 'story' : 'stories';
  // a lead's quote stays in /news story: ten cards must fit one message; an update is there for its new quote
  const blocks: ReplyBlock[] = entries
    .slice(0, MAX_ALERT_ITEMS)
    .map((entry) => storyEntryBlock(entry.update ? entry : { ...entry, quote: null }));
  const rest = count - MAX_ALERT_ITEMS;
  if (rest > 0) {
    const more = kind === 'topic' ? `/news search ${label}` : '/news latest';
    blocks.push({ type: 'text', text: `…and ${rest} more. See ${more}` });
  }
  const title = kind === 'topic' ? `New about "${label}": ${count} ${noun}` : `New from ${label}: ${count} ${noun}`;
  return { title, blocks };
}
