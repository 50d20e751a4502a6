import type { Paragraph, ParsedArticle } from './article.js';

/** The non-empty lines of `text` from offset `from` on, trimmed, as body paragraphs with exact offsets into `text`. */
export function lineParagraphs(text: string, from = 0): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const pattern = /[^\r\n]+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const leading = match[0].length - match[0].trimStart().length;
    const body = match[0].trim();
    if (body.length === 0) continue;
    const start = match.index + leading;
    paragraphs.push({ text: body, start, end: start + body.length, kind: 'body' });
  }
  return paragraphs;
}

/** A bare article from a title and lines of text: for evaluation corpora and tests, where no page layout is parsed. */
export function articleFromLines(title: string, text: string, from = 0): ParsedArticle {
  return bareArticle(title, lineParagraphs(text, from));
}

/** An article of only a title and paragraphs (nothing known of its page, source or date). */
export function bareArticle(title: string, paragraphs: Paragraph[]): ParsedArticle {
  return {
    title,
    url: null,
    source: null,
    author: null,
    publishedAt: null,
    publishedApprox: false,
    dateline: null,
    caption: null,
    highlights: [],
    paragraphs,
  };
}
