import type { Paragraph, ParsedArticle, Quote } from '../articles/article.js';

/**
 * The most of each part of an article that ingest keeps; anything beyond is cut, with one warning naming
 * the file. Real news stays far inside them: they bound the memory and time one hostile file can take.
 */
export const INGEST_LIMITS = {
  /** characters of a title (real headlines stay under 200) */
  titleChars: 300,
  /** characters of the author, source and dateline */
  fieldChars: 200,
  captionChars: 1_000,
  /** a longer URL is dropped, not cut: half a link leads nowhere */
  urlChars: 2_048,
  highlights: 20,
  highlightChars: 500,
  paragraphs: 1_000,
  paragraphChars: 20_000,
  quotes: 500,
  articlesPerFile: 2_000,
  /** warnings reported per file; the rest are counted in one last warning */
  warningsPerFile: 20,
  warningChars: 300,
} as const;

/** An article within {@link INGEST_LIMITS}, and what had to be cut to get there (empty when nothing). */
export interface LimitedArticle {
  article: ParsedArticle;
  cuts: string[];
}

/**
 * Cut an article to the limits: title and fields shortened, highlights and paragraphs beyond the limits dropped,
 * overlong paragraphs cut at a word. Paragraph offsets stay true (`source.slice(start, end) === text`).
 */
export function limitArticle(article: ParsedArticle): LimitedArticle {
  const cuts: string[] = [];
  const L = INGEST_LIMITS;
  const title = shortenText(article.title, L.titleChars);
  if (title !== article.title) cuts.push(`title cut to ${L.titleChars} characters`);
  const field = (name: string, value: string | null, max: number): string | null => {
    if (value === null || value.length <= max) return value;
    cuts.push(`${name} cut to ${max} characters`);
    return shortenText(value, max);
  };
  let url = article.url;
  if (url !== null && url.length > L.urlChars) {
    cuts.push(`url longer than ${L.urlChars} characters dropped`);
    url = null;
  }
  let highlights = article.highlights;
  if (highlights.length > L.highlights) {
    cuts.push(`only the first ${L.highlights} of ${highlights.length} highlights kept`);
    highlights = highlights.slice(0, L.highlights);
  }
  if (highlights.some((h) => h.length > L.highlightChars)) {
    cuts.push(`highlights cut to ${L.highlightChars} characters`);
    highlights = highlights.map((h) => shortenText(h, L.highlightChars));
  }
  let paragraphs = article.paragraphs;
  if (paragraphs.length > L.paragraphs) {
    cuts.push(`only the first ${L.paragraphs} of ${paragraphs.length} paragraphs kept`);
    paragraphs = paragraphs.slice(0, L.paragraphs);
  }
  const long = paragraphs.filter((p) => p.text.length > L.paragraphChars).length;
  if (long > 0) {
    cuts.push(`${long} ${long === 1 ? 'paragraph' : 'paragraphs'} cut to ${L.paragraphChars} characters`);
    paragraphs = paragraphs.map((p) => cutParagraph(p, L.paragraphChars));
  }
  const source = field('source', article.source, L.fieldChars);
  const author = field('author', article.author, L.fieldChars);
  const dateline = field('dateline', article.dateline, L.fieldChars);
  const caption = field('caption', article.caption, L.captionChars);
  if (cuts.length === 0) return { article, cuts };
  return { article: { ...article, title, url, source, author, dateline, caption, highlights, paragraphs }, cuts };
}

/** Keep the first {@link INGEST_LIMITS.quotes} quotes of an analysed article (in article order). */
export function limitQuotes<T extends { quotes: Quote[] }>(analyzed: T): { article: T; cuts: string[] } {
  const max = INGEST_LIMITS.quotes;
  if (analyzed.quotes.length <= max) return { article: analyzed, cuts: [] };
  return {
    article: { ...analyzed, quotes: analyzed.quotes.slice(0, max) },
    cuts: [`only the first ${max} of ${analyzed.quotes.length} quotes kept`],
  };
}

/** How warnings name an article: by its title, shortened to fit in one line. */
export function articleLabel(title: string): string {
  return `article "${shortenText(title, 60)}"`;
}

/** Warnings of one file: each message shortened, and past the limit one last warning counting the rest. */
export function limitWarnings<T extends { file: string; message: string }>(warnings: T[]): T[] {
  const max = INGEST_LIMITS.warningsPerFile;
  const shortened = warnings.map((w) =>
    w.message.length > INGEST_LIMITS.warningChars
      ? { ...w, message: shortenText(w.message, INGEST_LIMITS.warningChars) }
      : w,
  );
  if (shortened.length <= max) return shortened;
  const kept = shortened.slice(0, max - 1);
  const rest = shortened.length - kept.length;
  return [...kept, { ...shortened[max - 1]!, message: `and ${rest} more problems in this file` }];
}

/**
 * `text` in at most `max` characters: cut at the last space in its final third where there is one, never
 * inside a surrogate pair, and ended with an ellipsis. Shorter text is returned as it is.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutIndex(text, max - 1)).trimEnd()}…`;
}

/** Where to cut `text` to at most `max` characters: after a word when one ends late enough, else at `max`. */
function cutIndex(text: string, max: number): number {
  const space = text.lastIndexOf(' ', max);
  let at = space >= (max * 2) / 3 ? space : max;
  // a high surrogate left at the end would be half a character
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at--;
  return at;
}

function cutParagraph(paragraph: Paragraph, max: number): Paragraph {
  if (paragraph.text.length <= max) return paragraph;
  const text = paragraph.text.slice(0, cutIndex(paragraph.text, max)).trimEnd();
  return { ...paragraph, text, end: paragraph.start + text.length };
}
