import { isSpeechVerb, isUnambiguousSpeechVerb } from '../lexicon/speech-verbs.js';
import { isFirstName, isLyAdverb, isRoleNoun, isVerbForm } from '../lexicon/tags.js';
import {
  DETERMINERS,
  IRREGULAR_PAST_VERBS,
  NUMBER_WORDS,
  ORGANISATION_HEADS,
  ORGANISATION_NOUNS_AFTER_NAME,
  PARTY_WORDS,
  PHRASE_BREAKS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS,
  WEEKDAYS,
} from '../lexicon/words.js';
import type { ParagraphDoc } from './document.js';
import type { Token } from './tokens.js';

/** A noun phrase as a token range of one paragraph (inclusive). */
export interface PhraseRange {
  first: number;
  last: number;
}

export function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'word';
}

/** True for a word that may sit inside a noun phrase: no speech verb, unless capitalized as a name is ("Ian Read"). */
function isPhraseWord(token: Token): boolean {
  return token.kind === 'word' && !PHRASE_BREAKS.has(token.lower) && (token.capitalized || !isSpeechVerb(token.lower));
}

/** Skip adverbs and auxiliaries backwards from `index`; returns the index of the first other token. */
export function skipModifiersBack(paragraph: ParagraphDoc, index: number, floor: number): number {
  let at = index;
  // a subject is never more than a few adverbs and auxiliaries away from its verb ("Clinton, exasperated, famously
  // responded")
  while (at >= floor && index - at < 6 && isVerbModifier(paragraph.tokens[at]!)) at--;
  // "The Madras High Court on Tuesday directed": the day it happened, then the subject
  const tokens = paragraph.tokens;
  if (at - 1 > floor && WEEKDAYS.has(tokens[at]!.lower) && tokens[at - 1]!.lower === 'on' && !paragraph.quoted[at]) {
    return skipModifiersBack(paragraph, at - 2, floor);
  }
  return at;
}

/** An adverb or auxiliary between a subject and its verb: one the lexicon lists, or a lowercase -ly adverb. */
function isVerbModifier(token: Token): boolean {
  return VERB_MODIFIERS.has(token.lower) || (token.kind === 'word' && !token.capitalized && isLyAdverb(token.lower));
}

/** Skip adverbs and auxiliaries forwards from `index`. */
export function skipModifiersForward(paragraph: ParagraphDoc, index: number): number {
  let at = index;
  while (at < paragraph.tokens.length && at - index < 6 && VERB_MODIFIERS.has(paragraph.tokens[at]!.lower)) at++;
  return at;
}

/** The noun phrase that ends at `last` (a pronoun, a name with its title, or a determiner phrase). */
export function phraseEndingAt(paragraph: ParagraphDoc, last: number, floor: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  const head = tokens[last];
  if (!isWord(head) || paragraph.quoted[last]) return null;
  if (SUBJECT_PRONOUNS.has(head.lower)) return { first: last, last };
  // "the mother of three", "a father of two": a count after "of" ends the phrase
  const counted = NUMBER_WORDS.has(head.lower) && tokens[last - 1]?.lower === 'of';
  if (counted) return extendPhraseBack(paragraph, last - 2, floor, last);
  if (!isPhraseWord(head) || DETERMINERS.has(head.lower)) return null;
  return extendPhraseBack(paragraph, last, floor, last);
}

/** Words that tie a name to the body after it inside one phrase. */
const NAME_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'from']);

/** Extend a phrase whose head is at `head` leftwards over its modifiers; the range ends at `last`. */
/**
 * Whether the "and" at `and` is inside a body's name: "Department of Health and Social Care", a head word ruling an
 * "of" or "for" among the capitals before it, or "Transport and Logistics Bureau", a head word closing the capitals
 * after it; and no given name after it ("the Department of Health and John Reid" is two). `floor` is the first token
 * the name may start at.
 */
export function isAndInBodyName(tokens: readonly Token[], and: number, floor: number): boolean {
  const after = tokens[and + 1];
  if (tokens[and]?.lower !== 'and' || !after?.capitalized || isFirstName(after.lower)) return false;
  // "the Transport and Logistics Bureau": capitals on both sides up to a head word within a few words
  // (not "Labour and Conservative Party members", two parties, nor the last two of a list, "Corby Tobacco, Pellam
  // Tobacco and Dunmore Group")
  let runStart = and - 1;
  while (runStart > floor && tokens[runStart - 1]?.capitalized) runStart--;
  const listed = tokens[runStart - 1]?.text === ',';
  if (tokens[and - 1]?.capitalized && and - 1 >= floor && !PARTY_WORDS.has(tokens[and - 1]!.lower) && !listed) {
    for (let index = and + 1; index <= and + 3 && tokens[index]?.capitalized; index++) {
      if (ORGANISATION_HEADS.has(tokens[index]!.lower) && !tokens[index + 1]?.capitalized) return true;
    }
  }
  return bodyHeadBefore(tokens, and, floor);
}

