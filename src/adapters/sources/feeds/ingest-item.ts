import { createHash } from 'node:crypto';
import type { Paragraph, ParsedArticle } from '../../../core/articles/article.js';
import { analyzeArticle } from '../../../core/ingest/analyze.js';
import { makeParagraph, stripDateline } from '../../../core/ingest/parse-text.js';
import { isChromeParagraph } from '../../../core/nlp/clean.js';
import type { AnalyzedArticle, ArticleStore, Logger, Summarizer } from '../../../core/ports.js';
import type { SqliteFeedStore } from '../../../core/store/feed-store.js';
import { extractArticlePage } from './extract-page.js';
import { htmlToBlocks, type TextBlock } from './html-text.js';
import { decodeFeedBody, type FeedItem } from './parse-feed.js';
import type { PoliteFetcher } from './polite-fetch.js';
import { isSameStoryText, shingleHashes, titleKey } from './story-match.js';

/** What happened to one feed item. */
export type ItemOutcome = 'added' | 'updated' | 'linked' | 'unchanged' | 'backlog' | 'empty';

export interface ItemIngestDeps {
  store: ArticleStore;
  feedStore: SqliteFeedStore;
  fetcher: PoliteFetcher;
  logger: Logger;
  summarizer?: Summarizer | undefined;
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
 * Bring one feed item into the store. Unchanged items cost a lookup. A story already stored from
 * another feed (same canonical URL, or the same title with near-identical text) is linked, not
 * duplicated: the article then lists both origins and both sources.
 */
export async function ingestFeedItem(
  deps: ItemIngestDeps,
  source: ItemSource,
  item: FeedItem,
  options: { backlog: boolean },
): Promise<ItemOutcome> {
  const { feedStore } = deps;
  const contentHash = itemContentHash(item);
  const seen = feedStore.seenItem(source.url, item.id);
  if (seen && (seen.contentHash === contentHash || seen.story === null)) {
    // backlog items stay out even when edited later; they were never news here
    if (seen.contentHash !== contentHash) feedStore.recordItem(source.url, item.id, { contentHash, story: null });
    return seen.story === null ? 'backlog' : 'unchanged';
  }
  if (options.backlog) {
    feedStore.recordItem(source.url, item.id, { contentHash, story: null });
    return 'backlog';
  }
  const origin = item.link ?? `${source.url}#item-${hashText(item.id).slice(0, 24)}`;
  const existing = feedStore.story(origin);
  if (existing && seen?.story !== origin) {
    feedStore.recordItem(source.url, item.id, { contentHash, story: origin });
    return 'linked';
  }
  const article = await buildItemArticle(deps, source, item);
  if (article === null) {
    feedStore.recordItem(source.url, item.id, { contentHash, story: null });
    return 'empty';
  }
  const key = titleKey(article.title);
  const shingles = shingleHashes(articleText(article));
  if (!existing) {
    const twin = feedStore.storiesByTitle(key).find((story) => isSameStoryText(story.shingles, shingles));
    const twinArticle = twin ? deps.store.getArticle(twin.articleId) : null;
    if (twin && twinArticle) {
      writeOrigin(deps, origin, contentHash, twinArticle);
      feedStore.saveStory({ origin, articleId: twinArticle.id, titleKey: twin.titleKey, shingles: twin.shingles });
      feedStore.recordItem(source.url, item.id, { contentHash, story: origin });
      return 'linked';
    }
  }
  const analyzed = await analyzeArticle(article, deps.summarizer);
  feedStore.transaction(() => {
    writeOrigin(deps, origin, contentHash, analyzed);
    feedStore.saveStory({ origin, articleId: analyzed.id, titleKey: key, shingles });
    // origins linked to the previous version follow the story, so it stays one article
    if (existing && existing.articleId !== analyzed.id) {
      for (const linked of feedStore.storiesOfArticle(existing.articleId)) {
        writeOrigin(deps, linked.origin, contentHash, analyzed);
        feedStore.saveStory({ ...linked, articleId: analyzed.id });
      }
    }
    feedStore.recordItem(source.url, item.id, { contentHash, story: origin });
  });
  return seen ? 'updated' : 'added';
}

function writeOrigin(deps: ItemIngestDeps, origin: string, hash: string, article: AnalyzedArticle): void {
  const size = article.paragraphs.reduce((total, p) => total + p.text.length, article.title.length);
  deps.store.replaceFile({ path: origin, size, mtimeMs: deps.now().getTime(), hash }, [article]);
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
  deps.feedStore.countPageFailure(source.url);
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
