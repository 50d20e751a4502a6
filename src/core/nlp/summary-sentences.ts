import type { ParsedArticle } from '../articles/article.js';
import { cleanParagraphText, isCaptionSentence, tidyCleanSentence } from './clean.js';
import { porterStem } from './porter.js';
import { splitSentences } from './sentences.js';

/** A body sentence that may go into a summary. */
export interface CandidateSentence {
  /** display text, tidied */
  text: string;
  /** position among the article's candidate sentences, from 0 */
  index: number;
  paragraphIndex: number;
  /** position inside its paragraph, from 0 */
  indexInParagraph: number;
  /** stemmed content words, in order */
  terms: string[];
  /** number of words */
  wordCount: number;
  /** reads like a photo caption */
  isCaption: boolean;
  /** opens with a reference to something said before ("He", "This", "But", "The move") */
  isDangling: boolean;
}

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
    'on once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves said says say told mr mrs ms one two ' +
    "new year years last first also may might must shall us its it's would've"
  ).split(' '),
);

const PRONOUN_OPENERS = new Set([
  'he',
  'she',
  'it',
  'they',
  'him',
  'her',
  'his',
  'hers',
  'its',
  'their',
  'theirs',
  'them',
  'this',
  'that',
  'these',
  'those',
  'such',
  'neither',
  'but',
  'however',
  'and',
  'also',
  'yet',
  'still',
  'instead',
  'moreover',
  'furthermore',
  'nevertheless',
  'nonetheless',
  'meanwhile',
  'besides',
  'otherwise',
  'then',
  'thus',
  'hence',
  'therefore',
  'consequently',
  'likewise',
  'similarly',
]);

// "The move", "The decision": definite nouns that point back at an event named before
const ANAPHORIC_NOUNS = new Set([
  'move',
  'decision',
  'announcement',
  'comments',
  'remarks',
  'statement',
  'incident',
  'latter',
  'former',
  'same',
]);

const MULTIWORD_OPENERS =
  /^(?:in addition|on the other hand|as a result|at the same time|in turn|in response|even so|by contrast|in contrast|to that end|for (?:his|her|their|its) part|after (?:that|this)|despite (?:this|that)|because of (?:this|that))\b/;

// "...," he said / "...," she added: a quote attributed to a pronoun
const PRONOUN_ATTRIBUTION =
  /["”’']\s*,?\s*(?:he|she|they|it|we)\s+(?:said|says|added|adds|told|explained|continued|wrote|warned|insisted|stated|asked|replied|noted|claimed|admitted|argued|recalled|conceded|declared)\b/;

/** True when a sentence opens with a reference back to something said before it. */
export function isDanglingOpener(sentence: string): boolean {
  const stripped = sentence.replace(/^[\s"“‘'([«-]+/u, '');
  const lower = stripped.toLowerCase();
  const firstWord = /^[\p{L}’']+/u.exec(lower)?.[0] ?? '';
  // "It is ... to" is sometimes expletive, but still reads badly without what came before
  if (PRONOUN_OPENERS.has(firstWord)) return true;
  if (MULTIWORD_OPENERS.test(lower)) return true;
  const definite = /^the\s+([\p{L}]+)\b/u.exec(lower);
  if (definite?.[1] !== undefined && ANAPHORIC_NOUNS.has(definite[1])) return true;
  return PRONOUN_ATTRIBUTION.test(sentence);
}

// news repeats its words: each word's term (or null for a stopword or a number) is worked out once (bounded). The
// stopwords are in it from the start, so every word costs one lookup
const MAX_CACHED_TERMS = 100_000;
const termCache = new Map<string, string | null>([...STOPWORDS].map((word) => [word, null]));

/** The stemmed term of a lowercase word of two or more letters, or null when it is not a content word. */
function termOf(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    term = isAllDigits(word) ? null : word.length <= 3 ? word : porterStem(word);
    if (termCache.size < MAX_CACHED_TERMS) termCache.set(word, term);
  }
  return term;
}

// one letter or digit at lastIndex, for text outside ascii (sticky: it tests that position only)
const WORD_CHAR_AT = /[\p{L}\p{N}]/uy;

/**
 * The length of the letter or digit (one code point) at `index` of `text`, or 0 for any other character. Ascii is
 * answered by its code; the rest by the unicode-property pattern.
 */
function wordCharLength(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0x80) return isAsciiAlphanumeric(code) ? 1 : 0;
  WORD_CHAR_AT.lastIndex = index;
  return WORD_CHAR_AT.test(text) ? WORD_CHAR_AT.lastIndex - index : 0;
}

/**
 * Stemmed content words of a text, in order; also the count of all words. A word is a run of letters and digits
 * (as `[\p{L}\p{N}]+` of the lowercased text), so possessive and contracted endings ("'s", "'t") fall out as
 * one-letter words. A scan by character code: it makes no match arrays, and most text is ascii.
 */
export function contentTerms(text: string): { terms: string[]; wordCount: number } {
  const terms: string[] = [];
  let wordCount = 0;
  const lower = text.toLowerCase();
  let index = 0;
  while (index < lower.length) {
    const first = wordCharLength(lower, index);
    if (first === 0) {
      index++;
      continue;
    }
    const start = index;
    index += first;
    for (let length = wordCharLength(lower, index); length > 0; length = wordCharLength(lower, index)) index += length;
    wordCount++;
    if (index - start < 2) continue;
    const term = termOf(lower.slice(start, index));
    if (term !== null) terms.push(term);
  }
  return { terms, wordCount };
}

function isAllDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return word.length > 0;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** normalizedKey for ascii text, in one pass: lowercase words joined by single spaces; null for other text. */
function asciiNormalizedKey(text: string): string | null {
  let key = '';
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code >= 0x80) return null;
    if (isAsciiAlphanumeric(code)) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      key += key.length === 0 ? text.slice(wordStart, i) : ` ${text.slice(wordStart, i)}`;
      wordStart = -1;
    }
  }
  return key.toLowerCase();
}

function normalizedKey(text: string): string {
  return asciiNormalizedKey(text) ?? unicodeNormalizedKey(text);
}

function unicodeNormalizedKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Body sentences of an article, cleaned, without headings, chrome, or copies of the title and highlights. */
export function collectCandidateSentences(article: ParsedArticle): CandidateSentence[] {
  const excluded = new Set([article.title, ...article.highlights, article.caption ?? ''].map(normalizedKey));
  const sentences: CandidateSentence[] = [];
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    if (paragraph.kind !== 'body') return;
    const cleaned = cleanParagraphText(paragraph.text);
    if (cleaned.length === 0) return;
    let indexInParagraph = 0;
    for (const piece of splitSentences(cleaned)) {
      const text = tidyCleanSentence(piece.text);
      if (text === null || excluded.has(normalizedKey(text))) continue;
      const { terms, wordCount } = contentTerms(text);
      if (wordCount < 3) continue;
      sentences.push({
        text,
        index: sentences.length,
        paragraphIndex,
        indexInParagraph,
        terms,
        wordCount,
        isCaption: isCaptionSentence(text),
        isDangling: isDanglingOpener(text),
      });
      indexInParagraph++;
    }
  });
  return sentences;
}
