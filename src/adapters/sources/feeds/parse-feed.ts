import { createHash } from 'node:crypto';
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { z } from 'zod';
import { parseAbsoluteDate } from '../../../core/ingest/dates.js';
import { repairMojibake } from '../../../core/ingest/decode.js';
import { canonicalizeUrl } from './canonical-url.js';
import { htmlToInlineText, parseHtmlDocument } from './html-text.js';
import { fastXmlParser, feedsmith } from './lazy-libraries.js';

/** One feed item, normalised across RSS, RDF, Atom and JSON Feed. */
export const FeedItemSchema = z.object({
  /** guid / id, else the link, else a hash of title and date */
  id: z.string().min(1).max(2048),
  /** plain text */
  title: z.string().max(1000).nullable(),
  /** canonical absolute http(s) link to the article page */
  link: z.url({ protocol: /^https?$/ }).nullable(),
  author: z.string().max(300).nullable(),
  /** ISO 8601 */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** the fullest HTML the item carries (content, else summary), or null */
  html: z.string().nullable(),
});

/** A feed item as validated by {@link FeedItemSchema}. */
export type FeedItem = z.infer<typeof FeedItemSchema>;

/** A parsed feed: its own title and link, and the items that passed validation. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
  /** items dropped because they carried neither a title nor any text */
  skipped: number;
}

/** A document that is not a feed, or a feed too broken to read. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  /** 'not-a-feed' for a document of another kind (an HTML page), 'malformed' for a broken feed */
  readonly kind: 'not-a-feed' | 'malformed';

  constructor(kind: 'not-a-feed' | 'malformed', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

type RawItem = Omit<FeedItem, 'id' | 'link'> & { guid: string | null; link: string | null };

/**
 * Parse an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document with feedsmith. Relative links are
 * resolved against `feedUrl` and canonicalised. Throws {@link FeedParseError} for anything else,
 * and for a feed that is not well-formed XML or valid JSON: a feed cut off mid-response would
 * otherwise pass for a complete one holding fewer items.
 */
export function parseFeedDocument(body: Uint8Array | string, feedUrl: string, contentType?: string | null): ParsedFeed {
  const text = (typeof body === 'string' ? body : decodeFeedBody(body, contentType ?? null)).replace(/^\uFEFF/, '');
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmith().parseFeed(text);
  } catch (error) {
    if (!(error instanceof feedsmith().DetectError)) {
      throw new FeedParseError('malformed', xmlProblem(text) ?? 'malformed feed (invalid XML or JSON)', {
        cause: error,
      });
    }
    const invalidJson = jsonProblem(text);
    if (invalidJson) throw new FeedParseError('malformed', invalidJson, { cause: error });
    const advertised = /<html[\s>]/i.test(text.slice(0, 4096)) ? findFeedLinks(text, feedUrl)[0] : undefined;
    const hint = advertised ? ` (the page names a feed: ${advertised})` : '';
    throw new FeedParseError('not-a-feed', `not an RSS, Atom or JSON feed${hint}`, { cause: error });
  }
  // feedsmith reads what it can of a broken document; a JSON Feed was already parsed strictly by JSON.parse
  const problem = parsed.format === 'json' ? null : xmlProblem(text);
  if (problem) throw new FeedParseError('malformed', problem);
  let raw: { title: string | null; link: string | null; items: RawItem[] };
  switch (parsed.format) {
    case 'rss':
      raw = fromRss(parsed.feed);
      break;
    case 'rdf':
      raw = fromRdf(parsed.feed);
      break;
    case 'atom':
      raw = fromAtom(parsed.feed);
      break;
    case 'json':
      raw = fromJson(parsed.feed);
      break;
  }
  const base = raw.link ? (canonicalizeUrl(raw.link, feedUrl) ?? feedUrl) : feedUrl;
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const item of raw.items) {
    const result = FeedItemSchema.safeParse(finishItem(item, feedUrl));
    if (result.success && (result.data.title || result.data.html)) items.push(result.data);
    else skipped++;
  }
  return { format: parsed.format, title: raw.title, link: base === feedUrl ? null : base, items, skipped };
}

/**
 * Why an XML document is not well formed, or null when it is. The check is fast-xml-parser's validator
 * (the parser under feedsmith). Two slips of sloppy publishers that lose nothing are let through, as
 * feed readers do: whitespace before the XML declaration, and an `&` that starts no entity.
 */