/**
 * Whether a head word rules an "of" or "for" among the capitals (and the commas of a list) before token `at`:
 * "Department of Health and", "Ministry of Agriculture, Forestry and".
 */
function bodyHeadBefore(tokens: readonly Token[], at: number, floor: number): boolean {
  for (let index = at - 1; index > floor && at - index < 8; index--) {
    const token = tokens[index]!;
    if ((token.lower === 'of' || token.lower === 'for') && ORGANISATION_HEADS.has(tokens[index - 1]!.lower)) {
      return true;
    }
    if (!token.capitalized && token.text !== ',') return false;
  }
  return false;
}

/**
 * Whether the token at `at` is a slash joining a one-word name to the rest of it with no space ("Cal/OSHA",
 * "InStat/MDR"); not a photo credit's "John Moore/Getty Images" or a poll's "Wall Street Journal/NBC News".
 */
export function isSlashInName(tokens: readonly Token[], at: number): boolean {
  const slash = tokens[at];
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (slash?.text !== '/' || !before?.capitalized || !after?.capitalized) return false;
  // ("Facebook/Mostafa Talaat", "G du Toit/J Fourie": a person after the slash is someone of their own)
  if (tokens[at - 2]?.capitalized || after.text.length < 2 || isFirstName(after.lower)) return false;
  return before.end === slash.start && slash.end === after.start;
}

/**
 * Whether the comma at `comma` lists the fields of a body's name: "Ministry of Agriculture, Forestry and Fisheries",
 * "Department for Environment, Food and Rural Affairs" (capitals after it up to an "and" and more capitals).
 */
export function isCommaInBodyName(tokens: readonly Token[], comma: number, floor: number): boolean {
  if (tokens[comma]?.text !== ',' || !tokens[comma + 1]?.capitalized) return false;
  let and = comma + 2;
  while (and <= comma + 3 && tokens[and]?.capitalized) and++;
  if (tokens[and]?.lower !== 'and' || !tokens[and + 1]?.capitalized) return false;
  return bodyHeadBefore(tokens, comma, floor);
}

function extendPhraseBack(paragraph: ParagraphDoc, head: number, floor: number, last: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  const headToken = tokens[head];
  if (!isWord(headToken) || paragraph.quoted[head] || !isPhraseWord(headToken)) return null;
  let first = head;
  for (let index = head - 1; index >= floor && head - index < 8; index--) {
    const token = tokens[index]!;
    // ("the Ministry of Agriculture, Forestry and Fisheries said": a comma inside a body's name)
    if (!paragraph.quoted[index] && (isCommaInBodyName(tokens, index, floor) || isSlashInName(tokens, index))) continue;
    if (paragraph.quoted[index] || token.kind !== 'word') break;
    if (DETERMINERS.has(token.lower)) {
      first = index;
      break;
    }
    // "Cara Diemont of Dimension Data", "David Buik from broker Panmure Gordon"
    const linksNames =
      (NAME_LINKS.has(token.lower) || isAndInBodyName(tokens, index, floor)) && tokens[index - 1]?.capitalized;
    if (!isPhraseWord(token) && !linksNames) break;
    if (token.possessive && !token.capitalized && index !== head - 1) break;
    first = index;
  }
  return { first, last };
}

