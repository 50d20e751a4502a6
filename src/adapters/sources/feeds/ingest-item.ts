import { createHash } from 'node:crypto';
import type { Paragraph, ParsedArticle } from '../../../core/articles/article.js';
import { analyzeArticle } from '../../../core/ingest/analyze.js';
import { makeParagraph, stripDateline } from '../../../core/ingest/lines.js';
import { isChromeParagraph } from '../../../core/nlp/clean.js';
import type {
  AnalyzedArticle,
  ArticleAnalyzer,
  ArticleIngest,
  FeedStore,
  FeedStory,
  Logger,
  SeenItem,
  Summarizer,
} from '../../../core/ports.js';
import { extractArticlePage } from './extract-page.js';
import { type FeedClaims, feedItemKey } from './feed-claims.js';
import { htmlToBlocks, type TextBlock } from './html-text.js';
import { decodeFeedBody, type FeedItem } from './parse-feed.js';
import type { PoliteFetcher } from './polite-fetch.js';
import { isSameStoryText, shingleHashes, titleKey } from './story-match.js';

/**
 * What happened to one feed item. 'elsewhere': another process holds the item's claim and stores it;
 * 'error' is counted by the poller when storing the item threw.
 */
export type ItemOutcome = 'added' | 'updated' | 'linked' | 'unchanged' | 'backlog' | 'empty' | 'elsewhere';

export interface ItemIngestDeps {
  articles: ArticleIngest;
  feedStore: FeedStore;
  claims: FeedClaims;
  fetcher: PoliteFetcher;
  logger: Logger;
  summarizer?: Summarizer | undefined;
  /** where items are analysed (the worker pool); in-process when absent */
  analyzer?: ArticleAnalyzer | undefined;
  now: () => Date;
  /** an item with less text than this is a teaser: the article page is fetched (default 400) */
  teaserChars: number;
}

