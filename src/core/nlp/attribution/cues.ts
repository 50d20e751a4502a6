import {
  isDenialVerb,
  isInvertingVerb,
  isRecallForm,
  isReportingVerb,
  isSpeechVerb,
  isUnambiguousSpeechVerb,
  takesPlainObject,
} from '../lexicon/speech-verbs.js';
import {
  isEverydayWord,
  isLyAdverb,
  isNonHeadWord,
  isPlaceName,
  isPreposition,
  isRoleNoun,
  isVerbForm,
} from '../lexicon/tags.js';
import {
  AGENT_PARTICIPLES,
  AMOUNT_PRONOUNS,
  AS_NO_CLAUSE,
  ASKED_FORMS,
  AUXILIARY_VERBS,
  CLAUSE_JOINERS,
  CLAUSE_OPENERS,
  COMMON_MAIN_VERBS,
  DASH_MARKS,
  DOCUMENT_NOUNS,
  DURATION_UNITS,
  FINITE_WORDS,
  FIRM_STATEMENT_VERBS,
  FRAMING_VERBS,
  LINKING_PREPOSITIONS,
  LIST_JOINERS,
  MAIN_CLAUSE_OPENERS,
  MEDIUM_PREPOSITIONS,
  NAME_SUFFIXES,
  NEGATIONS,
  NOTHING_MODIFIERS,
  NOUN_DETERMINERS,
  NUMBER_WORDS,
  OBJECT_CLAUSE_ENDS,
  OBJECT_END_MARKS,
  OBJECT_PREPOSITIONS,
  ONGOING_VERBS,
  PASSIVE_AUXILIARIES,
  PHRASAL_SPEECH,
  POSSESSIVE_PRONOUNS,
  POST_MODIFIER_PREPOSITIONS,
  PREPOSITIONAL_PARTICIPLES,
  RECOUNTING_VERBS,
  REDUCED_CLAUSE_OPENERS,
  REFLEXIVE_PRONOUNS,
  RELATIVE_OPENERS,
  REPLY_VERBS,
  REPORTED_CLAUSE_PREPOSITIONS,
  SAID_WHEN_WORDS,
  SAME_SPEAKER_PRONOUNS,
  SPEAKING_OCCASIONS,
  STATE_VERBS,
  STATEMENT_TAIL_OPENERS,
  SUBJECT_PRONOUNS,
  TAIL_PREPOSITIONS,
  TIME_WORDS,
  TOLD_FORMS,
  UNSAID_BEFORE_TO,
  VAGUE_SOURCE_NOUNS,
  WEEKDAYS,
} from '../lexicon/words.js';
import type { ParagraphDoc } from './document.js';
import {
  isWord,
  type PhraseRange,
  phraseEndingAt,
  phraseStartingAt,
  skipModifiersBack,
  skipModifiersForward,
} from './phrases.js';

/** Where a quote's speaker is named, and the cue that ties them. */
export interface SpeakerRef {
  paragraph: ParagraphDoc;
  range: PhraseRange;
  cue: string;
  /** token index of the cue verb in `paragraph` */
  cueIndex: number;
}

/** `a narrator in the Clinton ad asks`: skip a short prepositional phrase between a subject and a speech verb. */
function skipPrepositionalPhrase(paragraph: ParagraphDoc, index: number): number {
  const tokens = paragraph.tokens;
  if (!LINKING_PREPOSITIONS.has(tokens[index]?.lower ?? '')) return index;
  for (let at = index + 1; at < tokens.length && at - index <= 6; at++) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || token.kind !== 'word') return index;
    if (isSpeechVerb(token.lower) && !token.capitalized) return at;
  }
  return index;
}

/** A plural common noun phrase with no determiner ("games developers", "officials"): a group, not a speaker. */
function isGenericGroup(paragraph: ParagraphDoc, range: PhraseRange): boolean {
  const tokens = paragraph.tokens;
  const head = tokens[range.last]!;
  const first = tokens[range.first]!;
  return (
    !head.capitalized &&
    head.lower.endsWith('s') &&
    !SUBJECT_PRONOUNS.has(head.lower) &&
    !NOUN_DETERMINERS.has(first.lower)
  );
}

/** A framing verb used as a verb: lowercase, not after a determiner ("the report", "a call"). */
function isFramingWord(paragraph: ParagraphDoc, index: number): boolean {
  const token = paragraph.tokens[index];
  if (!isWord(token) || token.capitalized || !FRAMING_VERBS.has(token.lower)) return false;
  return !isNounUse(paragraph, index);
}

/** A speech verb used as a verb: capitalized inside a sentence it is part of a name ("The Washington Post"). */
function isCueWord(paragraph: ParagraphDoc, index: number, floor: number): boolean {
  const token = paragraph.tokens[index];
  if (!isWord(token) || !isSpeechVerb(token.lower)) return false;
  if (isNounUse(paragraph, index)) return false;
  return !token.capitalized || index === floor;
}

/**
 * "a verbal lashing", "the report": after a determiner the word is a noun; a word that is also a noun stays one
 * with a modifier between ("during an earnings call", "the annual report"). "the company said" and "the group
 * called" keep their verbs.
 */
function isNounUse(paragraph: ParagraphDoc, index: number): boolean {
  const tokens = paragraph.tokens;
  if (NOUN_DETERMINERS.has(tokens[index - 1]?.lower ?? '')) return true;
  const modifier = tokens[index - 1];
  const word = tokens[index]!.lower;
  // ("The organization called the plan ...": a past form is the verb of the subject before it; "issued a statement
  // calling ...": a participle is one of the document's)
  return (
    !isUnambiguousSpeechVerb(word) &&
    !word.endsWith('ed') &&
    !word.endsWith('ing') &&
    isWord(modifier) &&
    !modifier.capitalized &&
    !paragraph.quoted[index - 1] &&
    NOUN_DETERMINERS.has(tokens[index - 2]?.lower ?? '')
  );
}

/** The cue text: the verb, with the listener of "told reporters" or the "to" of "according to". */
function cueText(paragraph: ParagraphDoc, verbIndex: number): string {
  const tokens = paragraph.tokens;
  const verb = tokens[verbIndex]!;
  if (verb.lower === 'according') return `${verb.text} ${tokens[verbIndex + 1]?.text ?? 'to'}`;
  const next = tokens[verbIndex + 1];
  if (TOLD_FORMS.has(verb.lower) && isWord(next) && !SUBJECT_PRONOUNS.has(next.lower) && next.lower !== 'that') {
    return `${verb.text} ${next.text}`;
  }
  return verb.text;
}

/** The subject of the verb at `verbIndex`, looking left within the sentence. */
export function subjectOfVerb(paragraph: ParagraphDoc, verbIndex: number): PhraseRange | null {
  const floor = paragraph.sentenceOf[verbIndex] ?? 0;
  const tokens = paragraph.tokens;
  let at = skipModifiersBack(paragraph, verbIndex - 1, floor);
  if (at < floor) return null;
  // "Corbett goes on to criticise", "she wants to tell": the subject of the verb that governs the infinitive
  if (tokens[at]?.lower === 'to' && at - 1 >= floor) {
    // "it was improper for the network to claim": the phrase after "for" is the infinitive's own subject
    const own = phraseEndingAt(paragraph, at - 1, floor);
    if (own && own.first - 1 >= floor && tokens[own.first - 1]!.lower === 'for' && !paragraph.quoted[own.first - 1]) {
      return own;
    }
    let governing = at - 1;
    if (['on', 'up', 'out'].includes(tokens[governing]!.lower) && governing - 1 >= floor) governing--;
    const word = tokens[governing]!;
    if (word.kind === 'word' && !word.capitalized && !paragraph.quoted[governing] && isVerbLike(word.lower)) {
      return subjectOfVerb(paragraph, governing);
    }
  }
  // "Rep. John Mica (R-Fla.) said"
  if (tokens[at]?.text === ')') {
    const limit = Math.max(floor, at - 10);
    while (at > limit && tokens[at]!.text !== '(') at--;
    at = skipModifiersBack(paragraph, at - 1, floor);
    if (at < floor) return null;
  }
  const token = tokens[at]!;
  if (paragraph.quoted[at]) return null;
  // "he kept saying", "Floyd can be heard saying": a participle after a verb of going on or of perceiving is said by
  // that verb's subject
  if (
    tokens[verbIndex]!.lower.endsWith('ing') &&
    ONGOING_VERBS.has(token.lower) &&
    !token.capitalized &&
    at - 1 >= floor
  ) {
    return subjectOfVerb(paragraph, at);
  }
  // "Fico, who has described ..." -> Fico; "Sen. X, the ranking Democrat on the Senate Intelligence Committee, who
  // said" -> X, not the committee her description names
  if (token.lower === 'who' && tokens[at - 1]?.text === ',') {
    const before = phraseEndingAt(paragraph, at - 2, floor);
    const link = before ? tokens[before.first - 1] : undefined;
    const described =
      before && isWord(link) && !link.capitalized && isPreposition(link.lower)
        ? nameBeforeDescription(paragraph, before.first - 1, floor)
        : null;
    return described ?? before;
  }
  // "... announced by East Coast Trains, which said:" -> the name before "which" (after "by" too, where a phrase
  // would stop), when it is one
  if (token.lower === 'which' && tokens[at - 1]?.text === ',') {
    const last = at - 2;
    let first = last;
    while (first - 1 >= floor && isWord(tokens[first - 1]) && tokens[first - 1]!.capitalized) first--;
    return last >= floor && isWord(tokens[last]) && tokens[last]!.capitalized ? { first, last } : null;
  }
  // "..., saying ..." takes the subject of the sentence
  if (token.text === ',' && tokens[verbIndex]!.lower.endsWith('ing')) return participleSubject(paragraph, floor, at);
  if (token.text === ',') return subjectAcrossAppositive(paragraph, at, floor);
  if (['and', 'but', 'then'].includes(token.lower)) return sentenceSubject(paragraph, floor, at);
  // "police Chief John Hayden, Jr. said": a generational suffix set off by a comma closes the name before it
  const suffixed =
    at - 2 >= floor && tokens[at - 1]?.text === ',' && NAME_SUFFIXES.has(token.lower.replace(/\.$/u, ''));
  const named = suffixed ? phraseEndingAt(paragraph, at - 2, floor) : null;
  const phrase = named ? { first: named.first, last: at } : phraseEndingAt(paragraph, at, floor);
  // "The senator from Vermont said": the role before the place someone is from is who speaks
  const from = phrase ? tokens[phrase.first - 1] : undefined;
  if (phrase && (from?.lower === 'from' || from?.lower === 'of') && isPlaceName(phraseText(paragraph, phrase))) {
    const role = phraseEndingAt(paragraph, phrase.first - 2, floor);
    const head = role ? tokens[role.last]! : undefined;
    if (role && head && !head.capitalized && isRoleNoun(head.lower)) return role;
  }
  if (phrase && tokens[verbIndex]!.lower.endsWith('ing') && !isParticipleSubject(paragraph, phrase)) {
    // "police issued a statement saying": the one who issued the document speaks through it
    const issuing = ISSUING_VERBS.has(tokens[phrase.first - 1]?.lower ?? '');
    // "responded on Facebook writing", "spoke at a rally saying": a short place or medium the sentence's subject
    // acted in, not the one writing
    const head = tokens[phrase.last]!;
    const medium =
      MEDIUM_PREPOSITIONS.has(tokens[phrase.first - 1]?.lower ?? '') &&
      phrase.last - phrase.first < 3 &&
      ((head.capitalized && !head.possessive) || SPEAKING_OCCASIONS.has(head.lower));
    return (issuing && DOCUMENT_NOUNS.has(tokens[phrase.last]!.lower)) || medium
      ? participleSubject(paragraph, floor, phrase.first)
      : null;
  }
  // "the panel led by X and Y said": the body the agents of a participle lead speaks, not the last of them
  const led = phrase ? agentHead(paragraph, phrase.first, floor) : null;
  if (led) return led;
  // "only people such as David and Charles Koch wanted": the names are examples of the subject, not the subject
  const examples = phrase ? examplesOpening(paragraph, phrase.last + 1, floor) : -1;
  if (examples >= 0) return phraseEndingAt(paragraph, examples - 1, floor);
  // "Mark Peaker, 47, a father-of-three, from Telford said": a place of origin closes an appositive
  const preposition = tokens[(phrase?.first ?? at) - 1];
  if (phrase && ORIGIN_PREPOSITIONS.has(preposition?.lower ?? '') && tokens[phrase.first - 2]?.text === ',') {
    return subjectAcrossAppositive(paragraph, phrase.first - 2, floor) ?? phrase;
  }
  return phrase;
}