function xmlProblem(text: string): string | null {
  const tolerated = text.trimStart().replace(/&(?!(?:[A-Za-z_:][\w.:-]*|#\d+|#x[\da-fA-F]+);)/g, '&amp;');
  const result = fastXmlParser().XMLValidator.validate(tolerated);
  if (result === true) return null;
  const unclosed = unclosedElement(result.err.msg);
  if (unclosed) return `incomplete feed (the XML ends before </${unclosed}>)`;
  const detail = result.err.msg
    .replace(/ \(opened in line \d+, col \d+\)/, '')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .slice(0, 150);
  return `malformed feed (invalid XML at line ${result.err.line}: ${detail})`;
}

/**
 * The innermost element still open at the end of the document, from the validator's message for
 * that case ("Unclosed tag 'rss'." for one, "Invalid '["rss","channel"]' found." for several).
 */
function unclosedElement(message: string): string | null {
  const one = /^Unclosed tag '([^']+)'/.exec(message)?.[1];
  if (one) return one;
  const several = /^Invalid '(\[[^\]]*\])' found/.exec(message)?.[1];
  if (!several) return null;
  try {
    const names = JSON.parse(several) as unknown;
    return Array.isArray(names) && typeof names.at(-1) === 'string' ? (names.at(-1) as string) : null;
  } catch {
    return null;
  }
}

/** Why a document that looks like JSON is not valid JSON, or null (feedsmith reports it as no feed at all). */
function jsonProblem(text: string): string | null {
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 150) : String(error);
    return `malformed feed (invalid JSON: ${detail})`;
  }
}

/** Resolve the link, choose the id and fix the date of one raw item. */
function finishItem(item: RawItem, feedUrl: string): FeedItem {
  const link = item.link ? canonicalizeUrl(item.link, feedUrl) : null;
  return {
    id: itemId(item.guid, link, item.title, item.publishedAt),
    title: item.title,
    link,
    author: item.author,
    publishedAt: item.publishedAt,
    html: item.html,
  };
}

/** The item id: guid, else link, else a hash of title and date (what feed readers agree on). */
export function itemId(guid: string | null, link: string | null, title: string | null, date: string | null): string {
  const trimmed = guid?.trim();
  if (trimmed) return trimmed.slice(0, 2048);
  if (link) return link;
  return `hash:${createHash('sha256')
    .update(`${title ?? ''}\n${date ?? ''}`)
    .digest('hex')
    .slice(0, 32)}`;
}

function fromRss(feed: RssFeed.Feed<string>) {
  return {
    title: textOrNull(feed.title),
    link: feed.link ?? null,
    items: (feed.items ?? []).map(
      (item): RawItem => ({
        guid: item.guid?.value ?? null,
        link: item.link ?? atomAlternate(item.atom?.links) ?? permalinkGuid(item.guid),
        title: textOrNull(item.title) ?? textOrNull(item.dc?.titles?.[0]),
        author: firstName([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((a) => rssPerson(a))]),
        publishedAt: isoDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated),
        html: longest([item.content?.encoded, item.description]),
      }),
    ),
  };
}

/**
 * An RSS guid is the item's permalink unless it says isPermaLink="false" (RSS 2.0). Without the
 * attribute it counts only when it is an absolute http(s) URL: many feeds put bare ids there.
 */
function permalinkGuid(guid: { value?: string; isPermaLink?: boolean } | undefined): string | null {
  const value = guid?.value?.trim();
  if (!value || guid?.isPermaLink === false) return null;
  return guid?.isPermaLink === true || canonicalizeUrl(value) !== null ? value : null;
}