export interface ItemSource {
  url: string;
  /** the name articles carry as their source */
  name: string;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Stable hash of what an item says (not when it says it), so a re-dated item is not news. */
export function itemContentHash(item: FeedItem): string {
  return createHash('sha256')
    .update(`${item.title ?? ''}\n${item.link ?? ''}\n${item.author ?? ''}\n${item.html ?? ''}`)
    .digest('hex');
}

/**
 * Bring one feed item into the store. Unchanged items cost a lookup. Anything more is done under the
 * item's claim, so of several processes polling the same source each item is fetched and analysed
 * once. A story already stored from another feed (same canonical URL, or the same title with
 * near-identical text) is linked, not duplicated: the article then lists both origins and both sources.
 */
export async function ingestFeedItem(
  deps: ItemIngestDeps,
  source: ItemSource,
  item: FeedItem,
  options: { backlog: boolean },
): Promise<ItemOutcome> {
  const contentHash = itemContentHash(item);
  const first = await settleKnownItem(deps.feedStore, source.url, item, contentHash, options.backlog);
  if (first.outcome) return first.outcome;
  const claim = await deps.claims.acquire(feedItemKey(source.url, item.id));
  if (!claim) return 'elsewhere';
  try {
    // another process may have finished the item between the first look and the claim
    const settled = await settleKnownItem(deps.feedStore, source.url, item, contentHash, options.backlog);
    if (settled.outcome) return settled.outcome;
    return await storeItem(deps, source, item, contentHash, settled.seen);
  } finally {
    await claim.release();
  }
}

/** Items whose fate is already known (unchanged, backlog) are settled without a claim: cheap and idempotent. */
async function settleKnownItem(
  feedStore: FeedStore,
  sourceUrl: string,
  item: FeedItem,
  contentHash: string,
  backlog: boolean,
): Promise<{ outcome: ItemOutcome; seen?: never } | { outcome: null; seen: SeenItem | null }> {
  const seen = await feedStore.seenItem(sourceUrl, item.id);
  if (seen && (seen.contentHash === contentHash || seen.story === null)) {
    // backlog items stay out even when edited later; they were never news here
    if (seen.contentHash !== contentHash) await feedStore.recordItem(sourceUrl, item.id, { contentHash, story: null });
    return { outcome: seen.story === null ? 'backlog' : 'unchanged' };
  }
  if (backlog) {
    await feedStore.recordItem(sourceUrl, item.id, { contentHash, story: null });
    return { outcome: 'backlog' };
  }
  return { outcome: null, seen };
}

/**
 * Write a new or edited item. The articles are written first (one transaction of the article store),
 * then the feed rows (one of the feed store): a crash in between leaves the item unrecorded, so the
 * next poll processes it again to the same origins and the same content-hash article ids.
 */
async function storeItem(
  deps: ItemIngestDeps,
  source: ItemSource,
  item: FeedItem,
  contentHash: string,
  seen: SeenItem | null,
): Promise<ItemOutcome> {
  const { feedStore } = deps;
  const origin = item.link ?? `${source.url}#item-${hashText(item.id).slice(0, 24)}`;
  const existing = await feedStore.story(origin);
  if (existing && seen?.story !== origin) {
    await feedStore.recordItem(source.url, item.id, { contentHash, story: origin });
    return 'linked';
  }
  const article = await buildItemArticle(deps, source, item);
  if (article === null) {
    await feedStore.recordItem(source.url, item.id, { contentHash, story: null });
    return 'empty';
  }
  const key = titleKey(article.title);
  const shingles = shingleHashes(articleText(article));
  const stored = { sourceUrl: source.url, itemId: item.id, contentHash, story: origin };
  if (!existing) {
    const twin = await findTwin(deps, key, shingles);
    if (twin) {
      await writeOrigins(deps, [origin], contentHash, twin.article);
      const story = {
        origin,
        articleId: twin.article.id,
        titleKey: twin.story.titleKey,
        shingles: twin.story.shingles,
      };
      await feedStore.recordStoredItem({ ...stored, stories: [story] });
      return 'linked';
    }
  }
  const analyzed = await analyzeArticle(article, deps);
  // origins linked to the previous version follow the story, so it stays one article
  const followers =
    existing && existing.articleId !== analyzed.id
      ? (await feedStore.storiesOfArticle(existing.articleId)).filter((story) => story.origin !== origin)
      : [];
  const stories: FeedStory[] = [
    { origin, articleId: analyzed.id, titleKey: key, shingles },
    ...followers.map((story) => ({ ...story, articleId: analyzed.id })),
  ];
  await writeOrigins(
    deps,
    stories.map((story) => story.origin),
    contentHash,
    analyzed,
  );
  await feedStore.recordStoredItem({ ...stored, stories });
  return seen ? 'updated' : 'added';
}

/** A story stored from another feed under the same title with near-identical text, and its article. */
async function findTwin(
  deps: ItemIngestDeps,
  key: string,
  shingles: number[],
): Promise<{ story: FeedStory; article: AnalyzedArticle } | null> {
  const candidates = await deps.feedStore.storiesByTitle(key);
  const story = candidates.find((candidate) => isSameStoryText(candidate.shingles, shingles));
  const article = story ? await deps.articles.getArticle(story.articleId) : null;
  return story && article ? { story, article } : null;
}

/** Point each origin at the article, in one article-store transaction. */
async function writeOrigins(
  deps: ItemIngestDeps,
  origins: readonly string[],
  hash: string,
  article: AnalyzedArticle,
): Promise<void> {
  const size = article.paragraphs.reduce((total, p) => total + p.text.length, article.title.length);
  const mtimeMs = deps.now().getTime();
  await deps.articles.applyFiles(
    origins.map((path) => ({ record: { path, size, mtimeMs, hash }, articles: [article] })),
  );
}

/**
 * The article for an item: its own text, or the article page's main text when the item is only a
 * teaser and the page gives more. Returns null when there is nothing to show.
 */
async function buildItemArticle(
  deps: ItemIngestDeps,
  source: ItemSource,
  item: FeedItem,
): Promise<ParsedArticle | null> {
  let blocks = item.html ? htmlToBlocks(item.html) : [];
  let author = item.author;
  if (item.link && blockLength(blocks) < deps.teaserChars) {
    const page = await fetchPage(deps, source, item.link);
    if (page && blockLength(page.blocks) > blockLength(blocks)) {
      blocks = page.blocks;
      author ??= page.byline;
    }
  }
  const title = item.title ?? firstWords(blocks);
  if (title === null) return null;
  const publishedAt = notInFuture(item.publishedAt, deps.now());
  return buildArticle({ title, blocks, url: item.link, source: source.name, author, publishedAt });
}

/** A date more than an hour ahead is a feed's mistake; it would pin the article to the top of every list. */
function notInFuture(iso: string | null, now: Date): string | null {
  if (iso === null) return null;
  return Date.parse(iso) > now.getTime() + 3_600_000 ? now.toISOString() : iso;
}

/** The main text of an article page, or null (logged and counted) when it cannot be had. */
async function fetchPage(
  deps: ItemIngestDeps,
  source: ItemSource,
  url: string,
): Promise<{ blocks: TextBlock[]; byline: string | null } | null> {
  let reason: string;
  try {
    const result = await deps.fetcher.get(url, { accept: PAGE_ACCEPT });
    if (result.notModified) return null;
    if (result.contentType && !/html/i.test(result.contentType)) {
      reason = `not an HTML page (${result.contentType.split(';')[0]})`;
    } else {
      const page = extractArticlePage(decodeFeedBody(result.body, result.contentType), result.url);
      if (page) return { blocks: page.blocks, byline: cleanByline(page.byline) };
      reason = 'no article text found on the page';
    }
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  await deps.feedStore.countPageFailure(source.url);
  deps.logger.warn({ source: source.url, page: url, reason }, 'article page extraction failed; keeping the feed text');
  return null;
}

/** A ParsedArticle whose paragraph offsets index the blocks joined by blank lines. */
export function buildArticle(input: {
  title: string;
  blocks: TextBlock[];
  url: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
}): ParsedArticle {
  const key = titleKey(input.title);
  const kept = input.blocks.filter(
    (block, index) => !isChromeParagraph(block.text) && !(index === 0 && titleKey(block.text) === key),
  );
  const paragraphs: Paragraph[] = [];
  let source = '';
  for (const block of kept) {
    if (source !== '') source += '\n\n';
    paragraphs.push(makeParagraph(source + block.text, source.length, source.length + block.text.length, block.kind));
    source += block.text;
  }
  const dateline = stripDateline(paragraphs);
  return {
    title: input.title,
    url: input.url,
    source: input.source,
    author: input.author,
    publishedAt: input.publishedAt,
    publishedApprox: false,
    dateline,
    caption: null,
    highlights: [],
    paragraphs,
  };
}

function articleText(article: ParsedArticle): string {
  return article.paragraphs.map((p) => p.text).join(' ');
}

function blockLength(blocks: TextBlock[]): number {
  return blocks.reduce((total, block) => total + block.text.length, 0);
}

/** A title for an untitled item: the opening words of its text. */
function firstWords(blocks: TextBlock[]): string | null {
  const text = blocks.find((block) => block.kind === 'body')?.text;
  if (!text) return null;
  if (text.length <= 90) return text;
  const cut = text.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

function cleanByline(byline: string | null): string | null {
  const name = byline?.replace(/^by\s+/i, '').trim();
  return name ? name.slice(0, 300) : null;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
