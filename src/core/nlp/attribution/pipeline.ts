import type { ParsedArticle, Person, Quote, Span } from '../../articles/article.js';
import { attributionAfter, attributionBefore, findReportedSpeech, type SpeakerRef } from './attribute.js';
import { buildDocument, type ParagraphDoc } from './document.js';
import { isExcerptPart, type QuoteGroup, type QuotePart } from './extract-quotes.js';
import { findPeople, type PeopleIndex, type PersonRecord, toPerson } from './people.js';
import { PRONOUNS } from './phrases.js';
import { resolveSpeaker } from './resolve.js';
import { isSpeechVerb } from './speech-verbs.js';

/** Words before a quote that make it a title, name or label rather than speech. */
const NON_SPEECH_MARKERS = new Set(
  (
    'so-called dubbed nicknamed titled entitled named slogan slogans motto hashtag book books film films movie song ' +
    'songs album show series novel play headline headlines article column documentary poem term word words phrase ' +
    'label moniker brand banner banners sign signs reading read chanting chanted chant catchphrase tagline ' +
    'nickname known mantra theme operation campaign code'
  ).split(' '),
);

const DASH_CUES = new Set(['—', '–', '―', '-']);

/** A point in the article where a speaker was named with a speech cue, used to carry speakers forward. */
interface SpeechEvent {
  paragraphIndex: number;
  tokenIndex: number;
  ref: SpeakerRef;
  /** a quote's own attribution or a closing "He said:", as opposed to a reported-speech statement */
  quoted: boolean;
}

interface Attribution {
  ref: SpeakerRef | null;
}

/** Pure, synchronous, never throws. Quote/mention offsets are into the article's source text (paragraph.start + local). */
export function analyzePeopleAndQuotes(article: ParsedArticle): { people: Person[]; quotes: Quote[] } {
  try {
    return analyzeArticle(article);
  } catch {
    // last resort only (property tests drive analyzeArticle itself): a bug must not fail ingest of the article
    return { people: [], quotes: [] };
  }
}

/**
 * The analysis itself, without the safety net: throws on an internal error. Exported so tests can prove it does
 * not throw on arbitrary text; callers use `analyzePeopleAndQuotes`.
 */
export function analyzeArticle(article: ParsedArticle): { people: Person[]; quotes: Quote[] } {
  const doc = buildDocument(article);
  const index = findPeople(doc);
  const events: SpeechEvent[] = [];
  const quotes: Quote[] = [];

  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) continue;
    // "He said:" closing a paragraph introduces the quote in the next one
    if (paragraph.tokens[paragraph.tokens.length - 1]?.text === ':') {
      const intro = attributionBefore(paragraph, paragraph.tokens.length - 1, 8);
      if (intro) {
        events.push({ paragraphIndex: paragraph.index, tokenIndex: paragraph.tokens.length, ref: intro, quoted: true });
      }
    }
    for (const reported of findReportedSpeech(paragraph)) {
      if (isCarryableSubject(reported.speaker)) {
        events.push({
          paragraphIndex: paragraph.index,
          tokenIndex: reported.speaker.cueIndex,
          ref: reported.speaker,
          quoted: false,
        });
      }
      const person = resolveSpeaker(reported.speaker, index);
      if (!person) continue;
      const start = paragraph.tokens[reported.first]!.start;
      const end = paragraph.tokens[reported.last]!.end;
      quotes.push(makeQuote(paragraph, start, end, 'reported', person, reported.speaker, paragraph.index));
    }
  }
  sortEvents(events);

  for (const group of doc.groups) {
    const first = group.parts[0]!;
    const paragraph = doc.paragraphs[first.paragraphIndex]!;
    const kind = classifyGroup(paragraph, group);
    if (kind === null) continue;
    const attribution = attributeGroup(doc.paragraphs, group, kind, events);
    if (kind === 'partial' && attribution.ref === null) continue;
    if (attribution.ref === null && !isStandaloneSpeech(doc.paragraphs, group)) continue;
    const person = attribution.ref ? resolveSpeaker(attribution.ref, index) : null;
    for (const part of group.parts) {
      const partParagraph = doc.paragraphs[part.paragraphIndex]!;
      quotes.push(
        makeQuote(partParagraph, part.textStart, part.textEnd, kind, person, attribution.ref, part.paragraphIndex),
      );
    }
    if (attribution.ref && !isSignature(attribution.ref)) {
      const last = group.parts[group.parts.length - 1]!;
      const lastParagraph = doc.paragraphs[last.paragraphIndex]!;
      events.push({
        paragraphIndex: last.paragraphIndex,
        tokenIndex: tokenAt(lastParagraph, last.close ?? lastParagraph.text.length - 1),
        ref: attribution.ref,
        quoted: true,
      });
      sortEvents(events);
    }
  }

  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { people: peopleWithSpeakers(index, quotes), quotes };
}