/** The noun phrase that starts at `first`, up to a break word, punctuation or a verb. */
export function phraseStartingAt(paragraph: ParagraphDoc, first: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  const start = tokens[first];
  if (!isWord(start) || paragraph.quoted[first]) return null;
  if (SUBJECT_PRONOUNS.has(start.lower)) return { first, last: first };
  if (!isPhraseWord(start) && !DETERMINERS.has(start.lower)) return null;
  let last = first;
  let inName = start.capitalized && !DETERMINERS.has(start.lower);
  for (let index = first + 1; index < tokens.length && index - first < 8; index++) {
    const token = tokens[index]!;
    if (!paragraph.quoted[index] && (isCommaInBodyName(tokens, index, first) || isSlashInName(tokens, index))) continue;
    if (paragraph.quoted[index] || token.kind !== 'word') break;
    // ("chairman and chief executive officer Bill Ford": two roles joined before the name they are of)
    if (token.lower === 'and' && !inName && isRoleWordRun(tokens, first, index)) {
      const name = nameAfterRoleWords(paragraph, index + 1);
      if (name !== null && isRoleNoun(tokens[name - 1]!.lower)) {
        last = name;
        index = name;
        inName = true;
        continue;
      }
    }
    const linksNames =
      ((token.lower === 'of' || token.lower === 'for') && tokens[index + 1]?.capitalized) ||
      isAndInBodyName(tokens, index, first);
    if (!isPhraseWord(token) && !linksNames && !isNounInPhrase(tokens, index)) break;
    // "The Florida senator sought to ...": a verb after the phrase's head noun starts the predicate
    const previous = tokens[index - 1]!;
    if (!token.capitalized && isVerbForm(token.lower) && !previous.capitalized && isRoleNoun(previous.lower)) break;
    // after a complete name a lowercase word starts the predicate ("Rubio met"); after "Trump’s" it is the head
    // "a BaFin spokeswoman", "the Liverpool manager", "the Clinton campaign": a role or a body after a name is the
    // phrase's head
    if (
      inName &&
      !token.capitalized &&
      !linksNames &&
      (isRoleNoun(token.lower) || ORGANISATION_NOUNS_AFTER_NAME.has(token.lower))
    ) {
      last = index;
      inName = false;
      continue;
    }
    if (inName && !token.capitalized && !linksNames && !tokens[index - 1]!.possessive) {
      // "the top US law enforcement agent": words a role noun ends, closing the phrase, after a modifier name
      const head = roleHeadClosing(paragraph, index);
      if (head !== null) {
        last = head;
        break;
      }
      // "Clinton spokesman Josh Schwerin": role words between a modifier name and the head name
      const headName = nameAfterRoleWords(paragraph, index);
      if (headName === null) break;
      last = headName;
      index = headName;
      continue;
    }
    if (tokens[index - 1]!.possessive) inName = false;
    if (token.capitalized && !inName && tokens[index - 1]!.capitalized === false) inName = true;
    last = index;
  }
  // a phrase never ends on a linking word
  while (last > first && ['of', 'for'].includes(tokens[last]!.lower)) last--;
  return { first, last };
}

/**
 * A speech-verb spelling that is a noun here: capitalized inside a name ("the Washington Post") or a noun-like form
 * right after a determiner or modifier ("the report stated", "the fundraising email said").
 */
function isNounInPhrase(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.kind !== 'word' || !isSpeechVerb(token.lower) || isUnambiguousSpeechVerb(token.lower)) return false;
  if (token.capitalized) return true;
  const previous = tokens[index - 1];
  return previous !== undefined && previous.kind === 'word' && !PHRASE_BREAKS.has(previous.lower);
}

/** Paragraph text of a token range. */
export function rangeText(paragraph: ParagraphDoc, range: PhraseRange): string {
  return paragraph.text.slice(paragraph.tokens[range.first]!.start, paragraph.tokens[range.last]!.end);
}

/**
 * Index of a role noun that ends the phrase within three lowercase words from `index` ("law enforcement agent" and a
 * stop or the end after it), or null.
 */
function roleHeadClosing(paragraph: ParagraphDoc, index: number): number | null {
  const tokens = paragraph.tokens;
  for (let at = index; at < tokens.length && at - index < 3; at++) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || token.kind !== 'word' || token.capitalized || !isPhraseWord(token)) return null;
    // ("Betsy Ebeling shook her head.": a verb or a determiner, "her" among them, is no part of a role)
    if (isVerbForm(token.lower) || DETERMINERS.has(token.lower)) return null;
    const next = tokens[at + 1];
    if (isRoleNoun(token.lower) && (next === undefined || next.kind !== 'word')) return at;
  }
  return null;
}

/** Whether the tokens from `first` up to `end` are lowercase role words ("chairman", "chief executive"). */
function isRoleWordRun(tokens: readonly Token[], first: number, end: number): boolean {
  if (end <= first) return false;
  for (let at = first; at < end; at++) {
    const token = tokens[at]!;
    if (token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower)) return false;
  }
  return isRoleNoun(tokens[end - 1]!.lower);
}

/** A past tense: "-ed", or an irregular past ("sought", "told"). */
function isPastForm(lower: string): boolean {
  return lower.endsWith('ed') || IRREGULAR_PAST_VERBS.has(lower);
}

/** Index of a capitalized word reached from `index` across at most three lowercase phrase words, or null. */
function nameAfterRoleWords(paragraph: ParagraphDoc, index: number): number | null {
  const tokens = paragraph.tokens;
  for (let at = index; at < tokens.length && at - index < 4; at++) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || token.kind !== 'word') return null;
    if (token.capitalized) return at > index ? at : null;
    if (!isPhraseWord(token) || DETERMINERS.has(token.lower)) return null;
    // ("Clinton repeatedly invoked President Obama", "Pelosi sought Monday": an adverb and a past tense are the
    // predicate, not role words)
    if (isLyAdverb(token.lower) || (isVerbForm(token.lower) && isPastForm(token.lower))) return null;
  }
  return null;
}
