import type { ParsedArticle } from '../../articles/article.js';
import { splitSentences } from '../sentences.js';
import { groupQuoteParts, type QuoteGroup, type QuotePart, scanParagraphQuotes } from './quote-marks.js';
import { type Token, tokenize } from './tokens.js';

/** A paragraph prepared for analysis: tokens, sentence starts and which tokens lie inside quotation marks. */
export interface ParagraphDoc {
  /** index of the paragraph in the article, or -1 for the headline */
  index: number;
  text: string;
  /** offset of the paragraph in the article's source text (the headline's offsets are into the title) */
  offset: number;
  /** an ALL-CAPS section heading: no speech, no people */
  heading: boolean;
  headline: boolean;
  tokens: Token[];
  /** per token: 1 when it lies inside quotation marks (marks included) */
  quoted: Uint8Array;
  /** per token: index of the first token of its sentence */
  sentenceOf: Int32Array;
}

/** The whole article prepared for analysis. */
export interface ArticleDoc {
  headline: ParagraphDoc | null;
  paragraphs: ParagraphDoc[];
  /** the quotations of the body, in document order */
  groups: QuoteGroup[];
  /** the quotations of the headline (parts carry paragraphIndex -1) */
  headlineGroups: QuoteGroup[];
}

/** Tokenize the headline and every paragraph, find their quotes and sentence starts. */
export function buildDocument(article: ParsedArticle): ArticleDoc {
  const texts = article.paragraphs.map((paragraph) => paragraph.text);
  const partsByParagraph = article.paragraphs.map((paragraph, index) =>
    paragraph.kind === 'heading' ? [] : scanParagraphQuotes(paragraph.text, index),
  );
  const paragraphs = article.paragraphs.map((paragraph, index) =>
    prepareParagraph(paragraph.text, index, paragraph.start, partsByParagraph[index] ?? [], {
      heading: paragraph.kind === 'heading',
      headline: false,
    }),
  );
  const title = article.title.trim() === '' ? null : article.title;
  const headlineParts = title === null ? [] : scanParagraphQuotes(title, -1);
  const headline =
    title === null ? null : prepareParagraph(title, -1, 0, headlineParts, { heading: false, headline: true });
  return {
    headline,
    paragraphs,
    groups: groupQuoteParts(partsByParagraph, texts),
    headlineGroups: headlineParts.map((part) => ({ parts: [part] })),
  };
}

function prepareParagraph(
  text: string,
  index: number,
  offset: number,
  parts: readonly QuotePart[],
  flags: { heading: boolean; headline: boolean },
): ParagraphDoc {
  const tokens = tokenize(text);
  const quoted = markQuoted(tokens, parts);
  return { index, text, offset, ...flags, tokens, quoted, sentenceOf: sentenceStarts(text, tokens, quoted) };
}

/** Mark the tokens inside quotation marks: one walk over tokens and parts, both in order. */
function markQuoted(tokens: readonly Token[], parts: readonly QuotePart[]): Uint8Array {
  const quoted = new Uint8Array(tokens.length);
  let part = 0;
  for (let index = 0; index < tokens.length; index++) {
    const start = tokens[index]!.start;
    while (part < parts.length && parts[part]!.end <= start) part++;
    const current = parts[part];
    if (current && start >= (current.open ?? 0) && start < current.end) quoted[index] = 1;
  }
  return quoted;
}

/**
 * Sentence start for each token, from the one sentence splitter the summaries use. A boundary inside quotation
 * marks does not count: for attribution a quote of several sentences is one stretch of the sentence around it.
 */
function sentenceStarts(text: string, tokens: readonly Token[], quoted: Uint8Array): Int32Array {
  const starts = new Int32Array(tokens.length);
  const boundaries = splitSentences(text).map((sentence) => sentence.start);
  let next = 1;
  let current = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    let crossed = false;
    while (next < boundaries.length && boundaries[next]! <= token.start) {
      next++;
      crossed = true;
    }
    if (crossed && index > 0 && !(quoted[index] === 1 && quoted[index - 1] === 1 && !opensQuote(token))) {
      current = index;
    }
    starts[index] = current;
  }
  return starts;
}

function opensQuote(token: Token): boolean {
  return token.text === '“' || token.text === '"' || token.text === '‘' || token.text === '„' || token.text === '«';
}

/** Index of the token that starts at (or contains) a local offset: a binary search over the token starts. */
export function tokenAt(paragraph: ParagraphDoc, offset: number): number {
  const tokens = paragraph.tokens;
  let low = 0;
  let high = tokens.length - 1;
  if (high < 0) return 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}
