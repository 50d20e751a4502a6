import type { Person } from '../articles/article.js';
import { GENERIC_ORGANISATION_WORDS, NAME_PARTICLES, NAME_SUFFIXES, TITLE_PHRASES } from './lexicon/words.js';

// letters that NFD does not decompose into a base letter plus a mark
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/** Lowercase, strip accents (NFD + remove marks), collapse spaces, drop punctuation: 'Orbán' -> 'orban'. */
export function normalizeName(name: string): string {
  if (name === lastName) return lastNormalized;
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = computeNormalizedName(name);
    if (normalizedNames.size < 100_000) normalizedNames.set(name, normalized);
  }
  lastName = name;
  lastNormalized = normalized;
  return normalized;
}

// people finding normalises the same words many times per article; the answer depends on the text alone
const normalizedNames = new Map<string, string>();
// about a quarter of the calls repeat the one before: its answer is kept here without a lookup in the large cache
let lastName: string | undefined;
let lastNormalized = '';

/** Fold text like names are folded (lowercase, no accents or punctuation), without caching: for long text. */
export function foldText(text: string): string {
  return computeNormalizedName(text);
}

function computeNormalizedName(name: string): string {
  return asciiNormalizedName(name) ?? unicodeNormalizedName(name);
}

/**
 * computeNormalizedName for ascii text in one pass, or null for other text: ascii has no accents to strip, so the
 * fold is lowercase letters and digits, apostrophes, backticks and dots dropped, other runs turned into one space.
 */
function asciiNormalizedName(name: string): string | null {
  let folded = '';
  let wordStart = -1;
  // a run of characters that are dropped inside a word joins its two halves ("O'Neil" -> "oneil")
  let word = '';
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 0x20;
    if (code >= 0x80) return null;
    if (isAsciiAlphanumeric(code)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      word += name.slice(wordStart, i);
      wordStart = -1;
    }
    if (code === 0x27 || code === 0x60 || code === 0x2e) continue;
    if (word.length > 0) {
      folded += folded.length === 0 ? word : ` ${word}`;
      word = '';
    }
  }
  return folded.toLowerCase();
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function unicodeNormalizedName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþ]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/['’`ʼ.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Honorifics and titles that may stand before a name, as normalised word sequences, longest first: "US Secretary
 * of State Marco Rubio" splits into role and name, a query "Secretary Rubio" into title and name.
 */
const TITLE_WORD_SEQUENCES: readonly string[][] = TITLE_PHRASES.map((phrase) => phrase.split(' ')).sort(
  (a, b) => b.length - a.length,
);

/** Length (in words) of the title phrase that starts `words` (normalised), or 0. */
export function titleLengthAt(words: readonly string[], from = 0): number {
  for (const phrase of TITLE_WORD_SEQUENCES) {
    if (phrase.every((word, offset) => words[from + offset] === word)) return phrase.length;
  }
  return 0;
}

/** Strip leading honorifics/titles from a query: 'Secretary Rubio' -> 'Rubio', 'Mr Blair' -> 'Blair', 'President Trump' -> 'Trump'. */
export function stripTitles(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  let from = 0;
  // a lone title ("President") is a name query, not a title to strip
  while (from < words.length - 1) {
    const normalized = words.slice(from).map(normalizeName);
    const length = titleLengthAt(normalized);
    if (length === 0 || from + length >= words.length) break;
    from += length;
  }
  return words.slice(from).join(' ');
}

/** Romanised Chinese given names of two syllables, written after the surname: "Hoi-yan", "Chi-fai". */
export const SYLLABLE_GIVEN_NAME = /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{2,4}$/u;

/** The surname of a full name: its last word that is not a suffix ("Martin Luther King Jr." -> "King"). */
export function surnameOf(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  // "Tsang Hoi-yan", "Alan Leung Chi-fai": a Chinese name written surname first, before its given name
  if (words.length >= 2 && SYLLABLE_GIVEN_NAME.test(words[words.length - 1]!)) return words[words.length - 2]!;
  for (let index = words.length - 1; index > 0; index--) {
    const word = words[index]!;
    if (NAME_SUFFIXES.has(normalizeName(word))) continue;
    // a surname keeps its particles: "Le Pen", "van Persie", "de Blasio", "bin Salman"
    let first = index;
    while (first > 1 && NAME_PARTICLES.has(normalizeName(words[first - 1]!))) first--;
    return words.slice(first, index + 1).join(' ');
  }
  return words[0] ?? '';
}

/**
 * Lookup keys a person can be found by: full name, surname, each alias, and title+surname forms without the title;
 * a body also by each word of its name that is not generic.
 */
export function nameKeys(person: Person): string[] {
  const keys = new Set<string>();
  const add = (form: string): void => {
    const key = normalizeName(form);
    if (key !== '') keys.add(key);
  };
  add(person.name);
  add(surnameOf(person.name));
  const words = person.name.split(/\s+/).filter(Boolean);
  // "George W. Bush" is also found as "George Bush"
  if (words.length > 2) add(`${words[0]} ${surnameOf(person.name)}`);
  for (const alias of person.aliases) {
    add(alias);
    add(stripTitles(alias));
  }
  // a body is asked for by any word of its name that names it ("Gironde" for the Gironde prefecture, "Altiplano"),
  // not by one every body's name has ("Office", "Ministry")
  if (person.kind === 'organisation') {
    // ("OSHA" for "Cal/OSHA")
    for (const word of words.flatMap((part) => part.split('/'))) {
      const key = normalizeName(word);
      if (key.length >= 3 && !GENERIC_ORGANISATION_WORDS.has(key)) add(word);
    }
    // "Ministry of Agriculture" for the "Ministry of Agriculture, Forestry and Fisheries"
    const comma = person.name.indexOf(',');
    if (comma > 0) add(person.name.slice(0, comma));
  }
  return [...keys];
}

/** Damerau-Levenshtein distance (bounded, fast) for suggestions. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // optimal string alignment over three rolling rows
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}
