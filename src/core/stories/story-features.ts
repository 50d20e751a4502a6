import type { ParsedArticle, Person, Quote } from '../articles/article.js';
import { fnv1a } from '../nlp/fingerprint.js';
import { isCommonWord, isOrganizationName, isPlaceName } from '../nlp/lexicon/tags.js';
import { foldText, normalizeName } from '../nlp/names.js';
import { splitSentences } from '../nlp/sentences.js';
import { contentTerms } from '../nlp/summary-sentences.js';

/**
 * What story clustering keeps of an article, computed once at ingest and stored beside it: raw term counts (the
 * IDF is applied later, from the document frequencies of the stream at that time), the names it mentions, a few
 * fingerprints of its quotes, and its time. Everything is bounded, whatever the article's length.
 */
export interface StoryFeatures extends StoryKeys {
  /** publication (else ingest) time in ms since the epoch, or null when the caller has no time at all */
  time: number | null;
}

/**
 * The features of an article's text alone: computed where it is analysed (a worker of the analysis pool) and
 * handed to the store with it, so clustering does not read the article back; the time is added when it is clustered.
 */
export interface StoryKeys {
  /** stemmed content words of the title and lead with their weights before IDF (title words count more) */
  terms: TermWeight[];
  /** folded name words of people, places and organisations ("biden", "kabul", "taliban") */
  names: string[];
  /** hashes of word runs inside the article's quotes: the same words quoted by two outlets */
  quotes: number[];
}

export interface TermWeight {
  term: string;
  weight: number;
}

/** How much of an article the features read; one setting serves all news. */
export interface FeatureConfig {
  /** a title word counts as this many body words: the headline names the event */
  titleWeight: number;
  /** words of the body read after the title: the lead says who, what and where */
  leadWords: number;
  /** terms kept per article, the heaviest first */
  maxTerms: number;
  /** name words kept per article */
  maxNames: number;
  /** quote fingerprints kept per article */
  maxQuotes: number;
  /** words per quote fingerprint */
  quoteWords: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  titleWeight: 2,
  leadWords: 100,
  maxTerms: 60,
  maxNames: 20,
  maxQuotes: 16,
  quoteWords: 5,
};

/** What the people finder already found in the article (`attributeQuotes`, stored with it). */
export interface PeopleAndQuotes {
  people: readonly Person[];
  quotes: readonly Quote[];
}

/** The story features of an article. Pure and deterministic; the time is the caller's (publication or ingest). */
export function storyFeatures(
  article: ParsedArticle,
  analysis: PeopleAndQuotes,
  time: number | null,
  config: FeatureConfig = DEFAULT_FEATURES,
): StoryFeatures {
  return { ...storyKeys(article, analysis, config), time };
}

/** The time-free part of {@link storyFeatures}. */
export function storyKeys(
  article: ParsedArticle,
  analysis: PeopleAndQuotes,
  config: FeatureConfig = DEFAULT_FEATURES,
): StoryKeys {
  const lead = leadText(article, config.leadWords);
  return {
    terms: weighTerms(article.title, lead, config),
    names: findNames(article.title, lead, analysis.people, config.maxNames),
    quotes: quoteFingerprints(analysis.quotes, config),
  };
}

/** The body's opening words, up to `words`, whole paragraphs where they fit; headings skipped. */
export function leadText(article: ParsedArticle, words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (const paragraph of article.paragraphs) {
    if (paragraph.kind !== 'body') continue;
    const paragraphWords = paragraph.text.split(/\s+/).filter(Boolean);
    if (count + paragraphWords.length <= words) {
      parts.push(paragraph.text);
      count += paragraphWords.length;
    } else {
      parts.push(paragraphWords.slice(0, words - count).join(' '));
      count = words;
    }
    if (count >= words) break;
  }
  return parts.join('\n');
}