/**
 * The noun phrase a participle with "by" describes, when the phrase ending before `first` is its agent or the last of
 * its agents: "the panel led by Ellen Johnson Sirleaf and Helen Clark", "a commission chaired by Lord Smith". Not
 * after an auxiliary ("was led by": a passive clause of its own), and only a common noun ("the panel"), not a name.
 */
function agentHead(paragraph: ParagraphDoc, first: number, floor: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  for (let at = first - 1; at > floor + 1 && first - at <= 20; at--) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || !isWord(token)) return null;
    if (token.lower !== 'by') continue;
    const participle = tokens[at - 1]!;
    if (!isWord(participle) || participle.capitalized || !AGENT_PARTICIPLES.has(participle.lower)) return null;
    if (PASSIVE_AUXILIARIES.has(tokens[at - 2]?.lower ?? '')) return null;
    const head = phraseEndingAt(paragraph, at - 2, floor);
    const noun = head ? tokens[head.last]! : undefined;
    // ("a lawsuit led by New York Attorney General Letitia James said": a document speaks for the one who led it)
    if (!head || !noun || noun.capitalized || DOCUMENT_NOUNS.has(noun.lower)) return null;
    return !isVerbLike(noun.lower) && !isNonHeadWord(noun.lower) ? head : null;
  }
  return null;
}

/**
 * Where "such as" or "including" opens a list of examples that the names before `end` end, after a lowercase noun
 * ("people such as David and Charles Koch"); -1 when none does.
 */
function examplesOpening(paragraph: ParagraphDoc, end: number, floor: number): number {
  const tokens = paragraph.tokens;
  for (let at = end - 1; at > floor && end - at <= 10; at--) {
    const token = tokens[at]!;
    if (paragraph.quoted[at]) return -1;
    const opens =
      (token.lower === 'as' && tokens[at - 1]?.lower === 'such') || (token.lower === 'including' && at > floor);
    if (opens) {
      const start = token.lower === 'as' ? at - 1 : at;
      const noun = tokens[start - 1];
      return isWord(noun) && !noun.capitalized && !isVerbLike(noun.lower) && !isNonHeadWord(noun.lower) ? start : -1;
    }
    if (!(isWord(token) && (token.capitalized || token.lower === 'and')) && token.text !== ',') return -1;
  }
  return -1;
}

/** The words of a phrase in lowercase, one space between. */
function phraseText(paragraph: ParagraphDoc, range: PhraseRange): string {
  return paragraph.tokens
    .slice(range.first, range.last + 1)
    .map((token) => token.lower)
    .join(' ');
}

/** Verbs by which someone puts out a document that then speaks for them ("issued a statement saying"). */
const ISSUING_VERBS: ReadonlySet<string> = new Set(['issued', 'released', 'published', 'posted', 'sent', 'put']);

/**
 * A phrase that describes someone without naming them: "the returning officer", "the company's chief executive",
 * "Sooam researcher" (a role noun written without its article, as agency copy does).
 */
function isDescription(paragraph: ParagraphDoc, phrase: PhraseRange): boolean {
  const first = paragraph.tokens[phrase.first]!;
  const head = paragraph.tokens[phrase.last]!;
  // ("Authenti-corp's CEO": a role's capital letters, after whose post it is)
  const letters = phrase.last > phrase.first && /^\p{Lu}{2,3}$/u.test(head.text) && isRoleNoun(head.lower);
  if (head.capitalized && !letters) return false;
  return ((first.lower === 'the' || first.lower === 'its') && phrase.last > phrase.first) || isRoleNoun(head.lower);
}

/** Whether the tokens from `first` to `last` are a name: two to four capitalized words. */
function isNameBetween(paragraph: ParagraphDoc, first: number, last: number): boolean {
  if (last - first < 1 || last - first > 3) return false;
  for (let index = first; index <= last; index++) {
    const token = paragraph.tokens[index]!;
    if (!isWord(token) || !token.capitalized || paragraph.quoted[index]) return false;
  }
  return true;
}

/** Prepositions that open where someone is from, after the commas of an appositive. */
const ORIGIN_PREPOSITIONS: ReadonlySet<string> = new Set(['from', 'of', 'in']);

/** A word that can be a verb ("goes", "wants", "continued", "tried", "plans", "shook"). */
export function isVerbLike(lower: string): boolean {
  return isVerbForm(lower) || /(?:es|ed)$/u.test(lower) || ['wants', 'plans', 'goes', 'went', 'tries'].includes(lower);
}

/**
 * `an email to supporters stating "..."`, `a statement saying "..."`: a participle right after a noun describes
 * that noun; only a person-like phrase that is not a prepositional object speaks.
 */
function isParticipleSubject(paragraph: ParagraphDoc, phrase: PhraseRange): boolean {
  const tokens = paragraph.tokens;
  const head = tokens[phrase.last]!;
  // "with finance minister Herve Gaymard telling parliament": a named person after "with" still speaks
  const preposition = tokens[phrase.first - 1]?.lower ?? '';
  if (OBJECT_PREPOSITIONS.has(preposition)) return preposition === 'with' && head.capitalized && !head.possessive;
  const indefinite = ['a', 'an'].includes(tokens[phrase.first]!.lower);
  return !(indefinite && !head.capitalized && !isRoleNoun(head.lower));
}

