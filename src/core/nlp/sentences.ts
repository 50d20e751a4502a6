import { AMBIGUOUS_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from './lexicon/words.js';

/** A sentence of a paragraph; offsets are relative to the paragraph text. */
export interface SentencePiece {
  text: string;
  start: number;
  end: number;
}

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '«']);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

/** The word (letters and inner dots) right before the terminal period at `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  // a word longer than any abbreviation is no abbreviation: the bound keeps a long line of dots linear
  while (i > 0 && dot - i < 24) {
    const ch = text[i - 1] as string;
    if (isSpace(ch) || OPENERS.has(ch) || ch === '-' || ch === '/') break;
    i--;
  }
  return text.slice(i, dot);
}

/** The word starting at `index`, lowercased, without leading quotes. */
function wordAt(text: string, index: number): string {
  let i = index;
  while (i < text.length && OPENERS.has(text[i] as string)) i++;
  const match = /^[\p{L}'’]+/u.exec(text.slice(i, i + 40));
  return match ? match[0].toLowerCase() : '';
}

/** True when a period closing `word` cannot end the sentence before the text at `next`. */
function isNonTerminalPeriod(text: string, word: string, next: number): boolean {
  const lower = word.toLowerCase();
  const nextChar = text[next] ?? '';
  if (TITLE_ABBREVIATIONS.has(lower)) {
    // "No." and "St." end sentences too; they are abbreviations only before a number or a name
    if ((lower === 'no' || lower === 'nos') && !isDigit(nextChar)) return false;
    if (lower === 'st' && SENTENCE_OPENERS.has(wordAt(text, next))) return false;
    return true;
  }
  // an initial ("John F. Kennedy", "J. K. Rowling"), unless a sentence plainly starts after it ("hepatitis A. The")
  if (/^\p{Lu}$/u.test(word)) return !SENTENCE_OPENERS.has(wordAt(text, next));
  const isAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isAcronym || AMBIGUOUS_ABBREVIATIONS.has(lower)) {
    if (isDigit(nextChar)) return true;
    return !SENTENCE_OPENERS.has(wordAt(text, next));
  }
  return false;
}

/** Index just past a sentence ending at `index` (the terminator), or -1 when it is no boundary. */
function boundaryEnd(text: string, index: number): number {
  const ch = text[index] as string;
  let end = index + 1;
  // runs of terminators: "?!", "..."
  while (end < text.length && '.!?…'.includes(text[end] as string)) end++;
  while (end < text.length && CLOSERS.has(text[end] as string)) end++;
  if (end >= text.length) return -1;
  if (!isSpace(text[end] as string)) return -1;
  let next = end;
  while (next < text.length && isSpace(text[next] as string)) next++;
  if (next >= text.length) return -1;
  const nextChar = text[next] as string;
  const startsSentence = isUpper(nextChar) || isDigit(nextChar) || OPENERS.has(nextChar);
  if (!startsSentence) return -1;
  if (ch === '.' && end === index + 1 + countClosers(text, index + 1)) {
    const word = wordBefore(text, index);
    if (word.length > 0 && isNonTerminalPeriod(text, word, next)) return -1;
  }
  return end;
}

function countClosers(text: string, from: number): number {
  let n = 0;
  while (from + n < text.length && CLOSERS.has(text[from + n] as string)) n++;
  return n;
}

function pushTrimmed(text: string, start: number, end: number, out: SentencePiece[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s] as string)) s++;
  while (e > s && isSpace(text[e - 1] as string)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

/**
 * Split one paragraph into sentences; offsets are relative to the paragraph text. Handles abbreviations
 * (Mr., U.S., Dec.), decimals, initials, quotes closing after the period ('."'), and ellipses.
 */
export function splitSentences(text: string): readonly SentencePiece[] {
  // attribution and the summary each split the same paragraphs (98% of them are unchanged by the summary's
  // cleaning): the pieces of the last texts are kept, so the second ask is a lookup (the list is frozen: it is shared)
  const known = recentSplits.get(text);
  if (known !== undefined) return known;
  const sentences = Object.freeze(scanSentences(text));
  if (recentSplits.size >= MAX_RECENT_SPLITS) recentSplits.clear();
  recentSplits.set(text, sentences);
  return sentences;
}

/** Texts split lately (about one article's paragraphs and more): bounded, so memory stays small. */
const MAX_RECENT_SPLITS = 256;
const recentSplits = new Map<string, readonly SentencePiece[]>();

function scanSentences(text: string): SentencePiece[] {
  const sentences: SentencePiece[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    const end = boundaryEnd(text, i);
    if (end < 0) {
      // the rest of a run of terminators ("...", "?!") cannot end a sentence either: skip it in one step
      while (i + 1 < text.length && '.!?…'.includes(text[i + 1] as string)) i++;
      continue;
    }
    pushTrimmed(text, start, end, sentences);
    start = end;
    i = end - 1;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}