function weighTerms(title: string, lead: string, config: FeatureConfig): TermWeight[] {
  const counts = new Map<string, number>();
  for (const term of contentTerms(title).terms) counts.set(term, (counts.get(term) ?? 0) + config.titleWeight);
  for (const term of contentTerms(lead).terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const weighted: TermWeight[] = [];
  // sublinear counts: a word repeated in a long lead is not ten times the evidence
  for (const [term, count] of counts) weighted.push({ term, weight: 1 + Math.log(count) });
  return heaviest(weighted, config.maxTerms);
}

/** The `limit` heaviest entries, ties broken by term so the result never depends on input order. */
function heaviest(entries: TermWeight[], limit: number): TermWeight[] {
  entries.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return entries.slice(0, limit);
}

const CAPITALISED_WORD = /[\p{Lu}][\p{L}\p{M}'’-]*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Name words: every word of a person the people finder named, and capitalised words that do not open a sentence
 * and are not everyday words (places and organisations are kept). A title in Title Case says nothing by its
 * capitals, so its words count only when the lead writes them capitalised too.
 */
export function findNames(title: string, lead: string, people: readonly Person[], limit: number): string[] {
  const found = new Map<string, number>();
  const add = (word: string, position: number) => {
    // the cached fold: the same name words come back in article after article
    const normalized = normalizeName(word);
    // a fold has single spaces between its words, and a single word (nearly every one) has none
    const folded = normalized.includes(' ') ? normalized.replace(/\s+/g, '') : normalized;
    if (folded.length < 2 || !isNameWord(folded)) return;
    if (!found.has(folded)) found.set(folded, position);
  };
  let position = 0;
  for (const person of people) {
    for (const word of person.name.split(/\s+/)) add(word, position++);
  }
  const leadWords = new Set<string>();
  for (const sentence of splitSentences(lead.replace(/\n/g, ' '))) {
    for (const match of sentence.text.matchAll(CAPITALISED_WORD)) {
      if (isSentenceOpening(sentence.text, match.index)) continue;
      leadWords.add(match[0]);
      add(match[0], position++);
    }
  }
  const titleCase = isTitleCase(title);
  for (const sentence of splitSentences(title)) {
    for (const match of sentence.text.matchAll(CAPITALISED_WORD)) {
      if (titleCase ? !leadWords.has(match[0]) : isSentenceOpening(sentence.text, match.index)) continue;
      add(match[0], position++);
    }
  }
  return [...found.keys()].slice(0, limit);
}

const STARTS_WITH_LETTER = /^\p{L}/u;

function isNameWord(folded: string): boolean {
  // a fold is lowercase: an ascii one starts with a letter from a to z, other text asks the unicode property
  const first = folded.charCodeAt(0);
  if (first < 0x80 ? first < 0x61 || first > 0x7a : !STARTS_WITH_LETTER.test(folded)) return false;
  return !isCommonWord(folded) || isPlaceName(folded) || isOrganizationName(folded);
}

/** True when only quote marks, brackets or dashes stand before `index` in the sentence. */
function isSentenceOpening(sentence: string, index: number): boolean {
  for (let i = 0; i < index; i++) {
    if (WORD_CHAR.test(sentence[i] as string)) return false;
  }
  return true;
}

/** A headline with most of its longer words capitalised ("Biden Keeps Aug. 31 Deadline"). */
function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((word) => /^[\p{L}]{4,}/u.test(word));
  if (words.length < 2) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length > 0.6;
}

/** Hashes of overlapping word runs of the direct and partial quotes, the longest quotes first. */
function quoteFingerprints(quotes: readonly Quote[], config: FeatureConfig): number[] {
  const hashes = new Set<number>();
  const spoken = quotes.filter((quote) => quote.kind !== 'reported').map((quote) => foldText(quote.text).split(' '));
  spoken.sort((a, b) => b.length - a.length);
  for (const words of spoken) {
    for (let i = 0; i + config.quoteWords <= words.length; i += 2) {
      hashes.add(fnv1a(words.slice(i, i + config.quoteWords).join(' ')));
      if (hashes.size >= config.maxQuotes) return [...hashes].sort((a, b) => a - b);
    }
  }
  return [...hashes].sort((a, b) => a - b);
}