/** `Marco Rubio, Trump’s top diplomat, said` or `Trump’s spokeswoman, Hope Hicks, said`: prefer the name. */
function subjectAcrossAppositive(paragraph: ParagraphDoc, comma: number, floor: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  // "Mr Downes, who was on his way home to Bayston Hill, Shropshire, with son Jack, 14, said": a relative clause
  // with commas of its own still ends at the comma before the verb
  for (let index = comma - 1; index > floor && comma - index < 30; index--) {
    if (paragraph.quoted[index]) break;
    if (tokens[index]!.lower !== 'who' || tokens[index - 1]?.text !== ',') continue;
    const named = phraseEndingAt(paragraph, index - 2, floor);
    if (named && (tokens[named.last]!.capitalized || SUBJECT_PRONOUNS.has(tokens[named.last]!.lower))) return named;
    break;
  }
  for (let index = comma - 1; index >= floor && comma - index < 18; index--) {
    if (paragraph.quoted[index]) return null;
    if (tokens[index]!.text !== ',') continue;
    // "Mark Peaker, 47, a father-of-three, ...": an age between commas is no subject
    if (/^\d{1,3}$/u.test(tokens[index - 1]?.text ?? '') && tokens[index - 2]?.text === ',') continue;
    // "a manager at Eastgate Capital, which owns shares, said": the body a relative clause is about is no subject,
    // unless it opens the sentence ("Minera Altiplano, which is owned by Northvale, said")
    if (tokens[index + 1]?.lower === 'which') {
      const opening = phraseEndingAt(paragraph, index - 1, floor);
      if (opening && opening.first === floor && tokens[opening.last]!.capitalized) return opening;
      continue;
    }
    // "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said": the name before its party tag
    const before = phraseEndingAt(
      paragraph,
      beforeParenthesis(paragraph, beforePartyTag(paragraph, index - 1, floor), floor),
      floor,
    );
    // "Mr Hale, who lives in Leeds with his daughters Amy, 15, and Beth, 13, said": a name closing a list is not
    // who speaks; the name opening the sentence, before its appositive, is (or nobody, when there is none)
    if (before && before.first - 1 > floor && LIST_JOINERS.has(tokens[before.first - 1]!.lower)) {
      return openingName(paragraph, floor);
    }
    // "Mark Holden, chairman of the board of Freedom Partners, the network's funding arm, said": a body a description
    // is of is no subject; the name before that description is
    const of = before ? tokens[before.first - 1] : undefined;
    if (before && isWord(of) && !of.capitalized && isPreposition(of.lower)) {
      const described = nameBeforeDescription(paragraph, before.first - 1, floor);
      if (described) return described;
    }
    const between = phraseStartingAt(paragraph, index + 1);
    const betweenIsName = between !== null && tokens[between.last]!.capitalized && between.last === comma - 1;
    const betweenIsOnlyName = betweenIsName && tokens[between.first]!.capitalized;
    // "The US ambassador to the United Nations, Nikki Haley, said", "Trump's pick to run the CIA, Gina Haspel, told": a
    // name inside a description is what the description is about; the name set off after it is who speaks
    const link = before && before.first > floor ? tokens[before.first - 1] : undefined;
    // (not after a reporting verb: "said Senator X, New York Democrat, wants ...", whose subject is X)
    if (before && betweenIsOnlyName && isWord(link) && !link.capitalized && !isSpeechVerb(link.lower)) return between;
    // "Argentina's President, Nestor Kirchner, said": a title that ends the phrase is no name; the name after it is
    if (before && betweenIsOnlyName && isRoleNoun(tokens[before.last]!.lower)) return between;
    const beforeIsName = before !== null && tokens[before.last]!.capitalized;
    if (before && (beforeIsName || SUBJECT_PRONOUNS.has(tokens[before.last]!.lower))) return before;
    if (betweenIsName) return between;
    return before;
  }
  return null;
}

/**
 * The name before a description set off by a comma that runs up to `preposition` ("Mark Holden, chairman of the
 * board of ..."): the description opens on a lowercase word and holds no comma, and the name is capitalized.
 */
function nameBeforeDescription(paragraph: ParagraphDoc, preposition: number, floor: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  for (let comma = preposition - 1; comma > floor && preposition - comma < 12; comma--) {
    if (paragraph.quoted[comma]) return null;
    if (tokens[comma]!.text !== ',') continue;
    const opening = tokens[comma + 1];
    if (!isWord(opening) || opening.capitalized) return null;
    const named = phraseEndingAt(paragraph, comma - 1, floor);
    return named && tokens[named.first]!.capitalized && tokens[named.last]!.capitalized ? named : null;
  }
  return null;
}

/** The name that opens a sentence, followed by the comma of an appositive ("Mr Hale, who ..."), if any. */
function openingName(paragraph: ParagraphDoc, floor: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  const opening = phraseStartingAt(paragraph, floor);
  if (!opening || !tokens[opening.first]!.capitalized || !tokens[opening.last]!.capitalized) return null;
  return tokens[opening.last + 1]?.text === ',' ? opening : null;
}

/** `Clinton’s aide rallied supporters, saying ...`: the phrase before the main verb of the clause. */
function participleSubject(paragraph: ParagraphDoc, floor: number, comma: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  // "Trump said Sunday that he doubts reports that Russia interfered ..., calling it ...": after a statement that
  // opens the sentence the participle goes on from the one who made it, not from a verb inside what they said
  for (let index = floor + 1; index < comma; index++) {
    const verb = tokens[index]!;
    if (
      paragraph.quoted[index] ||
      verb.capitalized ||
      verb.lower.endsWith('ing') ||
      !isUnambiguousSpeechVerb(verb.lower)
    ) {
      continue;
    }
    const speaker = subjectOfVerb(paragraph, index);
    const opening = floor + (CLAUSE_JOINERS.has(tokens[floor]!.lower) ? 1 : 0);
    if (speaker?.first === opening) return speaker;
    break;
  }
  for (let index = comma - 1; index > floor && comma - index <= 40; index--) {
    const token = tokens[index]!;
    if (paragraph.quoted[index]) return null;
    if (token.kind !== 'word' || token.capitalized) continue;
    if (!token.lower.endsWith('ed') && !COMMON_MAIN_VERBS.has(token.lower) && !isUnambiguousSpeechVerb(token.lower))
      continue;
    // "a Twitter comment", "the relevant report": a word after a determiner is a noun, not the main verb
    if (['a', 'an', 'the', 'his', 'her', 'their'].includes(tokens[index - 1]?.lower ?? '')) continue;
    const at = skipModifiersBack(paragraph, index - 1, floor);
    // "Dean, a former committee chairman, poked at ..., tweeting": the name before the appositive
    if (tokens[at]?.text === ',') {
      const named = subjectAcrossAppositive(paragraph, at, floor);
      if (named) return named;
    }
    const subject = at >= floor ? phraseEndingAt(paragraph, at, floor) : null;
    if (subject) return subject;
  }
  return sentenceSubject(paragraph, floor, comma);
}

/** The subject that opens a sentence, for coordinated verbs ("Rubio met Orban and said ..."). */
function sentenceSubject(paragraph: ParagraphDoc, floor: number, limit: number): PhraseRange | null {
  let at = floor;
  const tokens = paragraph.tokens;
  // skip an introductory phrase ending in a comma ("On Monday, ..."), but not a name before its appositive
  // ("Mr Coe, pictured with his pupil, said ... and added:")
  for (let index = floor; index < limit && index - floor < 6; index++) {
    if (tokens[index]!.text === ',') {
      const named = phraseStartingAt(paragraph, floor);
      const opener = tokens[floor]!.lower;
      const head = tokens[index - 1]!;
      if (
        named?.last === index - 1 &&
        head.capitalized &&
        !WEEKDAYS.has(head.lower) &&
        // ("However, DEC said", "Meanwhile, ...": a sentence adverb alone is no name)
        (named.first < named.last || !isEverydayWord(head.lower)) &&
        !isPreposition(opener) &&
        !isLyAdverb(opener)
      ) {
        return named.last < limit ? named : null;
      }
      at = index + 1;
      break;
    }
  }
  // a longer phrase a preposition opens ("In a Fox interview later that day, Trump went further:"): the subject is
  // the name after one of its commas, before a lowercase word
  if (at === floor && isPreposition(tokens[floor]?.lower ?? '')) at = afterFrontedPhrase(paragraph, floor, limit);
  if (['but', 'and', 'so', 'yet'].includes(tokens[at]?.lower ?? '')) at++;
  const phrase = phraseStartingAt(paragraph, at);
  if (!phrase || phrase.last >= limit) return null;
  return phrase;
}

/** Where the clause after a fronted prepositional phrase starts: after the comma its capitalized subject follows. */
function afterFrontedPhrase(paragraph: ParagraphDoc, floor: number, limit: number): number {
  const tokens = paragraph.tokens;
  for (let index = floor + 1; index < limit && index - floor < 20; index++) {
    if (tokens[index]!.text !== ',' || paragraph.quoted[index]) continue;
    const named = phraseStartingAt(paragraph, index + 1);
    const verb = named ? tokens[named.last + 1] : undefined;
    if (named && tokens[named.last]!.capitalized && verb?.kind === 'word' && !verb.capitalized) return index + 1;
  }
  return floor;
}

/**
 * `Clinton has since apologised for what happened: "..."`: a sentence that hands over to a quote with a colon, and
 * whose verb is no speech verb, is still introduced by its subject when that is a name or he or she. Null for a
 * colon after anything else.
 */
export function colonIntroduction(paragraph: ParagraphDoc, openIndex: number): SpeakerRef | null {
  const tokens = paragraph.tokens;
  const colon = openIndex - 1;
  if (tokens[colon]?.text !== ':' || paragraph.quoted[colon]) return null;
  const floor = paragraph.sentenceOf[colon] ?? 0;
  // "Here's Clinton in December 1992: '...'": the one presented speaks
  const presenting = presentedName(paragraph, floor, colon);
  if (presenting) return { paragraph, range: presenting, cue: ':', cueIndex: colon };
  const subject = sentenceSubject(paragraph, floor, colon);
  if (!subject) return null;
  const head = tokens[subject.last]!;
  const first = tokens[subject.first]!;
  // (not "What ...:" or "Signs ...:": a lone everyday word capitalized only by opening the sentence)
  const lone = subject.first === subject.last && isEverydayWord(head.lower);
  const named = head.capitalized && first.capitalized && !head.possessive && !lone;
  if (!named && head.lower !== 'he' && head.lower !== 'she') return null;
  // the verb right after the subject: a finite verb of the sentence, not a list or a heading ("Name: ...")
  const verb = tokens[subject.last + 1];
  if (verb?.kind !== 'word' || verb.capitalized) return null;
  // ("Quell was asked by host Tom Bray: ..." hands over to the question, not to the one asked)
  if (PASSIVE_AUXILIARIES.has(verb.lower) && ASKED_FORMS.has(tokens[subject.last + 2]?.lower ?? '')) return null;
  return { paragraph, range: subject, cue: ':', cueIndex: colon };
}