/** A reported-speech subject worth carrying to a later quote: a name, a pronoun or a determined phrase. */
function isCarryableSubject(ref: SpeakerRef): boolean {
  const first = ref.paragraph.tokens[ref.range.first]!;
  return (
    first.capitalized || PRONOUNS.has(first.lower) || ['the', 'a', 'an', 'his', 'her', 'their'].includes(first.lower)
  );
}

function sortEvents(events: SpeechEvent[]): void {
  events.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.tokenIndex - b.tokenIndex);
}

/** Every person found, in order of first mention. */
function peopleWithSpeakers(index: PeopleIndex, _quotes: readonly Quote[]): Person[] {
  return index.people.map(toPerson);
}

function makeQuote(
  paragraph: ParagraphDoc,
  localStart: number,
  localEnd: number,
  kind: Quote['kind'],
  person: PersonRecord | null,
  ref: SpeakerRef | null,
  paragraphIndex: number,
): Quote {
  return {
    text: paragraph.text.slice(localStart, localEnd),
    kind,
    speaker: person?.name ?? null,
    speakerMention: ref ? mentionSpan(ref) : null,
    cue: ref?.cue ?? null,
    start: paragraph.offset + localStart,
    end: paragraph.offset + localEnd,
    paragraphIndex,
  };
}

function mentionSpan(ref: SpeakerRef): Span {
  const tokens = ref.paragraph.tokens;
  const start = tokens[ref.range.first]!.start;
  const end = tokens[ref.range.last]!.end;
  return {
    text: ref.paragraph.text.slice(start, end),
    start: ref.paragraph.offset + start,
    end: ref.paragraph.offset + end,
  };
}

/** Index of the token that starts at (or contains) a local offset. */
function tokenAt(paragraph: ParagraphDoc, offset: number): number {
  const tokens = paragraph.tokens;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]!.end > offset) return index;
  }
  return tokens.length - 1;
}

/** Token index of a part's opening mark, or -1 for a part that continues without one. */
function openToken(paragraph: ParagraphDoc, part: QuotePart): number {
  return part.open === null ? -1 : tokenAt(paragraph, part.open);
}

function closeToken(paragraph: ParagraphDoc, part: QuotePart): number | null {
  return part.close === null ? null : tokenAt(paragraph, part.close);
}

/**
 * Direct when the quote stands as its own clause (sentence start, after a colon or "said,"),
 * partial when a few quoted words are woven into a sentence, null when the marks are not speech at all.
 */
function classifyGroup(paragraph: ParagraphDoc, group: QuoteGroup): Quote['kind'] | null {
  const part = group.parts[0]!;
  const open = openToken(paragraph, part);
  const tokens = paragraph.tokens;
  const floor = paragraph.sentenceOf[Math.max(open, 0)] ?? 0;
  const before = tokens.slice(floor, Math.max(open, 0)).filter((_, offset) => !paragraph.quoted[floor + offset]);
  const quoteText = paragraph.text.slice(part.textStart, part.textEnd);
  const wordCount = quoteText.split(/\s+/).filter(Boolean).length;
  const markers = tokens.slice(Math.max(floor, open - 3), Math.max(open, 0)).map((token) => token.lower);
  if (markers.some((word) => NON_SPEECH_MARKERS.has(word)) && wordCount <= 8) return null;

  const last = before[before.length - 1];
  const nearVerb = before.slice(-6).some((token) => isSpeechVerb(token.lower) || token.lower === 'according');
  const startsClause =
    last === undefined ||
    last.text === ':' ||
    (['’', '‘', "'"].includes(last.text) && before.length === 1) ||
    ((last.text === ',' || last.text === '—' || last.text === '–') && nearVerb) ||
    (last.kind === 'word' && isSpeechVerb(last.lower));
  if (startsClause && !usedAsNoun(paragraph, part)) return 'direct';
  if (startsClause) return null;
  return isTitleCased(quoteText) ? null : 'partial';
}

/** Small words that stay lowercase inside a title ("Face the Nation", "Keepin' It Real"). */
const TITLE_SMALL_WORDS = new Set(
  'a an the and or but nor of in on at to for by with from as vs. vs v. de la le du von van'.split(' '),
);

/**
 * `on CBS's "Face the Nation"`, `a "Commander-in-Chief Forum"`: a few words woven into a sentence with every
 * word capitalized name a show, an event, a work or a nickname, not something someone said.
 */