function fromRdf(feed: RdfFeed.Feed<string>) {
  return {
    title: textOrNull(feed.title),
    link: feed.link ?? null,
    items: (feed.items ?? []).map(
      (item): RawItem => ({
        guid: item.rdf?.about ?? null,
        link: item.link ?? null,
        title: textOrNull(item.title),
        author: firstName(item.dc?.creators ?? []),
        publishedAt: isoDate(item.dc?.dates?.[0]),
        html: longest([item.content?.encoded, item.description]),
      }),
    ),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>) {
  return {
    title: textOrNull(feed.title?.value),
    link: atomAlternate(feed.links),
    items: (feed.entries ?? []).map(
      (entry): RawItem => ({
        guid: entry.id ?? null,
        link: atomAlternate(entry.links),
        title: textOrNull(entry.title?.value),
        author: firstName([...(entry.authors ?? []), ...(feed.authors ?? [])].map((a) => a.name ?? '')),
        publishedAt: isoDate(entry.published ?? entry.updated),
        html: longest([atomHtml(entry.content), atomHtml(entry.summary)]),
      }),
    ),
  };
}

function fromJson(feed: JsonFeed.Feed<string>) {
  return {
    title: textOrNull(feed.title),
    link: feed.home_page_url ?? null,
    items: (feed.items ?? []).map(
      (item): RawItem => ({
        guid: item.id === undefined || item.id === null ? null : String(item.id),
        link: item.url ?? item.external_url ?? null,
        title: textOrNull(item.title),
        author: firstName([...(item.authors ?? []), ...(feed.authors ?? [])].map((a) => a.name ?? '')),
        publishedAt: isoDate(item.date_published ?? item.date_modified),
        html: longest([item.content_html, item.content_text && escapeText(item.content_text), item.summary]),
      }),
    ),
  };
}

/** The alternate (or first untyped) link of an Atom entry or feed. */
function atomAlternate(links: { href?: string; rel?: string }[] | undefined): string | null {
  if (!links) return null;
  const alternate = links.find((l) => l.href && (l.rel === undefined || l.rel === 'alternate'));
  return alternate?.href ?? null;
}

/** Atom text constructs: 'text' is plain, 'html' is escaped HTML, 'xhtml' is inline markup. */
function atomHtml(text: { value?: string; type?: string } | undefined): string | null {
  if (!text?.value) return null;
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeText(text.value);
}

/** Plain text as HTML, one paragraph per blank-line-separated block. */
function escapeText(text: string): string {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((block) => `<p>${block}</p>`)
    .join('');
}

/** "jane@example.com (Jane Doe)" is how RSS writes authors; the name is in parentheses. */
function rssPerson(person: { name?: string; email?: string }): string {
  const raw = person.name ?? '';
  const inParens = /\(([^)]+)\)\s*$/.exec(raw);
  if (inParens?.[1]) return inParens[1];
  return raw.includes('@') && !raw.includes(' ') ? '' : raw;
}

function firstName(names: string[]): string | null {
  for (const name of names) {
    const text = htmlToInlineText(name);
    if (text !== '') return text.slice(0, 300);
  }
  return null;
}

function textOrNull(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = htmlToInlineText(value);
  return text === '' ? null : text.slice(0, 1000);
}

/** The longest non-empty candidate: feeds put the full text in one field and a teaser in another. */
function longest(candidates: (string | undefined | null | false)[]): string | null {
  let best: string | null = null;
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '' && (best === null || candidate.length > best.length)) {
      best = candidate;
    }
  }
  return best;
}

/** An ISO timestamp from an RFC 822, RFC 3339 or looser date, or null. */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const parsed = Date.parse(value.trim());
  if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  return parseAbsoluteDate(value.trim())?.toISOString() ?? null;
}

/**
 * The text of a feed or page body: a BOM wins, then the HTTP charset, then the XML declaration or
 * HTML meta charset, then UTF-8.
 * Unknown charsets fall back to UTF-8 rather than failing the feed. Text double-encoded upstream ("JuliÃ¡n") is
 * repaired.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType: string | null): string {
  return repairMojibake(decodeDeclared(bytes, contentType));
}

function decodeDeclared(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const fromProlog = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  // HTML pages declare theirs in a meta tag
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromProlog, fromMeta]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: try the next source of truth
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|rdf\+xml)$|^application\/json$/i;

/** The feeds an HTML page advertises with `<link rel="alternate" type="application/rss+xml">`, canonicalised. */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const document = parseHtmlDocument(html);
  const links: string[] = [];
  for (const link of document.querySelectorAll('link[rel~="alternate"][href]')) {
    const type = link.getAttribute('type')?.trim() ?? '';
    const href = link.getAttribute('href') ?? '';
    const url = FEED_TYPES.test(type) ? canonicalizeUrl(href, pageUrl) : null;
    if (url && !links.includes(url)) links.push(url);
  }
  return links;
}