/**
 * The name after "Here's" or "Here is" opening a sentence that a colon closes, with at most a phrase of when or where
 * between them ("Here's Clinton in December 1992:"), or null.
 */
function presentedName(paragraph: ParagraphDoc, floor: number, colon: number): PhraseRange | null {
  const tokens = paragraph.tokens;
  const here = tokens[floor]?.text.toLowerCase() ?? '';
  const opening = /^here['’]s$/u.test(here)
    ? floor + 1
    : here === 'here' && tokens[floor + 1]?.lower === 'is'
      ? floor + 2
      : -1;
  if (opening < 0 || !tokens[opening]?.capitalized) return null;
  let last = opening;
  while (last + 1 < colon && tokens[last + 1]!.kind === 'word' && tokens[last + 1]!.capitalized) last++;
  const rest = tokens[last + 1];
  const tail = last + 1 === colon || (rest !== undefined && isPreposition(rest.lower) && colon - last <= 5);
  return tail && !paragraph.quoted[opening] ? { first: opening, last } : null;
}

/**
 * A speaker phrase must be able to name who spoke: not a possessive ("Clinton’s" emails), not headed by a verb form,
 * adjective or adverb ("came shouts", "the relevant text", "Moscow strongly").
 */
export function isPlausibleSpeaker(paragraph: ParagraphDoc, range: PhraseRange): boolean {
  const head = paragraph.tokens[range.last]!;
  // (but "Sainsbury's said": a firm's name ending in "'s" right before its verb)
  if (head.possessive) {
    const next = paragraph.tokens[range.last + 1];
    return head.capitalized && next?.kind === 'word' && FIRM_STATEMENT_VERBS.has(next.lower);
  }
  if (SUBJECT_PRONOUNS.has(head.lower) || head.capitalized) return true;
  return !isNonHeadWord(head.lower);
}

/**
 * Drop a trailing adverb that belongs to the verb ("Trump jokingly said") or a reflexive ("Cruz himself said"), or an
 * adjective or participle that opens a post-modifier ("a person close to the Clintons", "a source involved in", "the
 * chief known as Bob").
 */
function trimSpeakerPhrase(paragraph: ParagraphDoc, range: PhraseRange): PhraseRange {
  const tokens = paragraph.tokens;
  const token = tokens[range.last]!;
  if (range.last === range.first || token.capitalized) return range;
  // "Cruz himself said": the reflexive only stresses who
  if (isLyAdverb(token.lower) || REFLEXIVE_PRONOUNS.has(token.lower))
    return { first: range.first, last: range.last - 1 };
  const postModifier = POST_MODIFIER_PREPOSITIONS.has(tokens[range.last + 1]?.lower ?? '');
  const previous = tokens[range.last - 1]!;
  if (postModifier && isNonHeadWord(token.lower) && !isNonHeadWord(previous.lower) && previous.kind === 'word') {
    return { first: range.first, last: range.last - 1 };
  }
  return range;
}

/** The ref for a speaker phrase, or null when the phrase cannot name a speaker. */
function speakerRef(paragraph: ParagraphDoc, range: PhraseRange, cue: string, cueIndex: number): SpeakerRef | null {
  const trimmed = trimSpeakerPhrase(paragraph, range);
  return isPlausibleSpeaker(paragraph, trimmed) ? { paragraph, range: trimmed, cue, cueIndex } : null;
}

/** The speech verb closing an appositive that lost its second comma ("X, CRN's sales director told"), if any. */
function unclosedAppositiveVerb(paragraph: ParagraphDoc, comma: number): number | null {
  const tokens = paragraph.tokens;
  // ("Jeff Joseph, from the Consumer Electronics Association (CEA) told": where someone is from, a body's name and
  // its letters in brackets, may run up to the verb too)
  const from = ORIGIN_PREPOSITIONS.has(tokens[comma + 1]?.lower ?? '');
  for (let index = comma + 2; index < tokens.length && index - comma <= (from ? 12 : 8); index++) {
    const token = tokens[index]!;
    if (paragraph.quoted[index]) return null;
    if (token.kind !== 'word') {
      if (from && (token.text === '(' || token.text === ')')) continue;
      return null;
    }
    if (token.capitalized || !isUnambiguousSpeechVerb(token.lower)) continue;
    const noun = tokens[index - 1]!;
    if (from && (noun.text === ')' || (noun.kind === 'word' && noun.capitalized))) return index;
    return noun.kind === 'word' && !noun.capitalized && isRoleNoun(noun.lower) ? index : null;
  }
  return null;
}

/** `"...," Rubio said` / `"...," said Rubio, the ...` / `"...," the secretary told reporters`. */
/** The first token of the quoted stretch that ends at `closeIndex`. */
function quoteOpening(paragraph: ParagraphDoc, closeIndex: number): number {
  let open = closeIndex;
  while (open > 0 && paragraph.quoted[open - 1]) open--;
  return open;
}

export function attributionAfter(paragraph: ParagraphDoc, closeIndex: number, quoteEnd: string): SpeakerRef | null {
  const tokens = paragraph.tokens;
  let at = closeIndex + 1;
  const dashed = DASH_MARKS.has(tokens[at]?.text ?? '');
  if (tokens[at]?.text === ',' || dashed) at++;
  const endsSentence = quoteEnd === '.';
  // a reporter's tail between the quote and its cue: `"..." before the vote, Kessler said`
  if (!endsSentence) at = skipTail(paragraph, at);
  if (quoteEnd === ',') at = skipWriterClause(paragraph, at);
  const first = tokens[at];
  if (!isWord(first) || paragraph.quoted[at]) return null;
  // inversion: said Rubio
  if (isInvertingVerb(first.lower) || (first.lower === 'according' && tokens[at + 1]?.lower === 'to')) {
    const objectStart = first.lower === 'according' ? at + 2 : at + 1;
    const object = phraseStartingAt(paragraph, objectStart);
    if (!object || tokens[object.first]!.lower === 'that') return null;
    if (endsSentence && first.lower !== 'according' && !first.capitalized) return null;
    // `said Opera spokeswoman, Berit Hanson.`: the name after a role is who spoke
    const named = tokens[object.last + 1]?.text === ',' ? phraseStartingAt(paragraph, object.last + 2) : null;
    if (
      named &&
      !tokens[object.last]!.capitalized &&
      tokens[named.first]!.capitalized &&
      tokens[named.last]!.capitalized &&
      ['.', ',', undefined].includes(tokens[named.last + 1]?.text)
    ) {
      return speakerRef(paragraph, named, cueText(paragraph, at), at);
    }
    return speakerRef(paragraph, object, cueText(paragraph, at), at);
  }
  // a dash and a name after a quote: `"..." ― Jane Doe`
  if (first === undefined) return null;
  let subject = phraseStartingAt(paragraph, at);
  if (!subject) return null;
  // a name alone after a quote, closing the sentence: a signature (`"..." ― Jane Doe`) or an attribution that
  // lost its verb (`"...," Mr Champion.`)
  if (
    (dashed || quoteEnd === ',') &&
    tokens[subject.first]!.capitalized &&
    tokens[subject.last]!.capitalized &&
    (subject.last + 1 >= tokens.length || tokens[subject.last + 1]!.text === '.')
  ) {
    // (`from his "brother and friend," Chinese leader Xi Jinping.`: words someone's "his" owns name the one after them)
    if (!dashed && POSSESSIVE_PRONOUNS.has(tokens[quoteOpening(paragraph, closeIndex) - 1]?.lower ?? '')) return null;
    return speakerRef(paragraph, subject, tokens[closeIndex + 1]!.text, closeIndex + 1);
  }
  let verbAt = skipParenthesis(paragraph, subject.last + 1);
  verbAt = skipPrepositionalPhrase(paragraph, verbAt);
  // appositives between subject and verb: "Rubio, the top diplomat, said", "Pruitt, the attorney general of
  // Oklahoma, one of the states suing the EPA, said"
  for (let appositive = 0, comma = verbAt; appositive < 2 && tokens[comma]?.text === ','; appositive++) {
    let close = -1;
    for (let index = comma + 1; index < tokens.length && index - comma < 16; index++) {
      if (paragraph.quoted[index]) break;
      if (tokens[index]!.text === ',') {
        close = index;
        break;
      }
    }
    if (close < 0) {
      // `Luca Bertani, the firm's sales director told ...`: an appositive whose closing comma was dropped ends on
      // a role noun right before the verb
      const verbAfterRole = unclosedAppositiveVerb(paragraph, comma);
      if (verbAfterRole !== null) verbAt = verbAfterRole;
      break;
    }
    const next = tokens[skipModifiersForward(paragraph, close + 1)];
    if (next && (isSpeechVerb(next.lower) || PHRASAL_SPEECH.has(`${next.lower} ${tokens[close + 2]?.lower ?? ''}`))) {
      verbAt = close + 1;
      // `"...," the returning officer, Paul Jarvis, said`: the name in the appositive says who the role is
      if (appositive === 0 && isDescription(paragraph, subject) && isNameBetween(paragraph, comma + 1, close - 1)) {
        subject = { first: comma + 1, last: close - 1 };
      }
      break;
    }
    comma = close;
  }
  verbAt = skipModifiersForward(paragraph, verbAt);
  const verb = tokens[verbAt];
  if (!isWord(verb) || paragraph.quoted[verbAt]) return null;
  // `"...," AP quoted prosecutor Russell McGuire as saying`: the one quoted speaks, not the one quoting; `"...," Mr.
  // Mitchell recalled the president telling him`: nor the one who recalls another's words
  if (verb.lower === 'quoted' || isRecallForm(verb.lower) || RECOUNTING_VERBS.has(verb.lower)) {
    const quotedSpeaker = phraseStartingAt(paragraph, verbAt + 1);
    const next = tokens[(quotedSpeaker?.last ?? verbAt) + 1]?.lower ?? '';
    const told = next === 'saying' || next === 'telling' || (next === 'as' && verb.lower === 'quoted');
    if (quotedSpeaker && told) return speakerRef(paragraph, quotedSpeaker, verb.text, verbAt);
  }
  const phrasal = PHRASAL_SPEECH.has(`${verb.lower} ${tokens[verbAt + 1]?.lower ?? ''}`);
  if (!isCueWord(paragraph, verbAt, paragraph.sentenceOf[verbAt] ?? 0) && !phrasal) return null;
  if (phrasal) return speakerRef(paragraph, subject, `${verb.text} ${tokens[verbAt + 1]!.text}`, verbAt);
  if (verb.lower === 'according') return null;
  // `"... anti-Semitism?" Mr Milburn replied that ...`: who replies to a question did not ask it, and a verb with a
  // clause of its own after a question is a statement of its own
  if (quoteEnd === '?' && (REPLY_VERBS.has(verb.lower) || hasThatClause(paragraph, verbAt, false))) return null;
  // `"Will you stand?" Ms Reyes was asked.`: the one asked is not the one asking
  if (ASKED_FORMS.has(verb.lower) && PASSIVE_AUXILIARIES.has(tokens[verbAt - 1]?.lower ?? '')) return null;
  // a full stop inside the quote ends the sentence; only a short "Rubio said." may still follow it
  if (endsSentence) {
    const after = tokens[verbAt + 1];
    // ("Actress Sandra Dee continues to live in Los Angeles": a verb of going on before an infinitive tells nothing)
    const infinitive = tokens[verbAt + 2];
    if (after?.lower === 'to' && verb.lower.startsWith('continue') && isWord(infinitive) && !infinitive.capitalized) {
      return null;
    }
    if (!isUnambiguousSpeechVerb(verb.lower)) return null;
    if (
      after &&
      !['.', ','].includes(after.text) &&
      !['on', 'in', 'at', 'during', 'after', 'before', 'to'].includes(after.lower)
    ) {
      return null;
    }
    // "Rubio said on Friday." closes the quote; "Fluke said on Friday that she ..." is a statement of its own
    if (hasThatClause(paragraph, verbAt)) return null;
  }
  return speakerRef(paragraph, subject, cueText(paragraph, verbAt), verbAt);
}

/**
 * Whether a speech verb goes on, within six words and before any stop or comma, with "that" (or, when `orVerb`,
 * another speech verb: "said on Friday he warned ...").
 */
function hasThatClause(paragraph: ParagraphDoc, verbAt: number, orVerb = true): boolean {
  const tokens = paragraph.tokens;
  for (let index = verbAt + 1; index < tokens.length && index - verbAt <= 6; index++) {
    const token = tokens[index]!;
    if (token.text === '.' || token.text === ',' || paragraph.quoted[index]) break;
    if (token.lower === 'that' || (orVerb && isSpeechVerb(token.lower))) return true;
  }
  return false;
}

/**
 * `"..." before the vote, Kessler said`: a short temporal or circumstantial phrase ending in a comma between a quote
 * and its attribution. Returns the index after that comma, or `at` itself when there is no such phrase.
 */
function skipTail(paragraph: ParagraphDoc, at: number): number {
  const tokens = paragraph.tokens;
  if (!TAIL_PREPOSITIONS.has(tokens[at]?.lower ?? '') || tokens[at]!.capitalized) return at;
  for (let index = at + 1; index < tokens.length && index - at <= 8; index++) {
    const token = tokens[index]!;
    if (paragraph.quoted[index]) return at;
    if (token.text === ',') return index + 1;
    if (token.kind !== 'word' || isSpeechVerb(token.lower)) return at;
  }
  return at;
}

/**
 * `"...," since so many of the cases were close, said Lee Epstein`: a clause of the writer's own, without a comma of
 * its own, between a quote and an inverted cue naming its speaker. Returns the index of that cue's verb, or `at` when
 * the words after the quote are no such clause.
 */
function skipWriterClause(paragraph: ParagraphDoc, at: number): number {
  const tokens = paragraph.tokens;
  const opening = tokens[at];
  if (!isWord(opening) || opening.capitalized || isSpeechVerb(opening.lower)) return at;
  const sentence = paragraph.sentenceOf[at];
  for (let index = at + 1; index < tokens.length && index - at <= 30; index++) {
    if (paragraph.quoted[index] || paragraph.sentenceOf[index] !== sentence) return at;
    if (tokens[index]!.text !== ',') continue;
    const verb = tokens[index + 1];
    const name = tokens[index + 2];
    const named = isWord(verb) && isInvertingVerb(verb.lower) && isWord(name) && name.capitalized;
    return named && !paragraph.quoted[index + 2] ? index + 1 : at;
  }
  return at;
}

/**
 * `Bolton boss Sam Allardyce: "..."`, `- Newcastle boss Graeme Souness "..."`: a name (with its role) that opens
 * the sentence and stands right before the quote, with a colon or nothing between, labels the speaker.
 */
export function labelBefore(paragraph: ParagraphDoc, openIndex: number): SpeakerRef | null {
  const tokens = paragraph.tokens;
  let last = openIndex - 1;
  const colon = tokens[last]?.text === ':';
  if (colon) last--;
  const name = tokens[last];
  if (!isWord(name) || !name.capitalized || paragraph.quoted[last] || name.possessive) return null;
  let first = last;
  const floor = paragraph.sentenceOf[openIndex] ?? 0;
  while (first > floor && last - first < 7) {
    const token = tokens[first - 1]!;
    if (paragraph.quoted[first - 1] || token.kind !== 'word') break;
    if (!token.capitalized && (isSpeechVerb(token.lower) || !isPhraseLabelWord(token.lower))) return null;
    first--;
  }
  // only the start of the sentence, or of the paragraph after a list dash, may hold a label
  const before = tokens[first - 1];
  if (first !== floor && !(before && DASH_MARKS.has(before.text) && first - 1 === 0)) return null;
  // `Said Ellis: "..."`: a sentence opening on its speech verb names the speaker after it
  if (colon && first < last && isUnambiguousSpeechVerb(tokens[first]!.lower)) {
    return speakerRef(paragraph, { first: first + 1, last }, tokens[first]!.text, first);
  }
  if (!colon && first === last && !paragraph.headline) {
    // without a colon one word is too little to tell a label from a sentence's first word
    return null;
  }
  return speakerRef(paragraph, { first, last }, colon ? ':' : '', last);
}

/** Lowercase words a speaker label may hold: roles and the small words between them ("Bolton boss", "head of"). */
function isPhraseLabelWord(lower: string): boolean {
  return isRoleNoun(lower) || ['of', 'the', 'and', 'former', 'new', 'assistant', 'first-team'].includes(lower);
}

/** `Rubio said: "..."` / `Umerov wrote on Telegram: "..."` / `According to Rubio, "..."`. */
export function attributionBefore(
  paragraph: ParagraphDoc,
  openIndex: number,
  maxGap: number,
  framing = false,
): SpeakerRef | null {
  const tokens = paragraph.tokens;
  const floor = paragraph.sentenceOf[openIndex] ?? 0;
  // a colon introduces the quote: its cue may stand further back (`Limbaugh said on his show regarding Ms Fluke's
  // comments on birth control: '...'`)
  const reach = tokens[openIndex - 1]?.text === ':' ? Math.max(maxGap, 25) : maxGap;
  // a framing verb passed for want of a subject: the quote's words are framed in the clause it heads
  let framedBefore = false;
  for (let index = openIndex - 1; index >= floor && openIndex - index <= reach; index--) {
    if (paragraph.quoted[index]) break;
    const token = tokens[index]!;
    // `responded to a baseball team that aired a video portraying her as an "enemy of freedom"`: words a relative
    // clause about another party frames, with no subject of its own, are not the words of the main clause's subject
    if (framedBefore && isRelativeClauseToQuote(paragraph, index, openIndex)) return null;
    // a comma inside the gap closes another clause: "Brown criticized Clinton, Hillary shot back, ..."
    if (token.text === ',' && index < openIndex - 1 && tokens[index - 1]?.lower !== 'according') {
      const tail = tokens.slice(index + 1, openIndex).filter((t) => t.kind === 'word');
      if (tail.some((t) => isSpeechVerb(t.lower))) break;
    }
    if (token.lower === 'according' && tokens[index + 1]?.lower === 'to') {
      const object = phraseStartingAt(paragraph, index + 2);
      if (object) return speakerRef(paragraph, object, cueText(paragraph, index), index);
      continue;
    }
    const phrasal = index > floor && PHRASAL_SPEECH.has(`${tokens[index - 1]!.lower} ${token.lower}`);
    if (phrasal) {
      const subject = subjectOfVerb(paragraph, index - 1);
      if (subject) return speakerRef(paragraph, subject, `${tokens[index - 1]!.text} ${token.text}`, index - 1);
    }
    // a partial quote framed by its subject: `called the cut a "very modest step"`, `blamed "operating flaws"`
    // ("hence Cyrus will see 'gates that cannot keep closed'": what someone will call something is not said yet)
    const framed = framing && isFramingWord(paragraph, index) && !isUnsaid(tokens, index);
    if (!framed) {
      if (!isCueWord(paragraph, index, floor)) continue;
      // a noun-like form ("states", "reports") counts only directly before the quote or its colon
      if (!isUnambiguousSpeechVerb(token.lower) && openIndex - index > 2) continue;
    }
    // a partial quote far from a cue set off by commas inside a relative clause is not that cue's (`who, Israel
    // alleged, led the programme, has been "assassinated"`)
    if (framing && openIndex - index > 6 && isRelativeAside(paragraph, index)) return null;
    // `Quell was asked by host Tom Bray, ..., "Now, you ..."`: the one asked is not the one asking; `Jolie was
    // referred to as a "spoiled brat"`: nor is the one a passive frame names
    const passive = PASSIVE_AUXILIARIES.has(tokens[index - 1]?.lower ?? '');
    if (passive && (ASKED_FORMS.has(token.lower) || (framed && !token.lower.endsWith('ing')))) return null;
    // `denied reports that he privately called troops "losers"`: a frame inside what someone denies is nobody's words
    if (framed && isDeniedClause(paragraph, index, floor)) return null;
    const subject = subjectOfVerb(paragraph, index);
    // `Biden snaps at reporter over Putin question: "..."`: a noun-like cue after the object of a preposition is a
    // noun, and that name no subject
    if (
      subject &&
      !framed &&
      tokens[openIndex - 1]?.text === ':' &&
      !isUnambiguousSpeechVerb(token.lower) &&
      isPreposition(tokens[subject.first - 1]?.lower ?? '') &&
      !tokens[subject.first - 1]!.capitalized
    ) {
      continue;
    }
    // `Mr Hasson said games developers had to be more "business-like"`: words framed by a generic group inside
    // someone's statement are the words of the one making the statement
    if (framing && subject && isGenericGroup(paragraph, subject)) continue;
    // `Straw said the US had agreed to release them after "intensive talks"`: words framed inside what someone said
    // are the words of the one who said it
    const outer = framing && subject ? outerSpeaker(paragraph, subject) : null;
    if (outer) return outer;
    if (subject) return speakerRef(paragraph, subject, cueText(paragraph, index), index);
    // `close what some call the "Charleston loophole"`: words a vague "some" or "critics" frame are nobody's
    if (framed && VAGUE_SOURCE_NOUNS.has(tokens[index - 1]?.lower ?? '') && !tokens[index - 1]!.capitalized)
      return null;
    if (framed) {
      framedBefore = true;
      continue;
    }
    // "who told Congress when asked about it:": a clause cut short to its verb goes on to the cue before it
    if (REDUCED_CLAUSE_OPENERS.has(tokens[index - 1]?.lower ?? '')) continue;
    // "the quote was said by X" and other passives are left unattributed
    return null;
  }
  return null;
}

/**
 * The speaker of the statement a framing clause is part of (`X said [that] <subject> <verb> ...`), or null. Not for
 * "he" or "she" (`she said she "feared"`: the same one, found as surely; "it" and "they" may be others), nor for an
 * object taken up by "who" (`praised Graham, who vowed ...`); and the speaker must be named (a pronoun's referent or
 * a description is less sure than the framing clause's own subject).
 */
function outerSpeaker(paragraph: ParagraphDoc, subject: PhraseRange): SpeakerRef | null {
  const tokens = paragraph.tokens;
  if (subject.first === subject.last && SAME_SPEAKER_PRONOUNS.has(tokens[subject.first]!.lower)) return null;
  if (tokens[subject.last + 1]?.text === ',' && RELATIVE_OPENERS.has(tokens[subject.last + 2]?.lower ?? ''))
    return null;
  let verb = subject.first - 1;
  // (the subject phrase may have taken the "that" in: "that rival candidate Ada Marrow")
  const that = tokens[subject.first]?.lower === 'that' ? subject.first : tokens[verb]?.lower === 'that' ? verb : -1;
  if (that >= 0) {
    verb = that - 1;
    // "has been saying for months that ...", "said on Friday that ...": a few words of when between verb and clause
    for (let back = verb; back > verb - 4 && back > 0; back--) {
      const word = tokens[back]!;
      if (word.kind !== 'word' || (word.capitalized && !WEEKDAYS.has(word.lower)) || paragraph.quoted[back]) break;
      if (isReportingVerb(word.lower)) {
        verb = back;
        break;
      }
    }
  }
  const token = tokens[verb];
  if (!isWord(token) || token.capitalized || paragraph.quoted[verb] || !isReportingVerb(token.lower)) return null;
  // ("Fox News was told by security officials that ...": the one told did not say it)
  if (!token.lower.endsWith('ing') && PASSIVE_AUXILIARIES.has(tokens[verb - 1]?.lower ?? '')) return null;
  const speaker = subjectOfVerb(paragraph, verb);
  if (!speaker || !tokens[speaker.last]!.capitalized || SUBJECT_PRONOUNS.has(tokens[speaker.last]!.lower)) return null;
  return speakerRef(paragraph, speaker, cueText(paragraph, verb), verb);
}

/**
 * Whether the word at `index` opens a relative clause on a noun that runs on, with no comma, to the quote at
 * `openIndex`: "a team that aired a video ...", "the network which ran ...". A "that" must be followed by a verb
 * ("that aired"), not by a subject ("said that the plan was"), and follow a noun, not a verb.
 */
function isRelativeClauseToQuote(paragraph: ParagraphDoc, index: number, openIndex: number): boolean {
  const tokens = paragraph.tokens;
  const word = tokens[index]!.lower;
  if (word !== 'that' && word !== 'which') return false;
  const antecedent = tokens[index - 1];
  if (!isWord(antecedent) || antecedent.capitalized || paragraph.quoted[index - 1]) return false;
  if (isVerbLike(antecedent.lower) || isSpeechVerb(antecedent.lower) || isNonHeadWord(antecedent.lower)) return false;
  const next = tokens[index + 1];
  if (!isWord(next) || next.capitalized || !isVerbLike(next.lower) || isSpeechVerb(next.lower)) return false;
  for (let at = index + 1; at < openIndex; at++) if (tokens[at]!.text === ',') return false;
  return true;
}

/** Whether a denial verb earlier in the sentence reaches the word at `index` with no comma between. */
function isDeniedClause(paragraph: ParagraphDoc, index: number, floor: number): boolean {
  const tokens = paragraph.tokens;
  for (let at = index - 1; at >= floor; at--) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || token.text === ',' || token.text === ';') return false;
    if (isWord(token) && isDenialVerb(token.lower)) return true;
  }
  return false;
}

