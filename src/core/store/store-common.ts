import type { QuoteKind } from '../articles/article.js';
import { NewsdeskError } from '../errors.js';
import { foldText } from '../nlp/names.js';

/* What the SQLite and PostgreSQL article stores share: limits, orderings, cursors and snippets. */

/** Search ranks this many of the newest matching articles by relevance. */
export const SEARCH_WINDOW = 200;
/** Match counts stop here ("1000+" articles). */
export const MAX_COUNTED = 1000;

/** Roles and aliases kept per person: enough to say who someone is, bounded for famous people. */
export const MAX_LISTED = 12;

/** Kind ranks used to order a person's quotes: verbatim speech first, reported speech last. */
export const KIND_RANK: Record<QuoteKind, number> = { direct: 0, partial: 1, reported: 2 };

/** Newsworthiness of a quote for digests: full direct quotes of substance, early in the article. */
export function quoteScore(kind: QuoteKind, text: string, paragraphIndex: number): number {
  const words = text.split(/\s+/).length;
  const length = words < 6 ? 0.2 : words > 60 ? 0.6 : 1;
  return (kind === 'direct' ? 1 : kind === 'partial' ? 0.4 : 0.2) * length * (1 / (1 + paragraphIndex * 0.1));
}

/** The words of a search, folded like the index folds them (lowercase, no accents). */
export function searchWords(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/** About 200 characters of the first paragraph that contains a searched word, cut at word boundaries. */
export function snippetOf(paragraphs: { text: string; kind: string }[], words: string[], size = 200): string {
  const body = paragraphs.filter((p) => p.kind === 'body');
  for (const paragraph of body) {
    const folded = foldText(paragraph.text);
    // folding keeps lengths only roughly; find the word, then map back by proportion
    const at = words
      .map((w) => folded.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u')))
      .filter((i) => i >= 0);
    if (at.length === 0) continue;
    const hit = Math.round((Math.min(...at) / Math.max(1, folded.length)) * paragraph.text.length);
    return cutAround(paragraph.text, hit, size);
  }
  return cutAround(body[0]?.text ?? '', 0, size);
}

function cutAround(text: string, at: number, size: number): string {
  if (text.length <= size) return text;
  let start = Math.max(0, at - Math.floor(size / 3));
  let end = Math.min(text.length, start + size);
  start = Math.max(0, end - size);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(`${sortKey}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { sortKey: string; id: string } {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = decoded.lastIndexOf('|');
  if (bar <= 0) throw new NewsdeskError('BAD_INPUT', 'That page cursor is not valid; start again from the first page.');
  return { sortKey: decoded.slice(0, bar), id: decoded.slice(bar + 1) };
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The fullest form of a name across articles: most name parts, then most frequent, then hyphenated ("Kilroy-Silk" as
 * one surname, not "Kilroy Silk"), then the first given (the one already stored).
 */
export function pickName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const parts = (name: string): number => name.split(/[\s-]+/u).length;
  const hyphens = (name: string): number => (name.includes('-') ? 1 : 0);
  return [...counts.entries()].sort(
    ([a, ca], [b, cb]) => parts(b) - parts(a) || cb - ca || hyphens(b) - hyphens(a),
  )[0]?.[0] as string;
}

/** The outlet of an article: its source, else its link's host. */
export function outletOf(article: { source: string | null; url: string | null }): string | null {
  if (article.source) return article.source;
  if (!article.url) return null;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
