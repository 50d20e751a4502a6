import { isStrayStop } from '../clean.js';
import { AMBIGUOUS_ABBREVIATIONS, TITLE_ABBREVIATIONS } from '../lexicon/words.js';

/** A token of a paragraph with offsets local to the paragraph text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** word (letters/digits, with inner apostrophes, hyphens, and abbreviation dots), or a single punctuation mark */
  kind: 'word' | 'punct';
  /** lowercased text, possessive ’s removed */
  lower: string;
  /** true when the word ends in a possessive ’s or s’ */
  possessive: boolean;
  /** true when the word starts with an uppercase letter */
  capitalized: boolean;
}

// words keep inner apostrophes and hyphens, and the apostrophe of a plural possessive ("voters’ rights")
// "9/11" and "24/7" are one word; sticky: a token is read where the scan stands, with no match array per token
const TOKEN_AT =
  /(?:\p{Lu}\.){2,}|\p{N}+\/\p{N}+|[\p{L}\p{M}\p{N}]+(?:['’\-&][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}]))?|\S/uy;

// one white-space character at lastIndex, for text outside ascii
const SPACE_AT = /\s/y;

const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const SINGLE_UPPER = /^\p{Lu}$/u;

/** True when a token starts with a letter, mark or digit (a word, not a punctuation mark). */
function startsWord(value: string): boolean {
  const code = value.charCodeAt(0);
  // ascii answers without the unicode-property regex, which costs more than the rest of the token
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || isAsciiLetter(code);
  return WORD_START.test(value);
}

function startsUpper(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER_START.test(value);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === '’';
}

/** Split a paragraph into word and punctuation tokens with exact local offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = TOKEN_AT;
  let start = 0;
  while (start < text.length) {
    // the pattern's last branch is \S: a token starts at every character that is not white space
    if (isSpaceAt(text, start)) {
      start++;
      continue;
    }
    pattern.lastIndex = start;
    // (it always matches there; were it not to, a step of one keeps the scan going)
    const end = pattern.test(text) ? pattern.lastIndex : start + 1;
    let value = text.slice(start, end);
    const isWord = startsWord(value);
    if (isWord && text[end] === '.' && keepsDot(value)) value += '.';
    // the pattern reads the dot after a word that kept it as a token of its own: drop it; and a dot standing alone
    // between words before a lowercase one is a line break a scraper turned into " . " ("a Sleep Number . spokesman
    // said"), no full stop
    const stray = value === '.' && isStrayStop(text, start);
    if ((value !== '.' || !isMergedDot(tokens, start)) && !stray) {
      tokens.push(makeToken(value, start, isWord ? 'word' : 'punct'));
    }
    start = end;
  }
  return tokens;
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  SPACE_AT.lastIndex = index;
  return SPACE_AT.test(text);
}

function keepsDot(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLE_ABBREVIATIONS.has(lower) || AMBIGUOUS_ABBREVIATIONS.has(lower) || SINGLE_UPPER.test(word);
}

function isMergedDot(tokens: readonly Token[], start: number): boolean {
  const previous = tokens[tokens.length - 1];
  return previous !== undefined && previous.kind === 'word' && previous.end > start;
}

/** True when a word ends in a possessive ’s or s’ ("Trump’s", "voters’"). */
function hasPossessiveEnding(text: string): boolean {
  const length = text.length;
  if (length <= 2) return false;
  const last = text[length - 1];
  const before = text[length - 2];
  return (last === 's' && isApostrophe(before)) || (before === 's' && isApostrophe(last));
}

/** The word without its possessive ending: "Trump’s" -> "Trump", "voters’" -> "voters". */
function stripPossessive(text: string): string {
  let bare = text;
  if (bare.endsWith('s') && isApostrophe(bare[bare.length - 2])) bare = bare.slice(0, -2);
  if (isApostrophe(bare[bare.length - 1]) && bare[bare.length - 2] === 's') bare = bare.slice(0, -1);
  return bare;
}

function makeToken(text: string, start: number, kind: Token['kind']): Token {
  const isWord = kind === 'word';
  const possessive = isWord && hasPossessiveEnding(text);
  const lowered = (possessive ? stripPossessive(text) : text).toLowerCase();
  return {
    text,
    start,
    end: start + text.length,
    kind,
    lower: lowered.endsWith('.') ? lowered.slice(0, -1) : lowered,
    possessive,
    capitalized: isWord && (startsUpper(text) || isArticlePrefixedName(text)),
  };
}

/** An Arabic surname written with its article in lowercase ("al-Ansari", "el-Sisi"): a name, as if capitalized. */
const ARTICLE_PREFIXED_NAME = /^(?:al|el|ad|ar|as|ash|at|az|an)-\p{Lu}/u;

function isArticlePrefixedName(text: string): boolean {
  // the article is two or three letters: a word without a hyphen after them is answered without the regex
  return (text.charCodeAt(2) === 0x2d || text.charCodeAt(3) === 0x2d) && ARTICLE_PREFIXED_NAME.test(text);
}

/** End offset of a token's text without its possessive ending ("Trump’s" -> end of "Trump"). */
export function bareEnd(token: Token): number {
  if (!token.possessive) return token.end;
  return /['’]s$/u.test(token.text) ? token.end - 2 : token.end - 1;
}