function isTitleCased(quoteText: string): boolean {
  const words = quoteText
    .replace(/[.,!?…:;]+$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every(
    (word, position) => /^[\p{Lu}\d]/u.test(word) || (position > 0 && TITLE_SMALL_WORDS.has(word.toLowerCase())),
  );
}

/** `"Whatever gets the job done" is my new motto`: a quote followed by its predicate is a thing, not speech. */
function usedAsNoun(paragraph: ParagraphDoc, part: QuotePart): boolean {
  // the trailing comma is trimmed from the quote text, so read up to the closing mark
  if (part.close === null || /[.,!?…—–\-:;]\s*$/u.test(paragraph.text.slice(part.textStart, part.close))) return false;
  const close = tokenAt(paragraph, part.close);
  const next = paragraph.tokens[close + 1];
  if (next?.kind !== 'word') return false;
  return (
    !next.capitalized &&
    !isSpeechVerb(next.lower) &&
    !['he', 'she', 'they', 'we', 'i', 'the', 'a', 'an'].includes(next.lower)
  );
}

/** Find the speaker of a quote: its own cues first, then the speaker carried from just before it. */
function attributeGroup(
  paragraphs: readonly ParagraphDoc[],
  group: QuoteGroup,
  kind: Quote['kind'],
  events: readonly SpeechEvent[],
): Attribution {
  const first = group.parts[0]!;
  const firstParagraph = paragraphs[first.paragraphIndex]!;
  const open = openToken(firstParagraph, first);
  // `because “...,” she said`: a partial closed by its own cue belongs to that cue, not to an earlier verb
  if (kind === 'partial') {
    const after = immediateAttribution(firstParagraph, first);
    if (after) return { ref: after };
  }
  if (open >= 0) {
    const before = attributionBefore(firstParagraph, open, kind === 'partial' ? 40 : 10);
    if (before) return { ref: before };
  }
  for (const part of group.parts) {
    const paragraph = paragraphs[part.paragraphIndex]!;
    const close = closeToken(paragraph, part);
    if (close === null) continue;
    const quoteText = paragraph.text.slice(part.textStart, part.close ?? part.textEnd);
    const after = attributionAfter(paragraph, close, quoteText.trim().slice(-1));
    if (after) return { ref: after };
  }
  if (kind === 'partial') return { ref: null };
  // an excerpt of another text speaks only for a source that introduces it ("Ward stated:")
  const introOnly = isExcerptPart(firstParagraph.text, first);
  return { ref: carriedSpeaker(paragraphs, first, open, events, introOnly) };
}

/** The cue right after a part that ends in a comma inside its marks (`“...,” she said`), if any. */
function immediateAttribution(paragraph: ParagraphDoc, part: QuotePart): SpeakerRef | null {
  if (part.close === null || !/,\s*$/u.test(paragraph.text.slice(part.textStart, part.close))) return null;
  return attributionAfter(paragraph, tokenAt(paragraph, part.close), ',');
}

/**
 * The speaker carried to an unattributed quote: the last speaker named earlier in its paragraph
 * ("X," he said. "Y."), or, for a quote that opens its paragraph, the last speaker of the paragraph before.
 */
function carriedSpeaker(
  paragraphs: readonly ParagraphDoc[],
  part: QuotePart,
  open: number,
  events: readonly SpeechEvent[],
  introOnly: boolean,
): SpeakerRef | null {
  const sameParagraph = events.filter(
    (event) => event.paragraphIndex === part.paragraphIndex && event.tokenIndex < open,
  );
  if (sameParagraph.length > 0 && !introOnly) return sameParagraph[sameParagraph.length - 1]!.ref;
  if (open > 0) return null;
  const previous = paragraphs[part.paragraphIndex - 1];
  if (!previous || previous.heading) return null;
  // only a quote (or "He said:") closing the paragraph before hands the floor on, not a reported statement
  const lastSentence = previous.sentenceOf[previous.tokens.length - 1] ?? 0;
  const earlier = events.filter(
    (event) =>
      event.paragraphIndex === previous.index &&
      event.quoted &&
      (!introOnly || event.tokenIndex === previous.tokens.length) &&
      event.tokenIndex >= lastSentence &&
      event.ref.cueIndex >= lastSentence,
  );
  return earlier.length > 0 ? earlier[earlier.length - 1]!.ref : null;
}

/** `"..." ― Jane Doe`: a signature closes its own quote and says nothing about the next one. */
function isSignature(ref: SpeakerRef): boolean {
  return DASH_CUES.has(ref.cue);
}

/** An unattributed quote is kept (with no speaker) only when it reads as speech: a sentence of several words. */
function isStandaloneSpeech(paragraphs: readonly ParagraphDoc[], group: QuoteGroup): boolean {
  const part = group.parts[0]!;
  const paragraph = paragraphs[part.paragraphIndex]!;
  const text = paragraph.text.slice(part.textStart, part.textEnd);
  const words = text.split(/\s+/).filter(Boolean).length;
  return group.parts.length > 1 || words >= 3 || /[.!?…,]$/u.test(text);
}