/** "who, Israel alleged, led ...": a cue set off by commas right after a relative pronoun. */
function isRelativeAside(paragraph: ParagraphDoc, cueIndex: number): boolean {
  const tokens = paragraph.tokens;
  if (tokens[cueIndex + 1]?.text !== ',') return false;
  for (let at = cueIndex - 1; at >= Math.max(0, cueIndex - 5); at--) {
    if (tokens[at]!.text === ',') return RELATIVE_OPENERS.has(tokens[at - 1]?.lower ?? '');
  }
  return false;
}

/**
 * Whether the words from `first` read as a clause: an opener ("that", "how"), a subject pronoun, or a finite verb
 * within the first eight words ("the company would cut", "Conte told her").
 */
function opensClause(paragraph: ParagraphDoc, first: number): boolean {
  const tokens = paragraph.tokens;
  const opener = tokens[first]?.lower ?? '';
  if (CLAUSE_OPENERS.has(opener) || SUBJECT_PRONOUNS.has(opener) || opener === 'there') return true;
  // ("claimed he'd won")
  if (PRONOUN_CONTRACTION.test(opener)) return true;
  for (let at = first + 1; at < tokens.length && at <= first + 8; at++) {
    const token = tokens[at]!;
    // ("tweeted the famed fascist's quote": a participle after a determiner is an adjective)
    if (NOUN_DETERMINERS.has(tokens[at - 1]!.lower) && !token.capitalized && token.lower.endsWith('ed')) continue;
    // (a dash, a semicolon or "but" ends the object: "announced new sanctions -- but did not ...")
    if (paragraph.quoted[at] || OBJECT_END_MARKS.has(token.text) || token.lower === 'but') break;
    if (token.text === ',') {
      // "predicted Sanders, who did win Rhode Island, would ...", "said Warner, 63, was ...": words set off by a pair
      // of commas before a verb are the clause's subject's; any other comma ends the object ("announced plans for the
      // vote, which would ...", "announced his resignation, effective Friday, at a news conference")
      return isSetOffBeforeVerb(paragraph, at);
    }
    // a subordinate clause and a second verb of the subject end the object too ("charged Trump with inciting ...
    // after he delivered", "claimed self-defense and was acquitted")
    if (OBJECT_CLAUSE_ENDS.has(token.lower)) break;
    const next = tokens[at + 1];
    // ("announced the news on Twitter as Americans prepared for ...": "as" opening a clause of its own, not "as many
    // as", "as part of", "as expected")
    if (token.lower === 'as' && isWord(next) && !AS_NO_CLAUSE.has(next.lower)) break;
    if ((token.lower === 'and' || token.lower === 'or') && isWord(next) && isFiniteWord(next.lower)) break;
    if (token.kind === 'word' && (isFiniteWord(token.lower) || /\p{L}ed$/u.test(token.lower))) return true;
  }
  return false;
}

