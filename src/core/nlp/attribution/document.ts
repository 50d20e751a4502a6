import type { ParsedArticle } from '../../articles/article.js';
import { groupQuoteParts, type QuoteGroup, scanParagraphQuotes } from './extract-quotes.js';
import { type Token, tokenize } from './tokens.js';

/** A paragraph prepared for analysis: tokens, sentence starts and which tokens lie inside quotation marks. */
export interface ParagraphDoc {
  index: number;
  text: string;
  /** offset of the paragraph in the article's source text */
  offset: number;
  heading: boolean;
  tokens: Token[];
  /** per token: inside quotation marks (marks included) */
  quoted: boolean[];
  /** per token: index of the first token of its sentence */
  sentenceOf: number[];
}

/** The whole article prepared for analysis. */
export interface ArticleDoc {
  paragraphs: ParagraphDoc[];
  groups: QuoteGroup[];
}

const TERMINATORS = new Set(['.', '!', '?']);
const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);

/** Tokenize every paragraph, find its quotes and sentence starts. */
export function buildDocument(article: ParsedArticle): ArticleDoc {
  const texts = article.paragraphs.map((paragraph) => paragraph.text);
  const partsByParagraph = article.paragraphs.map((paragraph, index) =>
    paragraph.kind === 'heading' ? [] : scanParagraphQuotes(paragraph.text, index),
  );
  const paragraphs = article.paragraphs.map((paragraph, index): ParagraphDoc => {
    const tokens = tokenize(paragraph.text);
    const parts = partsByParagraph[index] ?? [];
    const quoted = tokens.map((token) =>
      parts.some((part) => token.start >= (part.open ?? 0) && token.start < part.end),
    );
    return {
      index,
      text: paragraph.text,
      offset: paragraph.start,
      heading: paragraph.kind === 'heading',
      tokens,
      quoted,
      sentenceOf: sentenceStarts(tokens, quoted),
    };
  });
  return { paragraphs, groups: groupQuoteParts(partsByParagraph, texts) };
}

/**
 * Sentence start for each token. A sentence ends at . ! ? outside quotes, or at a closing mark right after one,
 * when the next token starts with a capital letter or an opening mark.
 */
function sentenceStarts(tokens: readonly Token[], quoted: readonly boolean[]): number[] {
  const starts: number[] = [];
  let current = 0;
  for (let index = 0; index < tokens.length; index++) {
    starts.push(current);
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (!next) break;
    const endsHere =
      (TERMINATORS.has(token.text) && !quoted[index]) ||
      (QUOTE_MARKS.has(token.text) &&
        quoted[index] === true &&
        TERMINATORS.has(tokens[index - 1]?.text ?? '') &&
        !quoted[index + 1]);
    if (endsHere && (next.capitalized || QUOTE_MARKS.has(next.text))) current = index + 1;
  }
  return starts;
}