/** "he'd", "they're", "she's": a subject pronoun with its verb contracted onto it. */
const PRONOUN_CONTRACTION = /^(?:i|he|she|we|they|you|it)['’](?:d|s|ll|re|ve|m)$/u;

/**
 * Whether the comma at `comma` opens words set off by a second comma a few words on in its sentence, with a finite
 * verb right after that one ("Sanders, who did win Rhode Island, would ...", "Warner, 63, was ...").
 */
function isSetOffBeforeVerb(paragraph: ParagraphDoc, comma: number): boolean {
  const sentence = paragraph.sentenceOf[comma + 1];
  for (let at = comma + 1; at < paragraph.tokens.length && at - comma <= 12; at++) {
    if (paragraph.sentenceOf[at] !== sentence || paragraph.quoted[at]) return false;
    if (paragraph.tokens[at]!.text !== ',') continue;
    const verb = paragraph.tokens[at + 1];
    return isWord(verb) && isFiniteWord(verb.lower);
  }
  return false;
}

/** Whether the word at `index` is a lowercase auxiliary or copula ("were", "would", "doesn't"), no lexical verb. */
function isAuxiliaryAt(tokens: ParagraphDoc['tokens'], index: number): boolean {
  const token = tokens[index];
  if (token?.kind !== 'word' || token.capitalized) return false;
  return AUXILIARY_VERBS.has(token.lower) || STATE_VERBS.has(token.lower) || /\p{L}n['’]t$/u.test(token.lower);
}

/**
 * "aboard his plane", "outside the building", "early Friday", "late Tuesday": where or when, at `index` (not "early
 * data", an adjective before what was said).
 */
function isWhenPhraseAt(tokens: ParagraphDoc['tokens'], index: number): boolean {
  const word = tokens[index]?.lower ?? '';
  if (SAID_WHEN_WORDS.has(word)) return true;
  if (word !== 'early' && word !== 'late') return false;
  const after = tokens[index + 1]?.lower ?? '';
  return WEEKDAYS.has(after) || TIME_WORDS.has(after) || ['last', 'this', 'on', 'in', 'that'].includes(after);
}

/**
 * Whether the clause at `first`, after a "that" some words past the verb, is a relative clause about the noun before
 * it ("said in remarks that were streamed online", "in an interview that aired Sunday"): an auxiliary, or a past
 * tense before when or where, follows "that". It tells nothing that was said.
 */
function opensRelativeClause(tokens: ParagraphDoc['tokens'], first: number): boolean {
  return isAuxiliaryAt(tokens, first) || isPastBeforeWhen(tokens, first);
}

/** "aired Sunday", "showed off", "streamed online": a past tense before when or where it happened, at `index`. */
function isPastBeforeWhen(tokens: ParagraphDoc['tokens'], index: number): boolean {
  const verb = tokens[index];
  if (verb?.kind !== 'word' || verb.capitalized || !/\p{L}ed$/u.test(verb.lower)) return false;
  const after = tokens[index + 1]?.lower ?? '';
  return (
    WEEKDAYS.has(after) || TIME_WORDS.has(after) || isPreposition(after) || ['off', 'online', 'live'].includes(after)
  );
}

/** "30 minutes", "two hours": a number before a unit of time, when something was said, not what. */
function isDurationAt(tokens: ParagraphDoc['tokens'], index: number): boolean {
  const number = tokens[index]?.lower ?? '';
  return (/^\d+$/u.test(number) || NUMBER_WORDS.has(number)) && DURATION_UNITS.has(tokens[index + 1]?.lower ?? '');
}

/** A word that shows a finite verb: an auxiliary, a modal, a common irregular past, or a negated one ("weren't"). */
function isFiniteWord(lower: string): boolean {
  return FINITE_WORDS.has(lower) || /\p{L}n['’]t$/u.test(lower);
}

/** A reported-speech statement: `Rubio told reporters that progress has been made`. */
export interface ReportedSpeech {
  speaker: SpeakerRef;
  /** token range of the reported clause */
  first: number;
  last: number;
  /**
   * no statement to list, though its speaker is in play: the clause runs into quoted words (`said the probe was a
   * "witch hunt"`: the partial quote tells it, not "the probe was a"), or the verb took a plain object ("claimed the
   * title", "recalled 200,000 vehicles")
   */
  unlisted: boolean;
}

/** Find reported speech in the unquoted sentences of a paragraph. */
export function findReportedSpeech(paragraph: ParagraphDoc): ReportedSpeech[] {
  const found: ReportedSpeech[] = [];
  const tokens = paragraph.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const verb = tokens[index]!;
    if (paragraph.quoted[index] || !isWord(verb)) continue;
    const according = verb.lower === 'according' && tokens[index + 1]?.lower === 'to';
    if (!according && !isReportingVerb(verb.lower)) continue;

    if (!according && verb.capitalized && index > (paragraph.sentenceOf[index] ?? 0)) continue;
    // "she has never said she would ...", "he did not say whether": what someone did not say is no statement of theirs
    if (!according && isNegated(tokens, index)) continue;
    // "will announce", "is expected to announce", "declined to say": what someone has not said (yet) is no statement
    if (!according && isUnsaid(tokens, index)) continue;
    // "Sanders was declared the winner", "X was told that ...", "they are said to believe": the subject of a passive
    // reporting verb is not who speaks
    if (!according && !verb.lower.endsWith('ing') && PASSIVE_AUXILIARIES.has(tokens[index - 1]?.lower ?? '')) continue;
    // "According to Ham, the administration has ..." (or "But according to ..."); "..., according to the UN, as
    // aid groups warn ..." reports what comes before it, not the clause after the comma
    if (according && index > (paragraph.sentenceOf[index] ?? 0) + 1) continue;
    // "According to Ham, the administration has ...": the source is the object of "according to"
    const subject = according ? phraseStartingAt(paragraph, index + 2) : subjectOfVerb(paragraph, index);
    if (!subject) continue;
    const clauseFirst = according ? clauseAfterComma(paragraph, subject.last) : reportedClauseStart(paragraph, index);
    if (clauseFirst === null) continue;
    // "claimed the individual title", "denied Gerrard with a late tackle", "wrote a book", "GM is recalling 200,000
    // vehicles": a verb that also takes a plain object reports speech only before what reads as a clause
    const plainObject =
      !according &&
      ((takesPlainObject(verb.lower) && !opensClause(paragraph, clauseFirst)) ||
        (isRecallForm(verb.lower) && !CLAUSE_OPENERS.has(tokens[index + 1]?.lower ?? '')));
    let last = clauseFirst;
    while (
      last + 1 < tokens.length &&
      last - clauseFirst < 80 &&
      !paragraph.quoted[last + 1] &&
      (paragraph.sentenceOf[last + 1] ?? 0) <= index
    ) {
      last++;
    }
    const runsIntoQuote = paragraph.quoted[last + 1] === 1 && (paragraph.sentenceOf[last + 1] ?? 0) <= index;
    if (!according) last = statementEnd(paragraph, subject.first, clauseFirst, last);
    // "said Thursday in a report", "said Monday night, suggesting ...": no clause after the day, though the speaker
    // spoke
    const first = tokens[clauseFirst];
    // ("said onstage Tuesday night": a few words with no verb are where or when, not what)
    const noClause =
      !according &&
      (!isWord(first) ||
        REPORTED_CLAUSE_PREPOSITIONS.has(first.lower) ||
        isVerblessTail(tokens, clauseFirst, last) ||
        // ("said carefully, as the words rolled across the screen": how it was said, then the writer's clause)
        (isLyAdverb(first.lower) &&
          tokens[clauseFirst + 1]?.text === ',' &&
          (tokens[clauseFirst + 2]?.lower === 'as' || OBJECT_CLAUSE_ENDS.has(tokens[clauseFirst + 2]?.lower ?? ''))));
    // ("said in remarks that were streamed online": the speaker spoke, but not those words)
    const relative =
      !according &&
      clauseFirst > index + 2 &&
      tokens[clauseFirst - 1]?.lower === 'that' &&
      opensRelativeClause(tokens, clauseFirst);
    // ("Trump denied a report that he asked to expand the arsenal": the report's words, not his)
    const denial = !according && isDenialVerb(verb.lower);
    const unlisted = runsIntoQuote || plainObject || noClause || relative || denial;
    while (last > clauseFirst && tokens[last]!.kind === 'punct') last--;
    if (last - clauseFirst < 2) continue;
    // quoted words inside the clause make it a partial quote, handled with the quotes
    if (tokens.slice(clauseFirst, last + 1).some((_, offset) => paragraph.quoted[clauseFirst + offset])) continue;
    found.push({
      speaker: { paragraph, range: subject, cue: cueText(paragraph, index), cueIndex: index },
      first: clauseFirst,
      last,
      unlisted,
    });
    // (after a plain object the sentence may still report: "emphasizing his finish, asserting that he ...")
    if (!plainObject) index = last;
  }
  return found;
}

/**
 * Where what was said ends before the writer's own words that the sentence goes on with: a comma or a dash before a
 * participle ("..., making him the latest ..."), a summing-up ("..., a position that raises ..."), "which", "amid" or
 * "despite" on the whole clause, or the source named again ("..., the official confirmed", "..., according to
 * officials"); and, when the
 * statement sits in a clause a subordinator opens ("When X announced they were ..., the masses were ..."), that
 * clause's comma.
 */
function statementEnd(paragraph: ParagraphDoc, subjectFirst: number, clauseFirst: number, last: number): number {
  const tokens = paragraph.tokens;
  const sentenceStart = paragraph.sentenceOf[clauseFirst] ?? 0;
  // (a subordinator in the subject's own clause: no comma between them)
  let subordinate = false;
  for (let at = subjectFirst - 1; at >= sentenceStart && tokens[at]!.text !== ','; at--) {
    if (OBJECT_CLAUSE_ENDS.has(tokens[at]!.lower)) subordinate = true;
  }
  for (let at = clauseFirst + 2; at <= last; at++) {
    const mark = tokens[at]!;
    if (paragraph.quoted[at] || (mark.text !== ',' && !DASH_MARKS.has(mark.text))) continue;
    const next = tokens[at + 1];
    // (the main clause's subject after the comma, not the next item of a list: "against viruses, spyware and ...")
    if (
      subordinate &&
      mark.text === ',' &&
      isWord(next) &&
      (next.capitalized || MAIN_CLAUSE_OPENERS.has(next.lower) || verbSoonAfter(tokens, at + 1))
    ) {
      return at - 1;
    }
    if (!isWord(next) || next.capitalized) continue;
    // ("said the vote, which was due on Friday, would pass": a relative clause inside the statement goes on)
    if (mark.text === ',' && isSetOffBeforeVerb(paragraph, at)) continue;
    // (not "..., adding that ...": what the same speaker goes on to say; nor "..., including ...": more of it)
    if (
      next.lower.length > 4 &&
      next.lower.endsWith('ing') &&
      !isReportingVerb(next.lower) &&
      !PREPOSITIONAL_PARTICIPLES.has(next.lower)
    ) {
      return at - 1;
    }
    if (STATEMENT_TAIL_OPENERS.has(next.lower)) return at - 1;
    const upTo = Math.min(last, at + 7);
    if (
      (next.lower === 'a' || next.lower === 'an') &&
      tokens.slice(at + 2, upTo + 1).some((t) => t.lower === 'that' || t.lower === 'which')
    ) {
      return at - 1;
    }
    // ("..., the official confirmed", "..., he added")
    const verbAt = next.lower === 'the' ? at + 3 : at + 2;
    const verb = tokens[verbAt];
    if (
      (next.lower === 'the' || SUBJECT_PRONOUNS.has(next.lower)) &&
      isWord(verb) &&
      isSpeechVerb(verb.lower) &&
      !isWord(tokens[verbAt + 1])
    ) {
      return at - 1;
    }
  }
  return last;
}

/** Whether a clause of at most five words, up to its sentence's end, has no verb: "onstage Tuesday night". */
function isVerblessTail(tokens: ParagraphDoc['tokens'], first: number, last: number): boolean {
  const words = tokens.slice(first, last + 1).filter((token) => token.kind === 'word');
  if (words.length > 5 || SUBJECT_PRONOUNS.has(words[0]?.lower ?? '') || CLAUSE_OPENERS.has(words[0]?.lower ?? '')) {
    return false;
  }
  return !words.some(
    (token) =>
      isFiniteWord(token.lower) ||
      /\p{L}(?:ed|s)$/u.test(token.lower) ||
      /['’](?:s|re|ve|d|ll|m)$/u.test(token.lower) ||
      isVerbForm(token.lower),
  );
}

/** Whether a finite verb follows within three words from `from`, before any comma ("critics were ..."). */
function verbSoonAfter(tokens: ParagraphDoc['tokens'], from: number): boolean {
  for (let at = from; at < tokens.length && at < from + 3; at++) {
    const token = tokens[at]!;
    if (token.text === ',') return false;
    if (isWord(token) && !token.capitalized && isFiniteWord(token.lower)) return true;
  }
  return false;
}

/**
 * Whether a verb is only intended or refused, or says nothing: "will announce", "plans to say", "is expected to tell",
 * "declined to say", "said almost nothing about".
 */
function isUnsaid(tokens: ParagraphDoc['tokens'], verbIndex: number): boolean {
  const after = tokens[verbIndex + 1]?.lower ?? '';
  if (after === 'nothing' || (NOTHING_MODIFIERS.has(after) && tokens[verbIndex + 2]?.lower === 'nothing')) return true;
  const before = tokens[verbIndex - 1]?.lower ?? '';
  if (before === 'will' || before === '’ll' || before === "'ll") return true;
  return before === 'to' && UNSAID_BEFORE_TO.has(tokens[verbIndex - 2]?.lower ?? '');
}

/** Whether a verb is negated by the word or two before it: "never said", "did not say", "hasn't said". */
function isNegated(tokens: ParagraphDoc['tokens'], verbIndex: number): boolean {
  return [tokens[verbIndex - 1], tokens[verbIndex - 2]].some(
    (token) => token?.kind === 'word' && (NEGATIONS.has(token.lower) || /n['’]t$/u.test(token.lower)),
  );
}

/** The clause after "According to X,": the token after the comma that closes the source. */
function clauseAfterComma(paragraph: ParagraphDoc, sourceLast: number): number | null {
  const tokens = paragraph.tokens;
  for (let index = sourceLast + 1; index < tokens.length && index - sourceLast <= 12; index++) {
    if (paragraph.quoted[index]) return null;
    if (tokens[index]!.text === ',') return index + 1;
    if (tokens[index]!.text === '.') return null;
  }
  return null;
}

/** Where the reported clause starts after its verb: after "that", a listener, or directly. */
function reportedClauseStart(paragraph: ParagraphDoc, verbIndex: number): number | null {
  const tokens = paragraph.tokens;
  // "She acknowledged, though, that ...": a word set off by commas after the verb
  const aside =
    tokens[verbIndex + 1]?.text === ',' && isWord(tokens[verbIndex + 2]) && tokens[verbIndex + 3]?.text === ',';
  if (aside && tokens[verbIndex + 4]?.lower === 'that' && !paragraph.quoted[verbIndex + 4]) return verbIndex + 5;
  const next = tokens[verbIndex + 1];
  if (!isWord(next) || paragraph.quoted[verbIndex + 1]) return null;
  // ("said that was a mistake": "that" is the clause's subject, before its verb)
  if (next.lower === 'that') return isAuxiliaryAt(tokens, verbIndex + 2) ? verbIndex + 1 : verbIndex + 2;
  let relative: number | null = null;
  // "told reporters earlier on Friday that ...": look a few words ahead for "that" (past a relative clause, "said in an
  // interview that aired Sunday that ...", which the caller lists as nothing said: see opensRelativeClause)
  for (let index = verbIndex + 1; index < tokens.length && index - verbIndex <= 8; index++) {
    const token = tokens[index]!;
    if (paragraph.quoted[index] || token.kind !== 'word') break;
    if (token.lower !== 'that') continue;
    if (!opensRelativeClause(tokens, index + 1)) return index + 1;
    relative ??= index + 1;
  }
  if (relative !== null) return relative;
  if (TOLD_FORMS.has(verb(tokens, verbIndex)) || REPORTED_CLAUSE_PREPOSITIONS.has(next.lower)) return null;
  // "said early Friday morning", "said 30 minutes into the debate": when, not what was said
  if (isWhenPhraseAt(tokens, verbIndex + 1) || isDurationAt(tokens, verbIndex + 1)) return null;
  // "he's also said much over the years", "said little": an amount of talk, unless a clause's verb follows
  if (AMOUNT_PRONOUNS.has(next.lower) && !hasFiniteVerb(paragraph, verbIndex + 2)) return null;
  // "said leaving a closed-door meeting": when and where, not what was said ("said running for office is tough"
  // is, with the verb its gerund is the subject of)
  const object = tokens[verbIndex + 2]?.lower ?? '';
  const adjunct = NOUN_DETERMINERS.has(object) || isPreposition(object);
  if (/\p{L}{3}ing$/u.test(next.lower) && adjunct && !hasFiniteVerb(paragraph, verbIndex + 2)) return null;
  // "said Tuesday his actions were lawful", "said last night the deal was off": the day is when, not what was said
  let start = verbIndex + 1;
  if (tokens[start]?.lower === 'last' && TIME_WORDS.has(tokens[start + 1]?.lower ?? '')) start += 2;
  else if (WEEKDAYS.has(tokens[start]!.lower) || TIME_WORDS.has(tokens[start]!.lower)) start++;
  // ("said Thursday night ...")
  if (start > verbIndex + 1 && TIME_WORDS.has(tokens[start]?.lower ?? '')) start++;
  return start;
}

/** Whether the sentence from `from` on has a verb (outside quotes), making a gerund before it its subject. */
function hasFiniteVerb(paragraph: ParagraphDoc, from: number): boolean {
  const tokens = paragraph.tokens;
  const sentence = paragraph.sentenceOf[from];
  for (let index = from; index < tokens.length && paragraph.sentenceOf[index] === sentence; index++) {
    if (paragraph.quoted[index]) return false;
    const token = tokens[index]!;
    if (isFiniteWord(token.lower) || (!token.capitalized && isVerbForm(token.lower))) return true;
  }
  return false;
}

function verb(tokens: ParagraphDoc['tokens'], index: number): string {
  return tokens[index]?.lower ?? '';
}

/** Index before a parenthesis that ends at `index` ("(D-Md.)"), or `index` itself. */
function beforeParenthesis(paragraph: ParagraphDoc, index: number, floor: number): number {
  const tokens = paragraph.tokens;
  if (tokens[index]?.text !== ')') return index;
  for (let at = index - 1; at > floor && index - at < 8; at--) {
    if (tokens[at]!.text === '(') return at - 1;
  }
  return index;
}

/**
 * "Sen. Chuck Schumer, D-N.Y., the minority leader, said": the index before a party and state tag set off by commas
 * that ends at `index` (AP style), or `index` itself.
 */
function beforePartyTag(paragraph: ParagraphDoc, index: number, floor: number): number {
  const tokens = paragraph.tokens;
  for (let at = index; at > floor && index - at < 5; at--) {
    if (tokens[at]!.text !== ',') continue;
    const tag = paragraph.text.slice(tokens[at + 1]!.start, tokens[index]!.end);
    return PARTY_STATE_TAG.test(tag) ? at - 1 : index;
  }
  return index;
}

/** A party and state tag as AP style writes it: "D-N.Y.", "R-Ga.", "I-Vt.". */
const PARTY_STATE_TAG = /^(?:D|R|I)-[A-Z][A-Za-z]{0,3}\.?(?:[A-Z]\.)?$/u;

/** Index after a parenthesis that starts at `index` ("(R-Fla.)"), or `index` itself. */
function skipParenthesis(paragraph: ParagraphDoc, index: number): number {
  const tokens = paragraph.tokens;
  if (tokens[index]?.text !== '(') return index;
  for (let at = index + 1; at < tokens.length && at - index < 8; at++) {
    if (tokens[at]!.text === ')') return at + 1;
  }
  return index;
}
