import type { Person } from '../../articles/article.js';
import { isSpeechVerb, isUnambiguousSpeechVerb } from '../lexicon/speech-verbs.js';
import {
  firstNameGender,
  type Gender,
  isCommonFirstName,
  isCommonWord,
  isCountryName,
  isDemonym,
  isDescribingWord,
  isEverydayWord,
  isFirstName,
  isGivenNameForm,
  isLastName,
  isLyAdverb,
  isNonHeadWord,
  isNounOnly,
  isOrganizationName,
  isPlaceName,
  isPreposition,
  isRareWord,
  isRoleNoun,
  isUnlistedVerbLike,
  isVerbForm,
  type NameGender,
} from '../lexicon/tags.js';
import {
  ADDRESSED_OFFICES,
  ADJECTIVAL_PARTICIPLES,
  APPOSITIVE_OPENERS,
  AT_TARGETS,
  AUXILIARY_VERBS,
  BODY_HELD_ROLES,
  BODY_ONLY_NOUNS,
  BUSINESS_SUFFIX,
  CLAUSE_JOINERS,
  COMMON_WORD_ENDING,
  COMPASS_POINTS,
  CONSORT_WORDS,
  CONTRACTION_FOLLOWERS,
  COUNTRY_ABBREVIATIONS,
  COURTESY_TITLES,
  CREDIT_WORDS,
  DASH_MARKS,
  FAMILIAR_GIVEN_NAMES,
  FAMILY_NOUNS,
  FIRM_STATEMENT_VERBS,
  GENDERED_TITLES,
  GENERIC_ORGANISATION_WORDS,
  HONORIFIC_TITLES,
  HONORIFICS,
  IMPERATIVE_OPENERS,
  KUNYA_WORDS,
  LAW_WORDS,
  LOOSE_ROLE_STOPS,
  MONTH_NAMES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NON_NAME_WORDS,
  NON_PERSON_HEADS,
  NOUN_DETERMINERS,
  NUMBER_WORDS,
  OFFICE_LINKS,
  ORGANISATION_HEADS,
  ORGANISATION_NOMINALS,
  ORGANISATION_NOUNS_AFTER_NAME,
  PARTY_NAMES,
  PARTY_WORDS,
  PERSON_OR_BODY_NOUNS,
  PLACE_INITIALS,
  PLACE_ONLY_HEADS,
  PLACE_PREFIXES,
  POSSESSIVE_DETERMINERS,
  POSSESSIVE_PRONOUNS,
  POST_NOMINALS,
  PUBLIC_OFFICES,
  RELATIONAL_NOUNS,
  RELATIVE_HEADS,
  ROLE_STOP_WORDS,
  ROYAL_TITLES,
  SEATS_OF_POWER,
  SPOKESPERSON_NOUNS,
  STATE_VERBS,
  SUBJECT_PRONOUNS,
  SURNAME_SENTENCE_WORDS,
  THING_LIST_KINDS,
  TITLE_PHRASES,
  TITLE_SMALL_WORDS,
  TOLD_FORMS,
  VAGUE_SOURCE_NOUNS,
  WEEKDAYS,
  WORK_NOUNS,
  WORK_ROLE_NOUNS,
} from '../lexicon/words.js';
import { editDistance, normalizeName, SYLLABLE_GIVEN_NAME, surnameOf, titleLengthAt } from '../names.js';
import type { ArticleDoc, ParagraphDoc } from './document.js';
import { isAndInBodyName, isCommaInBodyName, isSlashInName, isWord } from './phrases.js';
import {
  cleanRole,
  isPluralRoleNoun,
  isRoleHead,
  leadingRole,
  type RoleTally,
  rankRoles,
  spelledTitleWords,
} from './roles.js';
import { bareEnd, type Token } from './tokens.js';

/**
 * Stage 3 of the pipeline: the people and organisations an article names, and every place it names them.
 *
 * Capitalized runs of tokens are split into a title or role prefix and a name, then judged: an organisation (a head
 * such as "Office" or "Bank", an acronym, a known organisation, "the Clinton campaign"), a person (a given name, a
 * title, a role, a speech verb beside it), or neither (places, days, sentence words). Full names make people first;
 * surnames, first names and titled surnames then join the person they name ("Mr Garner" the man among the Garners,
 * "President Garner" the one who is president). A capitalized word beside a speech verb speaks, whatever the word
 * lists say of it, unless it is known to be something else.
 */

export type EntityKind = 'person' | 'organisation';

/** A person or organisation being assembled from the mentions of one article. */
export interface Entity {
  kind: EntityKind;
  name: string;
  key: string;
  surnameKey: string;
  firstKey: string;
  aliases: Set<string>;
  roles: Map<string, RoleTally>;
  gender: Gender | null;
  /** the gender comes from a title or a curated name list, so it may rule the entity out for a pronoun */
  genderFirm: boolean;
  /** someone the article describes but never names ("an executive spokeswoman"): a pronoun meaning them has no
   * speaker to list, and must not fall to the last person named instead */
  anonymous?: true;
}

/** One place where an entity is named. Offsets are into the article's source text. */
export interface EntityMention {
  entity: Entity;
  paragraphIndex: number;
  /** token range of the name (title excluded) in its paragraph */
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  inQuote: boolean;
  /** the mention opens its sentence or is the subject of a speech verb */
  subject: boolean;
  /** token index of the first token of the mention's sentence */
  sentenceStart: number;
  /** the mention lies in the last sentence of its paragraph */
  closesParagraph: boolean;
}

/** The entities of an article and where they are named, mentions in document order. */
export interface EntityIndex {
  entities: Entity[];
  mentions: EntityMention[];
  /** mentions by paragraph index, each list in token order */
  byParagraph: Map<number, EntityMention[]>;
  /** people only the headline names ("Trump will secure border, Mulvaney says" over a body that never names him) */
  headlinePeople: Entity[];
}

/** A capitalized run split into its title or role prefix and the name itself. */
interface Candidate {
  paragraph: ParagraphDoc;
  /** first token of the title prefix (equals nameFirst when there is none) */
  runFirst: number;
  nameFirst: number;
  nameLast: number;
  words: string[];
  title: string[];
  roles: string[];
  evidence: number;
  kind: EntityKind;
  /** beside a speech verb: a speaker, whatever the word lists say of the words */
  speaking: boolean;
  /** a role phrase stands beside the name, even one too loose to show ("a senior adviser to the campaign") */
  described: boolean;
  /** in a title-cased line ("President Obama Speech at ..."): may name a known entity, never a new one */
  linkOnly: boolean;
  /** a nickname given in quotes inside the name (`Robert C. "Bobby" Scott`) */
  nickname: string | null;
  /** an organisation only by context ("Oasis singer", "Zero Hedge wrote"): dropped where a person has the name */
  guess: boolean;
  /** order of the candidate in the article, for role recency */
  order: number;
  /** the gender its title or a description beside it gives ("widow Terry Strada", "Ruby Dee, his wife") */
  describedGender: NameGender | null;
  /** the mention reads as a work, a band or a firm ("film Vera Drake", "the X books", "X, which"), not a person */
  thing: boolean;
  /** the mention reads as a person whatever else the article says: a title, a role, "he" or "she" taking it up */
  personCue: boolean;
  /** a role given in the plural before the name ("former presidents X, Y and Z"), for every name of the list */
  listRole?: string;
}

/** Sentence words that may open a run before an organisation's name ("But the Home Office", "Meanwhile Oxfam"). */
const ORGANISATION_LEAD_WORDS = new Set(
  'the a an and but or so yet for if when while as in on at by of to from with after before since meanwhile however'.split(
    ' ',
  ),
);

/** Words before a name that make it where something happens ("in Bradford", "at Leyton Orient"), not who. */
const LOCATIVES: ReadonlySet<string> = new Set(['in', 'at', 'near']);
/** Words before a name that make it a place something comes from or goes to ("from Leyton Orient, he joined"). */
const PLACE_LINKS: ReadonlySet<string> = new Set([...LOCATIVES, 'from', 'into', 'to', 'across', 'around']);

/** Surnames by their form: "O'Sullivan", "McConnell", "MacDougall", "FitzGerald". */
const SURNAME_FORM = /^(?:O['’]\p{Lu}|Mc\p{Lu}|Mac\p{Lu}|Fitz\p{Lu})\p{Ll}/u;

const ACRONYM = /^(?:\p{Lu}{2,}|(?:\p{Lu}\.){2,})$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const INNER_CAPITAL = /^\p{Lu}?\p{Ll}+\p{Lu}/u;
/** Surnames written with an inner capital ("McConnell", "MacDougall", "DuVernay", "LaHood"), unlike "BaFin". */
const CAMEL_NAME = /^(?:Mc|Mac|O'|O’|De|Di|Du|Da|La|Le|Van|Von|Fitz|St)\p{Lu}\p{Ll}/u;
/** A regnal number of two letters or more, II to XXIII ("Charles III", "Benedict XVI"). */
const ROMAN_NUMERAL = /^(?=..)(?:X{0,2}(?:IX|IV|V?I{1,3}|VI{0,3})|XX?|XX?I{1,3}|XX?IV|XX?VI{0,3}|XX?IX)$/u;
/** Every word of a title but the small ones ("secretary", "state", not "of" or "the"). */
const SINGLE_TITLE_WORDS: ReadonlySet<string> = new Set(
  TITLE_PHRASES.flatMap((phrase) => phrase.split(' ')).filter((word) => word !== 'of' && word !== 'the'),
);
const TITLE_WORD_LISTS: readonly string[][] = TITLE_PHRASES.map((phrase) => phrase.split(' '));

function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isAcronym(token: Token): boolean {
  const text = token.text;
  // most names fail at their second letter ("Rubio"): skip the unicode-property regex for them
  if (isAsciiLower(text.charCodeAt(1))) return false;
  const word = text.replace(/['’]s?$/u, '');
  return ACRONYM.test(word) && !INITIALS.test(word) && !ROMAN_NUMERAL.test(word);
}

/** "J.", "C.T.", "W.E.B.": initials that open a person's name (not "U.S." or "U.N.", which open a body's or a place's). */
function isPersonalInitials(word: string): boolean {
  if (!/^(?:\p{Lu}\.){1,3}$/u.test(word)) return false;
  const letters = normalizeName(word);
  return letters.length === 1 || !(isPlaceName(letters) || isOrganizationName(letters) || PLACE_INITIALS.has(letters));
}

/** "G.", "G.K.": initials are part of a name. */
function isInitials(token: Token): boolean {
  return token.text.endsWith('.') && INITIALS.test(token.text);
}

/** Two or three capitals no list knows as a body, a place, a role or a word ("JK", "AWR"; not "BBC", "UK", "MP"). */
function isBareInitials(token: Token): boolean {
  if (!/^\p{Lu}{2,3}$/u.test(token.text)) return false;
  const lower = token.lower;
  return (
    !isOrganizationName(lower) &&
    !isPlaceName(lower) &&
    !isRoleNoun(lower) &&
    !isEverydayWord(lower) &&
    // ("VP Harris": a title)
    !SINGLE_TITLE_WORDS.has(lower)
  );
}

function isRunToken(token: Token): boolean {
  return token.kind === 'word' && token.capitalized;
}

// a pure function of the word, asked several times per token: remember the answers (bounded)
const roleWordCache = new Map<string, boolean>();

function isRoleWord(lower: string): boolean {
  let answer = roleWordCache.get(lower);
  if (answer === undefined) {
    answer = isRoleHead(lower) || SINGLE_TITLE_WORDS.has(lower);
    if (roleWordCache.size < 100_000) roleWordCache.set(lower, answer);
  }
  return answer;
}

/** "National Rail said on its website", "Morgan Stanley said in its report": what speaks "in its" own medium is a body. */
function speaksInItsOwn(tokens: readonly Token[], last: number): boolean {
  const verb = tokens[last + 1];
  return (
    verb !== undefined &&
    isSpeechVerb(verb.lower) &&
    (tokens[last + 2]?.lower === 'in' || tokens[last + 2]?.lower === 'on') &&
    tokens[last + 3]?.lower === 'its'
  );
}

/** "X, which ...": a name taken up by "which", which is said of things. */
function isTakenUpByWhich(tokens: readonly Token[], last: number): boolean {
  return tokens[last + 1]?.text === ',' && tokens[last + 2]?.lower === 'which';
}

/** "X, who ...": a name taken up by "who", which is said of people. */
function isTakenUpByWho(tokens: readonly Token[], last: number): boolean {
  return tokens[last + 1]?.text === ',' && tokens[last + 2]?.lower === 'who';
}

/**
 * "Don't", "Can't", "We're", "They'll", "Could've", "Who'd": a contraction (a name's apostrophe, as in "O'Neill",
 * "D'Arcy" or "N'Golo", comes before a capital or more letters).
 */
const CONTRACTION = /^\p{L}+(?:n['’]t|['’](?:re|ll|ve))$/u;
const SHORT_CONTRACTION = /^(\p{L}+)['’][dm]$/u;

function isContraction(token: Token): boolean {
  if (CONTRACTION.test(token.text)) return true;
  // ("Sa'd" is a name: a contraction of "would" or "am" is a pronoun's or a question word's)
  const base = SHORT_CONTRACTION.exec(token.text)?.[1];
  return base !== undefined && NON_NAME_WORDS.has(base.toLowerCase());
}

/** "the Centers for Disease Control and Prevention said": a word after "and" and a capitalized word ends a name. */
function endsBodyName(candidate: Candidate): boolean {
  const tokens = candidate.paragraph.tokens;
  return tokens[candidate.runFirst - 1]?.lower === 'and' && (tokens[candidate.runFirst - 2]?.capitalized ?? false);
}

/** "Jr.", "Sr.": the suffix that tells a son from his father of the same name. */
function isSonSuffix(token: Token | undefined): boolean {
  return token !== undefined && /^(?:Jr|Sr)\.?$/u.test(token.text);
}

/** True for a word that can be part of a person's name. */
function isNameWord(token: Token): boolean {
  // ("VP Quell": a title in capitals, not initials)
  if (/^\p{Lu}{2,3}$/u.test(token.text) && SINGLE_TITLE_WORDS.has(token.lower)) return false;
  if (isInitials(token)) return true;
  if (isContraction(token)) return false;
  if (isAcronym(token)) return false;
  const lower = token.lower;
  if (NON_NAME_WORDS.has(lower) || PARTY_WORDS.has(lower) || NON_PERSON_HEADS.has(lower)) return false;
  // "Having", "Injecting": a verb's -ing form opening a sentence
  if (lower.endsWith('ing') && isVerbForm(lower)) return false;
  // "Chennai-based", "London-born", "Labour-run": a place or a body made into an adjective
  if (/-(?:based|born|bred|led|run|owned|backed|made)$/u.test(lower)) return false;
  if (SINGLE_TITLE_WORDS.has(lower) || isDemonym(lower)) return false;
  // "Senators Harry Reid and Ann Ode": a title in the plural before the names it goes with (not short surnames such
  // as "Deans")
  if (lower.length > 6 && lower.endsWith('s') && SINGLE_TITLE_WORDS.has(lower.slice(0, -1))) return false;
  // a role noun as it is written, not a plural folded to one ("Boies" is no "boy")
  const role = isRoleNoun(lower) || isRoleNoun(lower.split('-').pop() ?? lower);
  if (role && !isFirstName(lower) && !isLastName(lower)) return false;
  return true;
}

function isParticle(token: Token): boolean {
  return NAME_PARTICLES.has(token.lower);
}

/**
 * "The King's Fund", "the Alzheimer's Association", "Moody's Investors Service": a possessive inside a run of
 * capitals that ends on an organisation's head word is part of the organisation's name.
 */
function possessiveInName(paragraph: ParagraphDoc, at: number): boolean {
  const tokens = paragraph.tokens;
  for (let index = at + 1; index <= at + 3; index++) {
    const token = tokens[index];
    if (!token || !isRunToken(token) || paragraph.quoted[index] !== paragraph.quoted[at] || token.possessive) {
      return false;
    }
    if (ORGANISATION_HEADS.has(token.lower)) return true;
  }
  return false;
}

/**
 * "Moody's said", "Sainsbury's said:", "a McDonald's spokesperson": a name with a possessive and no noun after it,
 * right before a speech verb or a spokesperson, is a firm's name ending in "'s", not a person's.
 */
function isPossessiveBrand(paragraph: ParagraphDoc, last: number): boolean {
  const tokens = paragraph.tokens;
  const token = tokens[last]!;
  const next = tokens[last + 1];
  if (!token.possessive || !token.capitalized || next?.kind !== 'word' || next.capitalized) return false;
  // a brand's possessive is "'s" ("Sainsbury's statement"); a bare mark after an s is a person's ("Sanders’ statement")
  if (!/['’]s$/u.test(token.text)) return false;
  // never a person's ("Mr Limbaugh's")
  if (tokens.slice(Math.max(0, last - 3), last).some((word) => HONORIFICS.has(word.lower))) return false;
  return FIRM_STATEMENT_VERBS.has(next.lower) || SPOKESPERSON_NOUNS.has(next.lower);
}

/**
 * "of" joins a title or institution to what it rules ("Secretary of State Marco Rubio", "Bank of England") but ends
 * a name: "Cara Diemont of Dimension Data" is a person and her employer.
 */
function joinsOver(last: Token, next: Token, before: Token | undefined): boolean {
  // "Commission for Racial Equality", "Centre for Policy Studies": "for" after an organisation's head
  if (next.lower === 'for') return ORGANISATION_HEADS.has(last.lower);
  // "Marsh & McLennan", "Marks & Spencer": an ampersand joins the names of a firm
  if (next.text === '&') return true;
  // ("Brian May of Queen", "Barbara Boxer of California": a month or a role word after a common given name is a
  // surname, and "of" ends the name)
  const wordSurname =
    (MONTH_NAMES.has(last.lower) || isRoleNoun(last.lower)) && before !== undefined && isCommonFirstName(before.lower);
  return next.lower === 'of' && !isNameWord(last) && !wordSurname;
}

/** `"Bobby" Scott` after a given name: a mark, one capitalized word, a mark, and the rest of the name. */
function isQuotedNickname(paragraph: ParagraphDoc, at: number): boolean {
  const tokens = paragraph.tokens;
  const open = tokens[at];
  const word = tokens[at + 1];
  const close = tokens[at + 2];
  const after = tokens[at + 3];
  return (
    open?.kind === 'punct' &&
    /^["“‘']$/u.test(open.text) &&
    word !== undefined &&
    isRunToken(word) &&
    close?.kind === 'punct' &&
    /^["”’']$/u.test(close.text) &&
    after !== undefined &&
    isRunToken(after) &&
    !paragraph.quoted[at + 3]
  );
}

/** The capitalized runs of a paragraph ("US Secretary of State Marco Rubio"), as inclusive token ranges. */
function collectRuns(paragraph: ParagraphDoc): [number, number][] {
  const runs: [number, number][] = [];
  const tokens = paragraph.tokens;
  let index = 0;
  while (index < tokens.length) {
    if (!isRunToken(tokens[index]!) && !particleOpensName(paragraph, index)) {
      index++;
      continue;
    }
    const first = index;
    let last = index;
    while (
      (!tokens[last]!.possessive ||
        // ("President Trump's Senate trial": a titled person's possessive ends the run, unlike "The King's Fund")
        (possessiveInName(paragraph, last) && !(last > first && isOfficeWord(tokens[first]!.lower)))) &&
      paragraph.sentenceOf[last + 1] === paragraph.sentenceOf[first]
    ) {
      const next = tokens[last + 1];
      const after = tokens[last + 2];
      if (next && isRunToken(next) && paragraph.quoted[last + 1] === paragraph.quoted[first]) {
        last++;
      } else if (isQuotedNickname(paragraph, last + 1)) {
        last += 4;
      } else if (
        last === first &&
        tokens[first - 1]?.text === '(' &&
        next?.text === ')' &&
        // not "(APPLAUSE) It": a transcript's note in capitals
        !/^\p{Lu}{2,}$/u.test(tokens[first]!.text) &&
        after !== undefined &&
        isRunToken(after) &&
        paragraph.quoted[last + 2] === paragraph.quoted[first]
      ) {
        // `David Beckham and (Zinedine) Zidane`: a given name the writer put in brackets inside a quote
        last += 2;
      } else if (
        next &&
        after &&
        isRunToken(after) &&
        (joinsOver(tokens[last]!, next, tokens[last - 1]) ||
          isParticle(next) ||
          isAndInBodyName(tokens, last + 1, first) ||
          isCommaInBodyName(tokens, last + 1, first) ||
          // "Cal/OSHA": a slash with no space around it joins two parts of one name
          isSlashInName(tokens, last + 1))
      ) {
        last += 2;
      } else if (
        next &&
        after &&
        isParticle(next) &&
        isParticle(after) &&
        tokens[last + 3] !== undefined &&
        isRunToken(tokens[last + 3]!)
      ) {
        // "Rodrigo de la Serna", "Ursula von der Leyen": two particles inside a name
        last += 3;
      } else {
        break;
      }
    }
    runs.push([first, last]);
    index = last + 1;
  }
  return runs;
}

/**
 * "Later, de Blasio said": a lowercase particle before a capitalized word opens a surname ("von der Leyen said": two
 * of them).
 */
function particleOpensName(paragraph: ParagraphDoc, index: number): boolean {
  const tokens = paragraph.tokens;
  return (
    isLowParticle(tokens[index]) &&
    (isRunTokenAt(tokens[index + 1]) || (isLowParticle(tokens[index + 1]) && isRunTokenAt(tokens[index + 2]))) &&
    paragraph.quoted[index + 1] === paragraph.quoted[index] &&
    (index === 0 || !isRunToken(tokens[index - 1]!))
  );
}

function isLowParticle(token: Token | undefined): boolean {
  return token !== undefined && isParticle(token) && !token.capitalized;
}

function isRunTokenAt(token: Token | undefined): boolean {
  return token !== undefined && isRunToken(token);
}

/** Split a run into its title prefix and the longest name-like tail. */
/** A follower's label made of a leader's name: "Blairite", "Thatcherites". */
const FOLLOWER_LABEL = /^\p{Lu}\p{Ll}+ites?$/u;

function splitRun(
  paragraph: ParagraphDoc,
  runStart: number,
  last: number,
  order: number,
  linkOnly: boolean,
): Candidate | null {
  let first = runStart;
  const tokens = paragraph.tokens;
  // "Tom Hale QC", "Jane Ode MP": letters after a name are no part of it; nor is the day after it ("recall ambassador
  // Pierre Lenoir Friday night")
  while (last > first && (POST_NOMINALS.has(tokens[last]!.lower) || WEEKDAYS.has(tokens[last]!.lower))) last--;
  // "his son Donald Trump Jr. The video ...": a sentence word after an abbreviation's stop opens the next sentence
  while (last > first && NON_NAME_WORDS.has(tokens[last]!.lower) && tokens[last - 1]!.text.endsWith('.')) last--;
  // "won the Oscar for Boys Don't Cry": a contraction capitalized inside a sentence makes the run a work's title (not
  // "I'm", always capitalized)
  for (let index = first; index <= last; index++) {
    const token = tokens[index]!;
    if (index !== paragraph.sentenceOf[index] && isContraction(token) && !/^I['’]/u.test(token.text)) return null;
  }
  let nameFirst = last + 1;
  // the surname's place: the last word, or the one before a suffix ("Martin Luther King Jr.")
  const surnameAt = last > first && NAME_SUFFIXES.has(normalizeName(tokens[last]!.text)) ? last - 1 : last;
  for (let index = last; index >= first; index--) {
    const token = tokens[index]!;
    const particle = NAME_PARTICLES.has(token.lower) && index > first && index < last;
    // "Simon Champion", "Charlie King", "Mr King", "Liam Fox", "Ben Hall": after a given name or an honorific a
    // role word or an institution's word is a surname ("Peter T. King": a middle initial between them too)
    const initialBefore = index - 2 >= first && isInitials(tokens[index - 1]!) && !isInitials(tokens[index - 2]!);
    const previous = (initialBefore ? tokens[index - 2] : tokens[index - 1])?.lower ?? '';
    const surnameAfterGiven =
      index === surnameAt &&
      index > first &&
      !PLACE_ONLY_HEADS.has(token.lower) &&
      (isRoleNoun(token.lower) ||
        SINGLE_TITLE_WORDS.has(token.lower) ||
        NON_PERSON_HEADS.has(token.lower) ||
        isDemonym(token.lower)) &&
      // ("Kanye West", "Mae West": a compass point after any given name that is no place)
      ((NON_PERSON_HEADS.has(token.lower)
        ? isCommonFirstName(previous) ||
          (COMPASS_POINTS.has(token.lower) &&
            isFirstName(previous) &&
            !isPlaceName(previous) &&
            !isEverydayWord(previous))
        : isFirstName(previous)) ||
        (HONORIFICS.has(previous) && !ADDRESSED_OFFICES.has(token.lower)));
    // "Theresa May", "Mrs May": a month after a common given name or a courtesy is a surname
    const monthSurname =
      index === last &&
      index > first &&
      MONTH_NAMES.has(token.lower) &&
      (isCommonFirstName(previous) || HONORIFICS.has(previous)) &&
      !MONTH_NAMES.has(previous);
    // "Ian Read", "Thomas More": a word that mostly opens sentences, after a given name
    const wordSurname =
      index === last && index > first && SURNAME_SENTENCE_WORDS.has(token.lower) && isFirstName(previous);
    // "Kathleen Hall Jamieson": a building's word between a given name and a surname is a middle name
    const middleName =
      index === last - 1 &&
      index > first &&
      nameFirst === last &&
      NON_PERSON_HEADS.has(token.lower) &&
      isCommonFirstName(previous) &&
      (isLastName(tokens[last]!.lower) || isFirstName(tokens[last]!.lower));
    // (`Robert C. "Bobby" Scott`: a word in marks the rest of the name is outside of, not every word of a name that is
    // all inside a quote)
    const nickname =
      index > first &&
      index < last &&
      (token.kind === 'punct' || (paragraph.quoted[index] === 1 && paragraph.quoted[first] === 0));
    // "JK Rowling", "AWR Hawkins": initials written without their stops before a known surname
    const bareInitials =
      index === last - 1 && nameFirst === last && isBareInitials(token) && isLastName(tokens[last]!.lower);
    // "Sri Lanka": a courtesy that opens a place's name is the place's
    const next = tokens[index + 1]?.lower ?? '';
    const placeOpening = SINGLE_TITLE_WORDS.has(token.lower) && isPlaceName(`${token.lower} ${next}`);
    const nameWord = isNameWord(token) || particle || nickname || bareInitials || placeOpening;
    if (!nameWord && !surnameAfterGiven && !monthSurname && !wordSurname && !middleName) break;
    if (index < last && token.possessive) break;
    // "House Democrat Tom Hale", "Senate Republican Ann Ode": a party label before a name is never part of it
    if (index < last && PARTY_WORDS.has(token.lower)) break;
    // "Blairite Alan Milburn", "Thatcherite John Hale": a follower's label made of a leader's name is none of it
    if (index < last && FOLLOWER_LABEL.test(token.text) && !isFirstName(token.lower) && !isLastName(token.lower)) break;
    nameFirst = index;
  }
  // "But Fico", "Both Fico": a sentence word before a name is neither title nor role (but "New York City Public
  // Advocate" keeps the place it opens)
  // "Take Idaho Republican Sens. Mike Crapo": a command opening the sentence is neither
  if (first < nameFirst && first === paragraph.sentenceOf[first] && IMPERATIVE_OPENERS.has(tokens[first]!.lower)) {
    first++;
  }
  // ("Former President X", "Former Virginia Gov. X" keep the word that says the office was held once)
  while (
    first < nameFirst &&
    NON_NAME_WORDS.has(tokens[first]!.lower) &&
    !isPlaceName(`${tokens[first]!.lower} ${tokens[first + 1]?.lower ?? ''}`) &&
    !(
      tokens[first]!.lower === 'former' && tokens.slice(first + 1, nameFirst).some((token) => isOfficeWord(token.lower))
    )
  ) {
    first++;
  }
  // "Reporters Without Borders", "Shaun Of The Dead": a capitalized small word inside the run makes it a title or a
  // body's name, not a title and a person
  // (not "Treasury Under Secretary John Taylor": a title's own words)
  let smallWord = false;
  let titleWord = false;
  for (let index = first + 1; index < nameFirst; index++) {
    if (tokens[index]!.capitalized && NON_NAME_WORDS.has(tokens[index]!.lower)) smallWord = true;
    if (isRoleWord(tokens[index]!.lower)) titleWord = true;
  }
  if (smallWord && !titleWord) return null;
  // "Passenger Chris Downes": an everyday noun capitalized only by opening the sentence describes the person
  const opener = tokens[nameFirst]?.lower ?? '';
  const unknownOpener =
    nameFirst === paragraph.sentenceOf[nameFirst] && !isGivenNameForm(opener) && !isLastName(opener);
  if (unknownOpener && last - nameFirst >= 2 && isFirstName(tokens[nameFirst + 1]!.lower)) nameFirst++;
  // "Injecting Clinton into the race": a participle opening the sentence; "Interestingly Blocher", "Called Speegle",
  // "Between Clinton": an adverb, a verb or a preposition opening it
  else if (
    unknownOpener &&
    last > nameFirst &&
    (opener.endsWith('ing') || isLyAdverb(opener) || isVerbForm(opener) || isPreposition(opener) || opener === 'again')
  ) {
    nameFirst++;
  }
  // `Said Ellis: "..."`: a speech verb opening its sentence before a name
  if (
    first === paragraph.sentenceOf[first] &&
    first < last &&
    isUnambiguousSpeechVerb(tokens[first]!.lower) &&
    !isFirstName(tokens[first]!.lower)
  ) {
    first++;
    nameFirst = Math.max(nameFirst, first);
  }
  // a leading particle is not a name start, unless it is a given name too ("Al Sharpton")
  // ("Le Pen" alone is a surname with its particle, and stays whole)
  // ("Van der Hoeven": particles that run up to the surname are all of it)
  const particlesToEnd = (from: number): boolean => {
    for (let index = from; index < last; index++) if (!NAME_PARTICLES.has(tokens[index]!.lower)) return false;
    return true;
  };
  while (
    nameFirst < last - 1 &&
    NAME_PARTICLES.has(tokens[nameFirst]!.lower) &&
    !isFirstName(tokens[nameFirst]!.lower) &&
    !particlesToEnd(nameFirst)
  ) {
    nameFirst++;
  }
  if (nameFirst === last && NAME_PARTICLES.has(tokens[nameFirst]!.lower)) return null;
  if (nameFirst > last) return null;
  let nameLast = last;
  // trailing initials are no part of the name ("Smith J.") unless a suffix
  while (nameLast > nameFirst && !NAME_SUFFIXES.has(tokens[nameLast]!.lower) && isInitials(tokens[nameLast]!)) {
    nameLast--;
  }
  if (isLeadingLabel(tokens, nameFirst, nameLast, nameFirst > runStart)) nameFirst++;
  else nameFirst = afterBodyWords(tokens, nameFirst, nameLast);
  // (it may still name someone the article names elsewhere: "than Sleepy Joe Biden")
  const insideName = !linkOnly && isInsideProperName(paragraph, first, nameFirst, nameLast);
  // "Tom Hale Leicester": a place after a full name is where its bearer comes from or plays, not more of the name
  const end = tokens[nameLast]!.lower.replace(/['’]s?$/u, '');
  if (nameLast - nameFirst >= 2 && isPlaceName(end) && !isFirstName(end) && !isLastName(end)) nameLast--;
  // "police Chief John Hayden, Jr. said": a son's suffix set off by a comma is the name's
  if (tokens[nameLast + 1]?.text === ',' && isSonSuffix(tokens[nameLast + 2])) nameLast += 2;
  // the words of the name, without the marks and the nickname of `Robert C. "Bobby" Scott`
  const words = tokens
    .slice(nameFirst, nameLast + 1)
    .filter(
      (token, offset) => token.kind === 'word' && paragraph.quoted[nameFirst + offset] === paragraph.quoted[runStart],
    )
    .map((token) => token.text.replace(/['’]s?$/u, ''));
  const title = tokens.slice(first, nameFirst).map((token) => token.text);
  // (an office, not a courtesy: "the former Miss Universe" is a thing)
  if (first === runStart && title.some((word) => isOfficeWord(normalizeName(word)))) {
    title.unshift(...qualifierBefore(tokens[first - 1]));
  }
  // "the Criminal Justice Bill", "the Terrorism Act": a law's name, not someone called Bill
  if (
    nameFirst === nameLast &&
    LAW_WORDS.has(tokens[nameLast]!.lower) &&
    title.some((word) => !HONORIFICS.has(normalizeName(word)) && !isRoleWord(normalizeName(word)))
  ) {
    return null;
  }
  // "the Archbishop of Canterbury", "the Duke of Edinburgh": what follows "of" in a title is the see or the place
  // the title is of, not its holder's name
  if (title.length >= 2 && title[title.length - 1] === 'of') return null;
  return {
    paragraph,
    runFirst: first,
    nameFirst,
    nameLast,
    words,
    title,
    roles: [],
    evidence: 0,
    kind: 'person',
    speaking: false,
    described: false,
    linkOnly: linkOnly || insideName,
    nickname: quotedWord(paragraph, nameFirst, nameLast),
    guess: false,
    order,
    describedGender: null,
    thing: false,
    personCue: false,
  };
}

function isOfficeWord(lower: string): boolean {
  return isRoleWord(lower) && !HONORIFICS.has(lower);
}

/**
 * What a lowercase word right before a title adds to it: "former President X" held the office once; "then-Vice
 * President X" and "ex-FBI Director X" open the title with their first word, "then-" and "ex-" kept (the run starts at
 * "President"): the office was held at the time told, and is not shown as held now.
 */
function qualifierBefore(token: Token | undefined): string[] {
  if (token?.kind !== 'word' || token.capitalized) return [];
  if (token.lower === 'former') return ['former'];
  // ("the late Mayor X": the office was held until death)
  if (token.lower === 'late') return ['late'];
  // ("then-FBI Director X", "ex-FBI Director X": the body the office is of, with when it was held)
  // (an "ex-Governor" that is itself a title is read as one)
  const held = /^(then|ex)-(\p{Lu}[\p{L}.]*)$/u.exec(token.text);
  if (!held) return [];
  return held[1] === 'then' || !isRoleWord(normalizeName(held[2]!)) ? [token.text] : [];
}

/** The quoted word inside a name's token range (`Robert C. "Bobby" Scott` -> "Bobby"), if any. */
function quotedWord(paragraph: ParagraphDoc, first: number, last: number): string | null {
  for (let index = first; index <= last; index++) {
    const token = paragraph.tokens[index]!;
    if (token.kind === 'word' && paragraph.quoted[index] && !paragraph.quoted[first]) return token.text;
  }
  return null;
}

/**
 * "lured to White Hart Lane", "at Big Ben Lane", "winner of the Blue Peter Book": an everyday word capitalized inside
 * the sentence, right before the rest of a run, is part of one proper name (a place, a team, a work) rather than a
 * word before a person's name, unless it is a role, a title, a party, a nationality or a place ("Defence Secretary
 * Geoff Hoon", "Liberal Democrat X", "Crown Prince X", "Justices X"), or the run goes on from an office's title
 * ("Secretary of the Interior X", "Minister for Work X").
 */
function isInsideProperName(paragraph: ParagraphDoc, first: number, nameFirst: number, nameLast: number): boolean {
  const at = nameFirst - 1;
  if (at < first || at === paragraph.sentenceOf[at]) return false;
  const tokens = paragraph.tokens;
  // ("than Sleepy Joe Biden", "All Black Aaron Mauger": before a common given name and a surname that is no everyday
  // word, it is an epithet or a label)
  const surname = tokens[nameLast]!.lower;
  if (nameLast > nameFirst && isCommonFirstName(tokens[nameFirst]!.lower) && !isEverydayWord(surname)) return false;
  const word = tokens[at]!;
  if (word.kind !== 'word' || !word.capitalized || word.possessive || !/\p{Ll}/u.test(word.text)) return false;
  if (paragraph.quoted[at] !== paragraph.quoted[nameFirst]) return false;
  const lower = word.lower;
  // (a given name that is also a word, "Ray Charles", unless an adjective: "the Blue Peter Book"; a word known only
  // as a verb names no place or team: "from Tore Andre Flo" has a given name no list knows)
  if (!isEverydayWord(lower) || isLastName(lower) || isVerbForm(lower)) return false;
  if (isGivenNameForm(lower) && !isDescribingWord(lower)) return false;
  if (isNationalityNoun(lower) || isPlaceName(lower) || PARTY_WORDS.has(lower)) return false;
  for (let index = first; index <= nameFirst; index++) if (isTitleOrOffice(tokens[index]!.lower)) return false;
  // back over the words of an office's title that lowercase words broke off the run ("Shadow leader of the Commons
  // X", "Minister for Work X"; not "the winner of the Blue Peter Book")
  const sentence = paragraph.sentenceOf[first];
  for (let index = first - 1; index >= 0 && first - index <= 12 && paragraph.sentenceOf[index] === sentence; index--) {
    const token = tokens[index]!;
    const office = isTitleOrOffice(token.lower);
    // (or a role right before the run: "goalkeeper Energy Ncube")
    if (office && (token.capitalized || index === first - 1)) return false;
    if (!token.capitalized && !office && !OFFICE_LINKS.has(token.lower)) break;
  }
  return true;
}

/** A role, a title or a courtesy, singular or plural ("Justices", "Reps."), that may stand before a name. */
function isTitleOrOffice(lower: string): boolean {
  const bare = lower.replace(/\.$/u, '');
  const titled = (word: string): boolean =>
    isRoleWord(word) || HONORIFICS.has(word) || ROYAL_TITLES.has(word) || HONORIFIC_TITLES.has(word);
  return titled(bare) || (bare.endsWith('s') && titled(bare.slice(0, -1)));
}

/**
 * `Backbencher Stephen Pound`, `Referee Graham Poll`: in three name-like words, a first word that is an everyday
 * noun before a given name labels the person (a sentence-initial role or group) rather than starting the name. After
 * another capitalized word of the run (`Miss Universe Joan Harper`, `New Yorker Sam Oduya`) a first word no name
 * list knows ends that title or label too.
 */
function isLeadingLabel(tokens: readonly Token[], nameFirst: number, nameLast: number, afterWord: boolean): boolean {
  if (nameLast - nameFirst < 2) return false;
  const label = tokens[nameFirst]!;
  const given = tokens[nameFirst + 1]!;
  if (isInitials(label) || isFirstName(label.lower) || !isFirstName(given.lower)) return false;
  // "San Francisco Ballet", "St John Ambulance": a place prefix starts a place name, not a label
  if (PLACE_PREFIXES.has(label.lower)) return false;
  if (afterWord && isCommonFirstName(given.lower) && !isGivenNameForm(label.lower) && !isLastName(label.lower)) {
    return !SURNAME_FORM.test(label.text);
  }
  // "Backbencher", "Referee", "Welshman", and epithets the lexicon does not list ("Crooked Hillary Clinton")
  const everyday =
    isEverydayWord(label.lower) ||
    isRoleNoun(label.lower) ||
    isNationalityNoun(label.lower) ||
    /(?:ed|ing|ous|ful|ive)$/u.test(label.lower) ||
    // "Management Patrick Kennedy" after "Under Secretary for": a common noun's ending
    COMMON_WORD_ENDING.test(label.lower);
  return everyday && !isLastName(label.lower);
}

/**
 * `Former Housing and Urban Development Julian Castro`: two words or more of a department's or a body's name before
 * a common given name and a surname, none of them a name the lists know, the last an everyday noun, are no part of
 * the person's name. Returns where the name starts.
 */
function afterBodyWords(tokens: readonly Token[], nameFirst: number, nameLast: number): number {
  for (let given = nameFirst + 2; given < nameLast; given++) {
    const before = tokens[given - 1]!.lower;
    if (isFirstName(before) || isLastName(before)) return nameFirst;
    if (!isCommonFirstName(tokens[given]!.lower)) continue;
    const everyday = COMMON_WORD_ENDING.test(before) || NON_PERSON_HEADS.has(before) || isEverydayWord(before);
    if (!everyday || isFirstName(tokens[nameFirst]!.lower) || isLastName(tokens[nameFirst]!.lower)) return nameFirst;
    return given;
  }
  return nameFirst;
}

/**
 * A role phrase right before a name ("Ukraine’s top negotiator", "central bank governor"), or one that opens the
 * sentence set off by a comma ("The government spokesman, Nikos Christodoulides, said").
 */
function rolePhraseBefore(paragraph: ParagraphDoc, runFirst: number, nameLast: number): string | null {
  const tokens = paragraph.tokens;
  const opening = tokens[runFirst - 1]?.text === ',';
  const end = opening ? runFirst - 1 : runFirst;
  let from = rolePhraseStart(paragraph, end);
  // "White House chief of staff Mark Meadows", "director of football Tom Hale": a role and what it is of, in lowercase
  const ofWord = tokens[end - 1];
  // (not "Speaker of the House X", "supporter of former President X": the words run on into a name)
  if (
    from === null &&
    tokens[end - 2]?.lower === 'of' &&
    isWord(ofWord) &&
    !ofWord.capitalized &&
    !ROLE_STOP_WORDS.has(ofWord.lower) &&
    !APPOSITIVE_OPENERS.has(ofWord.lower) &&
    end - 3 >= 0
  ) {
    from = rolePhraseStart(paragraph, end - 2);
  }
  if (from === null) return null;
  // "Injured Chelsea winger Arjen Robben", "Leading games maker Peter Molyneux": a participle opening the sentence
  // describes the person, it is no part of the role (but "Defending champion", "Acting President" are)
  const opener = tokens[from]!;
  if (
    from === paragraph.sentenceOf[from] &&
    from < end - 1 &&
    /\p{L}(?:ed|ing)$/u.test(opener.lower) &&
    !ADJECTIVAL_PARTICIPLES.has(opener.lower) &&
    !isRoleWord(opener.lower)
  ) {
    from++;
  }
  // `pledged to "never, ever" attack Tory leader Michael Howard`: an everyday word right after a closing quotation
  // mark goes on with the sentence the quote is part of (a verb), it opens no role (an adjective or a role word, as
  // in '"..." former Tory leader X said', still may)
  const first = tokens[from]!;
  if (
    from < end - 1 &&
    !first.capitalized &&
    !isRoleWord(first.lower) &&
    !isNonHeadWord(first.lower) &&
    isEverydayWord(first.lower) &&
    paragraph.quoted[from - 1] &&
    // (not after a quote that ends on its comma: `"...," shop owner X told` is the speaker's tag)
    tokens[from - 2]?.kind === 'word'
  ) {
    from++;
  }
  // "as a Cambridge student Mr Howard was ...": a capacity someone had or might have, not who they are
  if (['a', 'an'].includes(tokens[from - 1]?.lower ?? '') && tokens[from - 2]?.lower === 'as') return null;
  // "fellow Labour MP Ann Ode", "Pugh's fellow Ospreys player Sonny Parker": the role without its tie to someone
  // else; "Fellow guest Ruth Kelly": nothing left that says who she is
  for (let fellow = from; fellow < end; fellow++) {
    if (tokens[fellow]!.lower !== 'fellow') continue;
    if (end - fellow < 3) return null;
    from = fellow + 1;
    break;
  }
  if (opening) {
    // "The prime minister, Boris Johnson": only a role with its article opening the sentence names the person after
    // the comma; elsewhere it seldom does ("Speaking to the minister, Smith ...", "Gardener, Darren Campbell and ...")
    const article = ['the', 'a', 'an'].includes(tokens[from - 1]?.lower ?? '');
    // "... was questioned by Labour's former chairman, Gethin Morcombe.": a body's role, then the name that closes
    // the clause, is an appositive wherever it stands
    const owned =
      tokens[from]!.capitalized &&
      tokens.slice(from, end).some((token) => token.possessive && token.capitalized) &&
      [',', '.', ';', undefined].includes(tokens[nameLast + 1]?.text) &&
      !isSpeechCue(tokens[nameLast + 2]);
    // "Reacting, the state chairman of the party, Dr Kayode Oyelaran, dismissed ...": after an opening phrase and
    // its comma, a role with its article still names the person set off by commas on both sides
    const afterOpening =
      article &&
      tokens[from - 2]?.text === ',' &&
      tokens[nameLast + 1]?.text === ',' &&
      from - 2 > (paragraph.sentenceOf[end] ?? 0);
    // "named his new national security adviser, H.R. McMaster, to ...": a role someone has, set off by commas, names
    // the person after it anywhere in the sentence
    // (the phrase may open on the possessive or stop right after it; not "the safety of its users, X": a plural)
    // ("Clinton's campaign communications director, Jennifer Palmieri,": a named owner too)
    const held =
      (POSSESSIVE_DETERMINERS.has(tokens[from - 1]?.lower ?? '') ||
        ((POSSESSIVE_DETERMINERS.has(tokens[from]!.lower) || (tokens[from]!.possessive && tokens[from]!.capitalized)) &&
          from < end - 1)) &&
      !isPluralRoleNoun(tokens[end - 1]!.lower) &&
      [',', '.', ';', undefined].includes(tokens[nameLast + 1]?.text);
    if (!owned && !afterOpening && !held && (!article || from - 1 !== (paragraph.sentenceOf[end] ?? 0))) return null;
  }
  return paragraph.text.slice(tokens[from]!.start, tokens[end - 1]!.end);
}

/** Where the role words ending right before token `end` start (back to a stop word or a possessive), if any. */
function rolePhraseStart(paragraph: ParagraphDoc, end: number): number | null {
  const tokens = paragraph.tokens;
  let from = end;
  let sawRole = false;
  for (let index = end - 1; index >= 0 && end - index <= 6; index--) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || ROLE_STOP_WORDS.has(token.lower) || paragraph.quoted[index]) break;
    if (index === end - 1 && !isRoleWord(token.lower)) return null;
    // "did not impress Tory shadow education secretary": the verb before a role is not part of it, but a noun
    // that looks like a verb before a role word is ("finance minister", "party leader")
    const compound = index + 1 < end && isRoleWord(tokens[index + 1]!.lower);
    if (!token.capitalized && !isRoleWord(token.lower) && !compound && isVerbForm(token.lower)) break;
    // "who helped Giuliani investigate former vice president", "Biden rejected former president", "would probably
    // scrutinize former president": a verb after its subject, an auxiliary or an adverb ends the role (not "the
    // retired general", "the newly elected leader")
    if (index < end - 1 && !token.capitalized && isClauseVerb(tokens, index)) break;
    // "he’s hopeful special counsel": a pronoun's contraction, no possessive
    if (token.possessive && SUBJECT_PRONOUNS.has(token.lower)) break;
    // "the race to sign Real Madrid striker Fernando Morientes": a word after "to" is a verb; "the meeting between
    // Fiat boss Sergio Marchionne and ...": a preposition opens no role
    if (!token.capitalized && !isRoleWord(token.lower) && tokens[index - 1]?.lower === 'to') break;
    if (!token.capitalized && isPreposition(token.lower)) break;
    // "Trump tells Fox News anchor Megyn Kelly", "delegates formally nominating billionaire Donald Trump": the verb of
    // the sentence and its adverb, not the role
    // (not "the party's newly elected leader")
    const verbLike =
      isSpeechVerb(token.lower) || (isLyAdverb(token.lower) && (tokens[index + 1]?.lower.endsWith('ing') ?? false));
    if (!token.capitalized && !isRoleWord(token.lower) && verbLike) break;
    if (isRoleWord(token.lower)) sawRole = true;
    from = index;
    // a possessive ends the phrase: "Trump’s special envoy", not the whole noun phrase before it; a name in the
    // possessive keeps its words ("Lib Dem's elections chief", "Manchester United's manager")
    if (token.possessive) {
      while (
        token.capitalized &&
        from > 0 &&
        index - from < 2 &&
        tokens[from - 1]!.kind === 'word' &&
        tokens[from - 1]!.capitalized &&
        !paragraph.quoted[from - 1] &&
        !ROLE_STOP_WORDS.has(tokens[from - 1]!.lower) &&
        // ("New York's top law officer")
        (!NON_NAME_WORDS.has(tokens[from - 1]!.lower) ||
          isPlaceName(`${tokens[from - 1]!.lower} ${normalizeName(tokens[from]!.text.replace(/['’]s?$/u, ''))}`))
      ) {
        from--;
      }
      break;
    }
  }
  // "Secretary of state nominee": a title joined by "of" to a capitalized role word before it is one role
  while (sawRole && from >= 2 && from < end && !paragraph.quoted[from - 2]) {
    const joiner = tokens[from - 1]!.lower;
    const left = tokens[from - 2]!;
    if (left.kind !== 'word' || !left.capitalized || left.possessive) break;
    if (joiner !== 'of' || !isRoleWord(left.lower)) break;
    from -= 2;
  }
  if (!sawRole || from === end || isObjectOfPhrase(tokens, from)) return null;
  return from;
}

/**
 * "Counselor to the President X", "Senior Adviser to the Prime Minister X": a role after an office's "to the" is the
 * office it serves, not the role of the name after it.
 */
function isObjectOfPhrase(tokens: readonly Token[], first: number): boolean {
  const office = tokens[first - 3];
  return (
    tokens[first - 1]?.lower === 'the' &&
    tokens[first - 2]?.lower === 'to' &&
    office !== undefined &&
    office.kind === 'word' &&
    office.capitalized
  );
}

/** "a President Clinton": an indefinite article before a title and a name makes the office one someone might hold. */
function isHypotheticalTitle(tokens: readonly Token[], first: number): boolean {
  const article = tokens[first - 1]?.lower;
  return (article === 'a' || article === 'an') && tokens[first]?.kind === 'word' && tokens[first]!.capitalized;
}

/**
 * A lowercase word at `index` that reads as the verb of a clause: an -ed form or an unlisted word with a verb's ending
 * right after a name that is no possessive or after an auxiliary, or (not for -ed forms, "newly elected") after an
 * adverb in -ly.
 */
function isClauseVerb(tokens: readonly Token[], index: number): boolean {
  const lower = tokens[index]!.lower;
  if (isRoleWord(lower)) return false;
  const edForm = lower.endsWith('ed');
  if (!edForm && !isUnlistedVerbLike(lower)) return false;
  const before = tokens[index - 1];
  if (before === undefined || before.kind !== 'word') return false;
  if (before.capitalized) return !before.possessive && !isRoleWord(before.lower) && !isEverydayWord(before.lower);
  if (STATE_VERBS.has(before.lower) || AUXILIARY_VERBS.has(before.lower) || before.lower === 'to') return true;
  return !edForm && isLyAdverb(before.lower);
}

/** An appositive after a name: `Marco Rubio, Trump’s top diplomat and national security adviser,`. */
/**
 * Whether one of the two words after `at` is a role word in lowercase, with nothing between but words that are no
 * verb and no possessive: "communications director", "Kraft senior vice president" (not "best actress", an award's
 * category, nor the capitalized words of a title).
 */
function roleWordSoonAfter(tokens: readonly Token[], at: number): boolean {
  // (not "Morgan Stanley, its former banker", "Leading China-watcher, and founder of ... X": whose, or a list's)
  if (LOOSE_ROLE_STOPS.has(tokens[at]?.lower ?? '')) return false;
  for (let index = at; index <= at + 2; index++) {
    const token = tokens[index];
    if (!isWord(token) || token.possessive || token.lower === 'best') return false;
    if (index > at && !token.capitalized && isRoleWord(token.lower)) return true;
    if (isVerbForm(token.lower) && !isRoleWord(token.lower)) return false;
  }
  return false;
}

/**
 * "Glaxo said its profits had risen", "Symbian told reporters its phones ...": one capitalized word no name list knows,
 * outside quotes, whose speech verb is followed by "its", speaks as a body.
 */
function speaksOfItsOwn(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  if (candidate.words.length !== 1 || candidate.title.length > 0 || paragraph.quoted[candidate.nameFirst]) return false;
  const tokens = paragraph.tokens;
  const verb = tokens[candidate.nameLast + 1];
  if (!isWord(verb) || verb.capitalized || !isSpeechVerb(verb.lower)) return false;
  if (tokens[candidate.nameLast + 2]?.lower !== 'its') return false;
  const lower = normalizeName(candidate.words[0]!);
  return !isLastName(lower) && !isGivenNameForm(lower) && !isFirstName(lower);
}

/** The words of a linking verb at `at` ("is", "became", "will be", "has been"), or 0. */
function copulaLength(tokens: readonly Token[], at: number): number {
  const word = tokens[at]?.lower;
  if (word === 'is' || word === 'was' || word === 'became' || word === 'becomes') return 1;
  const next = tokens[at + 1]?.lower;
  if ((word === 'will' || word === 'would') && next === 'be') return 2;
  if ((word === 'has' || word === 'had') && next === 'been') return 2;
  return 0;
}

function appositiveAfter(paragraph: ParagraphDoc, nameLast: number): string | null {
  const tokens = paragraph.tokens;
  let index = nameLast + 1;
  // "Tom Hale is the Second Amendment columnist for the Herald.": a role said of the name as its predicate
  // (after "the" only: "X is a good player" is an opinion; after a full name of no everyday words: "Khan was the
  // captain" may be another Khan, and "Sky Plus is the market leader" is a product)
  // ("will be the new director", "became the first ...": a role the name takes or will take)
  const given = tokens[nameLast - 1];
  const verbLength = copulaLength(tokens, index);
  const copula =
    verbLength > 0 &&
    tokens[index + verbLength]?.lower === 'the' &&
    given?.kind === 'word' &&
    given.capitalized &&
    !isEverydayWord(given.lower) &&
    !isEverydayWord(tokens[nameLast]!.lower);
  if (tokens[index]?.text !== ',' && !copula) return null;
  index += copula ? verbLength : 1;
  // an age between commas ("Clinton, 35, the daughter of ...")
  if (/^\d{1,3}$/.test(tokens[index]?.text ?? '') && tokens[index + 1]?.text === ',') index += 2;
  const first = tokens[index];
  if (first?.kind !== 'word' || paragraph.quoted[index]) return null;
  const opens =
    ['the', 'a', 'an'].includes(first.lower) ||
    first.possessive ||
    isRoleWord(first.lower) ||
    isDemonym(first.lower) ||
    (first.lower === 'one' && tokens[index + 1]?.lower === 'of') ||
    APPOSITIVE_OPENERS.has(first.lower);
  if (opens) return appositivePhrase(paragraph, index, copula);
  // "Neil Sroka, communications director of the group,", "X, Kraft senior vice president,": a role word a few words
  // on, with no verb before it (only a phrase that is a role, as nothing else says one follows)
  if (copula || !roleWordSoonAfter(tokens, index)) return null;
  const phrase = appositivePhrase(paragraph, index, copula);
  return phrase !== null && cleanRole(phrase) !== null ? phrase : null;
}

/** The appositive phrase opening at `index` up to its closing comma (or "who"), when it holds a role word. */
function appositivePhrase(paragraph: ParagraphDoc, index: number, copula: boolean): string | null {
  const tokens = paragraph.tokens;
  const first = tokens[index]!;
  let sawRole = false;
  let roleWord = '';
  for (let end = index; end < tokens.length && end - index < 14; end++) {
    const token = tokens[end]!;
    // ("Ann Ode, the former ambassador to Ukraine who was recalled": a role phrase ends at "who"; not "the WHO", nor
    // "... someone who", nor a list of others: "X, actress Y and singer Z who all left")
    const relative =
      token.text === 'who' &&
      !copula &&
      !RELATIVE_HEADS.has(tokens[end - 1]?.lower ?? '') &&
      !tokens.slice(index, end).some((word) => word.lower === 'and');
    if (
      token.text === ',' ||
      token.text === '.' ||
      token.text === ';' ||
      token.text === '—' ||
      token.text === ')' ||
      relative
    ) {
      if (!sawRole || end === index) return null;
      // "State Treasurer Kelly Mitchell, Secretary of State Connie Lawson, ...": a title and a full name are the next
      // person of a list, not this one's role
      if (first.capitalized && isFullNameAt(tokens, end - 2)) return null;
      // "Sania Mirza, the oldest and youngest players in the draw": what several people are is none's own role
      // (not "one of the party's founders")
      const plural = roleWord.endsWith('s') && !roleWord.endsWith('ss') && isRoleNoun(roleWord.slice(0, -1));
      if (plural && first.lower !== 'one') return null;
      return paragraph.text.slice(first.start, tokens[end - 1]!.end);
    }
    if (token.text === '&') continue;
    // (a predicate's first role ends at "and": "is the columnist for X and analyst for Y")
    if (copula && token.lower === 'and' && sawRole) return paragraph.text.slice(first.start, tokens[end - 1]!.end);
    // (as written: "the WHO" is a body)
    if (token.kind !== 'word' || ['who', 'which', 'that', 'is', 'was', 'said', 'says'].includes(token.text))
      return null;
    if (isSpeechVerb(token.lower) && !isRoleWord(token.lower)) return null;
    if (isRoleWord(token.lower)) {
      sawRole = true;
      roleWord = token.lower;
    }
  }
  return null;
}

/** Whether the tokens at `at` and after it are a common given name and a surname ("Connie Lawson"). */
function isFullNameAt(tokens: readonly Token[], at: number): boolean {
  const given = tokens[at];
  const surname = tokens[at + 1];
  return (
    given?.kind === 'word' &&
    surname?.kind === 'word' &&
    given.capitalized &&
    surname.capitalized &&
    isCommonFirstName(given.lower) &&
    !isRoleWord(surname.lower)
  );
}

/**
 * Whether a name ending in "'s" owns what follows ("Moore's documentary"), rather than standing for "has" or "is"
 * before a verb ("Christie's been making the case", "Quell's not said it").
 */
function ownsNext(paragraph: ParagraphDoc, nameLast: number): boolean {
  const tokens = paragraph.tokens;
  if (!tokens[nameLast]!.possessive || !/['’]s$/u.test(tokens[nameLast]!.text)) return false;
  const next = tokens[nameLast + 1];
  return !(next?.kind === 'word' && !next.capitalized && CONTRACTION_FOLLOWERS.has(next.lower));
}

/** True for a place's name, or a country's abbreviation in capitals ("US", not "us"). */
function isCountryModifier(name: readonly Token[]): boolean {
  const lower = name.map((token) => token.lower).join(' ');
  return (
    isPlaceName(lower) ||
    (name.length === 1 && name[0]!.text.toUpperCase() === name[0]!.text && COUNTRY_ABBREVIATIONS.has(lower))
  );
}

/** True when the mention is the subject of a nearby speech verb or opens its sentence. */
function isSubjectPosition(paragraph: ParagraphDoc, runFirst: number, nameLast: number): boolean {
  const tokens = paragraph.tokens;
  const sentenceFirst = paragraph.sentenceOf[runFirst] ?? 0;
  // "McConnell spokesman Don Stewart wouldn't say": the name before a role and another name says whose the role is;
  // the one named after the role is the subject
  const after = tokens[nameLast + 1];
  if (after?.kind === 'word' && !after.capitalized && isRoleWord(after.lower)) {
    let end = nameLast + 1;
    while (tokens[end]?.kind === 'word' && !tokens[end]!.capitalized && isRoleWord(tokens[end]!.lower)) end++;
    if (tokens[end]?.capitalized && isNameWord(tokens[end]!)) return false;
  }
  // "The US tycoon, who ..., has approached": a country before the noun its phrase is about says where that is from;
  // the noun is the subject ("European Union leaders ..., it said" is still the union's)
  if (
    after?.kind === 'word' &&
    !after.capitalized &&
    !tokens[nameLast]!.possessive &&
    (isRoleNoun(after.lower) || isNounOnly(after.lower)) &&
    isCountryModifier(tokens.slice(runFirst, nameLast + 1).filter((token) => token.lower !== 'the'))
  ) {
    return false;
  }
  if (runFirst === sentenceFirst) return true;
  if (rolePhraseStart(paragraph, runFirst) === sentenceFirst) return true;
  // "On Monday, Rubio ..." and "But Fico ..." still open their sentence
  const lead = runFirst - sentenceFirst;
  if (lead <= 4 && (lead === 1 || tokens[runFirst - 1]?.text === ',')) return true;
  const next = tokens[nameLast + 1];
  // "At a rally in Portland, Maine, on Thursday, Trump included ...": after a fronted phrase a preposition opens,
  // the name before the sentence's verb
  if (
    tokens[runFirst - 1]?.text === ',' &&
    isPreposition(tokens[sentenceFirst]?.lower ?? '') &&
    next?.kind === 'word' &&
    !next.capitalized &&
    (isVerbForm(next.lower) || PERSON_VERBS.has(next.lower))
  ) {
    return true;
  }
  if (next !== undefined && isSpeechVerb(next.lower)) return true;
  // "..., and McQuaid is refusing ...": a name opening a clause joined to the sentence, before its verb
  const joiner = tokens[runFirst - 1];
  if (
    next !== undefined &&
    PERSON_VERBS.has(next.lower) &&
    joiner !== undefined &&
    CLAUSE_JOINERS.has(joiner.lower) &&
    (tokens[runFirst - 2]?.text === ',' || DASH_MARKS.has(tokens[runFirst - 2]?.text ?? ''))
  ) {
    return true;
  }
  // "..., noted NBC's Dante Chinni": the subject of an inverted speech verb
  // ("Harper criticised Doyle" makes Doyle the object: the verb must follow the quote or a comma)
  const previous = tokens[runFirst - 1];
  const beforeVerb = tokens[runFirst - 2];
  return (
    previous !== undefined &&
    isSpeechCue(previous) &&
    !TOLD_FORMS.has(previous.lower) &&
    beforeVerb !== undefined &&
    INVERSION_OPENERS.has(beforeVerb.text)
  );
}

/** What may stand just before an inverted speech verb: the end of the quote or of the clause it closes. */
const INVERSION_OPENERS = new Set([',', '"', '”', '’', "'", '—', '–', '-']);

/** Surface forms of a title before a surname worth keeping as an alias ("Secretary Rubio", "Mr Blair"). */
function titledAlias(candidate: Candidate): string | null {
  if (candidate.title.length === 0 || !isSurnameOnly(candidate)) return null;
  const titleLower = candidate.title.map((word) => normalizeName(word));
  const length = titleLengthAt(titleLower, titleLower.length - 1) > 0 ? 1 : titleLower.length;
  return `${candidate.title.slice(-length).join(' ')} ${candidate.words.join(' ')}`;
}

/** Verbs after a lone surname that show it is someone acting ("Lombard was banned", "Bekele has won"). */
const PERSON_VERBS: ReadonlySet<string> = new Set(['was', 'is', 'has', 'had', 'will', 'would', 'could', 'did', 'won']);

/** Words before a lone word that make it a thing or one of a list ("her Sydney mansion", "Sony and Thomson"). */
const LONE_SURNAME_STOPS: ReadonlySet<string> = new Set(['and', 'or', 'the', 'a', 'an', 'his', 'her', 'its', 'their']);

/** A name of two words whose first opens the sentence and is an everyday word, never a given name ("Absent Trump"). */
function opensOnEverydayWord(candidate: Candidate): boolean {
  const opener = candidate.paragraph.tokens[candidate.nameFirst]!;
  return (
    candidate.words.length === 2 &&
    candidate.paragraph.sentenceOf[candidate.nameFirst] === candidate.nameFirst &&
    isEverydayWord(opener.lower) &&
    !isGivenNameForm(opener.lower)
  );
}

/** Words that are all everyday words the lexicon knows, none a name, the first no given name either. */
function isEverydayPhrase(words: readonly string[]): boolean {
  const lowers = words.map((word) => normalizeName(word));
  return !isGivenNameForm(lowers[0]!) && lowers.every((word) => isEverydayWord(word) && !isLastName(word));
}

/** Modal verbs (and "being") after a lone surname that show it is someone acting ("Obama should resign"). */
const MODAL_VERBS: ReadonlySet<string> = new Set(['should', 'must', 'can', 'cannot', 'may', 'might', 'shall', 'being']);

/**
 * `Obama should ...`, `Clinton talked about ...`, `Kennedy's speech`: a surname the name lists know, and no everyday
 * word, place or firm, owning something or doing something outside quotes is someone named by surname alone.
 */
function isKnownSurnameActing(candidate: Candidate): boolean {
  if (candidate.words.length !== 1 || candidate.title.length > 0 || candidate.evidence < 0) return false;
  const paragraph = candidate.paragraph;
  if (paragraph.quoted[candidate.nameFirst]) return false;
  const lower = normalizeName(candidate.words[0]!);
  if (!isLastName(lower) || isEverydayWord(lower) || isPlaceName(lower) || isOrganizationName(lower)) return false;
  const tokens = paragraph.tokens;
  // "polling firm Mori", "in Kent", "Nokia, Sony and Thomson are": a body, a place, or one of a list of either
  const before = tokens[candidate.runFirst - 1];
  if (
    before !== undefined &&
    ((before.text === ',' && tokens[candidate.runFirst - 2]?.capitalized === true) ||
      LONE_SURNAME_STOPS.has(before.lower) ||
      LOCATIVES.has(before.lower) ||
      ORGANISATION_NOMINALS.has(before.lower))
  ) {
    return false;
  }
  if (tokens[candidate.nameLast]!.possessive) return true;
  const next = tokens[candidate.nameLast + 1];
  return (
    next?.kind === 'word' &&
    !next.capitalized &&
    (PERSON_VERBS.has(next.lower) ||
      MODAL_VERBS.has(next.lower) ||
      isSpeechVerb(next.lower) ||
      isVerbForm(next.lower) ||
      (next.lower.endsWith('ed') && next.lower.length > 4))
  );
}

/** Capitalized words standing alone outside quotes (no capitalized word beside them): "Lombard's ban", "Lombard was". */
function loneCapitalizedWords(doc: ArticleDoc): Set<string> {
  const lone = new Set<string>();
  const joined = (other: Token | undefined): boolean => other?.kind === 'word' && other.capitalized;
  for (const paragraph of doc.paragraphs) {
    const tokens = paragraph.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (token.kind !== 'word' || !token.capitalized || paragraph.quoted[index]) continue;
      if (joined(tokens[index - 1]) || (!token.possessive && joined(tokens[index + 1]))) continue;
      // only where it acts as a person does: owning something or doing something ("the Olympic team" is no one)
      const next = tokens[index + 1];
      const acting =
        next?.kind === 'word' && !next.capitalized && (PERSON_VERBS.has(next.lower) || isSpeechVerb(next.lower));
      if (!token.possessive && !acting) continue;
      lone.add(normalizeName(token.text.replace(/['’]s?$/u, '')));
    }
  }
  return lone;
}

/** The gender the head noun of a description gives ("9/11 widow", "his wife", "the actress in the film"). */
function genderOfDescriptions(descriptions: readonly (string | null)[]): NameGender | null {
  for (const description of descriptions) {
    if (description === null) continue;
    const words = normalizeName(description).split(' ');
    const of = words.indexOf('of');
    const head = words[(of > 0 ? of : words.length) - 1];
    const gender = head === undefined ? undefined : GENDERED_TITLES[head];
    if (gender) return { gender, firm: true };
  }
  return null;
}

function genderFromTitle(title: readonly string[]): NameGender | null {
  for (const word of title) {
    const gender = GENDERED_TITLES[normalizeName(word)];
    if (gender) return { gender, firm: true };
  }
  return null;
}

/** The title phrase that ends a title prefix, when there is one ("US Secretary of State" -> 4 words). */
function endsWithTitle(title: readonly string[]): boolean {
  const lowers = title.map(normalizeName);
  return TITLE_WORD_LISTS.some(
    (phrase) =>
      phrase.length <= lowers.length &&
      phrase.every((word, offset) => lowers[lowers.length - phrase.length + offset] === word),
  );
}

/** "Dutchman", "Scotsman", "Frenchwoman": a nationality noun is a description of a person, never a name. */
export function isNationalityNoun(lower: string): boolean {
  return (
    (/(?:man|woman|men|women)$/u.test(lower) && isDemonym(lower.replace(/(?:man|woman|men|women)$/u, ''))) ||
    isDemonym(lower)
  );
}

/**
 * A mention by surname alone: one word, or a surname with its particle ("Le Pen", "van Persie"). "Abu Muntasir" is
 * a whole name: a kunya stands on its own and is how its bearer is named.
 */
function isSurnameOnly(candidate: Candidate): boolean {
  if (candidate.words.length === 1) return true;
  if (candidate.words.length !== 2) return false;
  const particle = candidate.words[0]!.toLowerCase();
  // ("Al Sharpton", "the Rev. Al Green": "Al" before a surname is a given name, unless a title follows the name as a
  // noun does a place's: "the Al Asad air base")
  if (candidate.words[0] === 'Al') {
    const next = candidate.paragraph.tokens[candidate.nameLast + 1];
    const modifies = next?.kind === 'word' && !next.capitalized && isNounOnly(next.lower);
    if (candidate.title.length > 0 || !modifies) return false;
  }
  return NAME_PARTICLES.has(particle) && !KUNYA_WORDS.has(particle);
}

/** Score how much a candidate looks like a person's name; negative for places and organisations. */
function scoreCandidate(candidate: Candidate): number {
  const lowers = candidate.words.map((word) => normalizeName(word));
  if (lowers.some((word) => isPlaceName(word) && !isFirstName(word) && !isLastName(word))) {
    if (candidate.words.length === 1) return -1;
  }
  if (lowers.some((word) => isOrganizationName(word) && !isFirstName(word))) {
    if (candidate.words.length === 1 || !isFirstName(lowers[0]!)) return -1;
  }
  // "Santa Cruz", "Fort Worth", "San Diego": a place prefix starts a place; so does a place of two words ("Sri Lanka
  // Cricket")
  if (lowers.length >= 2 && PLACE_PREFIXES.has(lowers[0]!)) return -1;
  if (lowers.length >= 2 && isPlaceName(`${lowers[0]} ${lowers[1]}`)) return -1;
  let score = 0;
  const firstWord = lowers[0] ?? '';
  const lastWord = lowers[lowers.length - 1] ?? '';
  if (candidate.words.length >= 2 && (isFirstName(firstWord) || isPersonalInitials(candidate.words[0]!))) score += 2;
  // "Bill Armstrong", "Mark Cuban": a given name that is also an everyday word, before a known surname, or before one
  // word that no word list has ("Rod Ferntree", "Hope Quarmby")
  else if (
    candidate.words.length >= 2 &&
    isGivenNameForm(firstWord) &&
    (isLastName(lastWord) ||
      (candidate.words.length === 2 &&
        !isDescribingWord(firstWord) &&
        !opensQuestion(candidate, firstWord) &&
        (isRareSurname(candidate.words[1]!) ||
          // "Bill Gates", "Will Power": a familiar form of a given name before a word no place or body has
          (FAMILIAR_GIVEN_NAMES.has(firstWord) && !isPlaceName(lastWord) && !isOrganizationName(lastWord)))))
  ) {
    score += 2;
  }
  // "Ziyi Zhang", "Ketanji Brown": a word no list knows before a surname the lists know is a given name they lack
  else if (candidate.words.length === 2 && isRareSurname(candidate.words[0]!) && isLastName(lastWord)) {
    score += 1;
  }
  if (isLastName(lastWord)) score += 1;
  // "Derval O'Rourke", "Ann McAleese": an Irish or Scottish surname form after another name word is a person's
  else if (SURNAME_FORM.test(candidate.words[candidate.words.length - 1]!))
    score += candidate.words.length >= 2 ? 2 : 1;
  // "Tsang Hoi-yan", "Alan Leung Chi-fai": a surname and a two-syllable given name, written surname first
  else if (candidate.words.length >= 2 && SYLLABLE_GIVEN_NAME.test(candidate.words[candidate.words.length - 1]!))
    score += 2;
  // "A second Iranian blogger, Motjaba Saminejad, who ...": a name set off by commas after the role it holds
  const tokens = candidate.paragraph.tokens;
  const roleBefore = tokens[candidate.runFirst - 2];
  if (
    tokens[candidate.runFirst - 1]?.text === ',' &&
    [',', '.', undefined].includes(tokens[candidate.nameLast + 1]?.text) &&
    roleBefore?.kind === 'word' &&
    !roleBefore.capitalized &&
    (isRoleNoun(roleBefore.lower) || RELATIONAL_NOUNS.has(roleBefore.lower))
  ) {
    score += 2;
  }
  // "Conservative Ngaio Pendlebury", "Labour's Chuka Obi": a party before a full name is the person's
  const partyBefore = tokens[candidate.runFirst - 1];
  const party =
    candidate.words.length >= 2 &&
    (PARTY_WORDS.has(normalizeName(candidate.title[candidate.title.length - 1] ?? '')) ||
      (candidate.title.length === 0 &&
        partyBefore?.possessive === true &&
        partyBefore.capitalized &&
        PARTY_WORDS.has(partyBefore.lower.replace(/['’]s?$/u, ''))));
  if (party) score += 2;
  if (candidate.title.length > 0 && endsWithTitle(candidate.title)) score += 2;
  else if (candidate.title.some((word) => isRoleWord(normalizeName(word)))) score += 2;
  if (candidate.roles.length > 0 || candidate.described) score += 2;
  // "Marine Le Pen", "Robin van Persie": a particle inside three or more words is a person's name
  if (lowers.length >= 3 && lowers.slice(1, -1).some((word) => NAME_PARTICLES.has(word))) score += 2;
  return score;
}

/** "Will Trump sign it?": a verb opening a question, not a given name, before the name of its subject. */
function opensQuestion(candidate: Candidate, firstWord: string): boolean {
  const { paragraph, nameFirst } = candidate;
  if (!AUXILIARY_VERBS.has(firstWord) || paragraph.sentenceOf[nameFirst] !== nameFirst) return false;
  let at = nameFirst;
  while (at + 1 < paragraph.tokens.length && paragraph.sentenceOf[at + 1] === nameFirst) at++;
  return paragraph.tokens[at]!.text === '?';
}

/** A capitalized word that no word list has and that has no common noun's ending: a surname ("Ferntree"). */
function isRareSurname(word: string): boolean {
  const lower = normalizeName(word);
  return /^\p{Lu}\p{Ll}{2,}$/u.test(word) && isRareWord(lower) && !COMMON_WORD_ENDING.test(lower);
}

/** A speech verb beside a name: "Marsh said", "says Marsh", "Marsh, the minister, said". */
function besideSpeechVerb(paragraph: ParagraphDoc, runFirst: number, nameLast: number): boolean {
  const tokens = paragraph.tokens;
  const before = tokens[runFirst - 1];
  const after = tokens[nameLast + 1];
  // "told Marsh": the one after "told" is the listener
  if (isSpeechCue(before) && !TOLD_FORMS.has(before!.lower)) return true;
  if (isSpeechCue(after)) return true;
  // "Marsh had said", "Marsh also told"
  const afterNext = tokens[nameLast + 2];
  // "Quina Jones, 25, said": an age between commas
  if (after?.text === ',' && /^\d{1,3}$/u.test(afterNext?.text ?? '') && tokens[nameLast + 3]?.text === ',') {
    if (isSpeechCue(tokens[nameLast + 4])) return true;
  }
  // "Her brother, Tomas, said": a name set off by commas after the noun that describes its bearer
  if (before?.text === ',' && after?.text === ',' && isSpeechCue(afterNext)) {
    const noun = tokens[runFirst - 2];
    if (noun?.kind === 'word' && !noun.capitalized && (RELATIONAL_NOUNS.has(noun.lower) || isRoleNoun(noun.lower))) {
      return true;
    }
  }
  // "Minera Altiplano, which is owned by Northvale, said": past the relative clause of a thing to its verb
  if (after?.text === ',' && afterNext?.lower === 'which') {
    const sentence = paragraph.sentenceOf[nameLast] ?? 0;
    for (let at = nameLast + 3; at < tokens.length && at - nameLast <= 20; at++) {
      if (paragraph.sentenceOf[at] !== sentence || paragraph.quoted[at]) break;
      if (tokens[at]!.text === ',') return isSpeechCue(tokens[at + 1]);
    }
  }
  return after?.kind === 'word' && /^(?:has|had|also|later|then|again|would|will)$/u.test(after.lower)
    ? isSpeechCue(afterNext)
    : false;
}

function isSpeechCue(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && !token.capitalized && isUnambiguousSpeechVerb(token.lower);
}

/** True when a title prefix reads as a role ("US Secretary of State", "Russian President"), not just "Mr". */
function titleRole(title: readonly string[]): string | null {
  if (title.length === 0) return null;
  return cleanRole(title.join(' '));
}

/** The text of a token range without a closing possessive ("Carnival's" -> "Carnival"). */
function runText(paragraph: ParagraphDoc, first: number, last: number): string {
  return paragraph.text.slice(paragraph.tokens[first]!.start, bareEnd(paragraph.tokens[last]!)).replace(/['’]s?$/u, '');
}

/** A word the curated lists know as a common given name or a surname. */
function isPersonWord(token: Token): boolean {
  return isCommonFirstName(token.lower) || isLastName(token.lower);
}

function isPlaceWord(token: Token): boolean {
  return isPlaceName(token.lower) || isDemonym(token.lower);
}

/**
 * An organisation named by a run: a head word ("Home Office", "Bank of England"), an acronym ("IMF"), an inner
 * capital ("BaFin"), a name the lexicon knows as an organisation, or a person's name before "campaign" or
 * "administration". Returns the range and name, or null.
 */
function organisationOf(
  paragraph: ParagraphDoc,
  first: number,
  last: number,
  person: Candidate | null,
): { first: number; last: number; name: string; guess: boolean } | null {
  const tokens = paragraph.tokens;
  let from = first;
  while (from <= last && ORGANISATION_LEAD_WORDS.has(tokens[from]!.lower)) from++;
  // (a one-word brand: "the Home Office's statement" is the Home Office's)
  if (from === last && isPossessiveBrand(paragraph, last)) {
    // the "'s" is part of the firm's name; a guess, as the possessive of someone the article names is theirs
    // ("Dolours Price ... Price's statement said")
    const name = paragraph.text.slice(tokens[from]!.start, tokens[last]!.end);
    return { first: from, last, name, guess: true };
  }
  // "Tel Aviv-based Foreign Press Association", "US-based Westinghouse": where it is based is no part of its name
  for (let index = from; index < last; index++) {
    if (/-(?:based|owned|backed|run|led|funded|listed)$/u.test(tokens[index]!.lower)) from = index + 1;
  }
  if (from > last) return null;
  // "the Clinton campaign", "the Obama administration"
  const after = tokens[last + 1];
  if (
    after?.kind === 'word' &&
    !after.capitalized &&
    ORGANISATION_NOUNS_AFTER_NAME.has(after.lower) &&
    tokens[from - 1]?.lower === 'the'
  ) {
    return { first: from, last: last + 1, name: runText(paragraph, from, last + 1), guess: false };
  }
  // a person with a title, role word or party label right before the name keeps it ("Foreign Office Minister Bill
  // Rammell", "House Democrat Tom Hale")
  const label = person && person.nameFirst > from ? tokens[person.nameFirst - 1]!.lower : '';
  // (not a name that ends on a body's head: "Foreign Relations Committees", "White House Coronavirus Task Force")
  const bodyEnd = tokens[last]!.lower;
  const endsOnHead = ORGANISATION_HEADS.has(bodyEnd) && !isLastName(bodyEnd) && !isFirstName(bodyEnd);
  // ("The campaign's Director of Communications Tim Murtaugh": a title naming what its office is of reads as a role)
  const titled = (): boolean => person!.title.includes('of') && titleRole(person!.title) !== null;
  if (person && !endsOnHead && (isRoleWord(label) || PARTY_WORDS.has(label) || titled())) {
    if (person.words.length >= 2 || isFirstName(tokens[person.nameFirst]!.lower)) return null;
  }
  let organisation = false;
  // what context alone suggests ("Oasis singer", "firm Bioware"): kept only where no person has the name
  let guess = false;
  // "Oasis singer", "Liverpool manager", "Deutsche Bank analyst": a name before a lowercase role is its employer;
  // never before a relative ("Jean Lacoste's grandfather")
  if (
    after?.kind === 'word' &&
    !after.capitalized &&
    isRoleNoun(after.lower) &&
    !FAMILY_NOUNS.has(after.lower) &&
    !isPersonWord(tokens[from]!) &&
    !isPersonWord(tokens[last]!)
  ) {
    // "US tycoon", "German chancellor", "Munich police": a place or a nationality is no employer
    const place = isPlaceWord(tokens[from]!) || isPlaceWord(tokens[last]!);
    // "Opposition leader", "Party chairman" opening a sentence: an everyday word, capitalized by its place
    const everyday = from === last && paragraph.sentenceOf[from] === from && isEverydayWord(tokens[from]!.lower);
    if (!place && !everyday && !NON_PERSON_HEADS.has(tokens[last]!.lower) && !isAcronym(tokens[last]!)) {
      guess = true;
    }
  }
  // "East Coast Trains", "Leeds Rhinos": a plural of an everyday noun ends the name of a firm or a team, unless a given
  // name or an initial opens it ("Tiger Woods", "Bill Gates", "K. Lorne Fields")
  const end = tokens[last]!.lower;
  if (
    last > from &&
    end.length > 3 &&
    end.endsWith('s') &&
    !end.endsWith('ss') &&
    isEverydayWord(end) &&
    isEverydayWord(end.slice(0, -1)) &&
    // "Four Americans", "Two Britons": people counted by where they are from
    !isNationalityNoun(end.slice(0, -1)) &&
    !NUMBER_WORDS.has(tokens[from]!.lower) &&
    !isFirstName(tokens[from]!.lower) &&
    !isGivenNameForm(tokens[from]!.lower) &&
    !/^\p{Lu}\.$/u.test(tokens[from]!.text) &&
    !HONORIFICS.has(tokens[from]!.lower) &&
    !isRoleWord(tokens[from]!.lower)
  ) {
    organisation = true;
  }
  // "UK Coal", "BT Group": an acronym and everyday words (not "VP Quell": a title)
  if (last > from && isAcronym(tokens[from]!) && !SINGLE_TITLE_WORDS.has(tokens[from]!.lower)) {
    let everyday = true;
    for (let index = from + 1; index <= last && everyday; index++) everyday = !isPersonWord(tokens[index]!);
    if (everyday) organisation = true;
  }
  // "firm Bioware", "watchdog BaFin", "news agency Associated Press": a name after its kind of body
  const kind = tokens[from - 1];
  if (
    kind?.kind === 'word' &&
    !kind.capitalized &&
    ORGANISATION_NOMINALS.has(kind.lower) &&
    !isPersonWord(tokens[from]!) &&
    // "centre Olly Barkley, who": a position that is also a kind of body, and "who" says it is held by someone
    !(PERSON_OR_BODY_NOUNS.has(kind.lower) && isTakenUpByWho(tokens, last))
  ) {
    guess = true;
  }
  // "Group Menatep", "Banco Santander": a head opening the name before a word that is no given name (not "Navy SEAL
  // Ty Hale": a unit and a rank before a given name and a surname)
  const fullNameAfter =
    person !== null &&
    person.words.length >= 2 &&
    person.nameFirst > from + 1 &&
    isFirstName(normalizeName(person.words[0]!));
  if (
    last > from &&
    ORGANISATION_HEADS.has(tokens[from]!.lower) &&
    !isFirstName(tokens[from + 1]!.lower) &&
    !fullNameAfter
  ) {
    if (!isRoleWord(tokens[last]!.lower)) organisation = true;
  }
  // "an analyst at Merrill Lynch", "a director with Morgan Stanley": where someone works is a body
  const link = tokens[from - 1]?.lower;
  if ((link === 'at' || link === 'with') && isRoleNoun(tokens[from - 2]?.lower ?? '')) guess = true;
  // "shares in UK Coal", "Carnival shares": only companies have shares
  const before = tokens[from - 1]?.lower;
  if ((before === 'in' || before === 'of') && tokens[from - 2]?.lower === 'shares') guess = true;
  if (after?.lower === 'shares' || (tokens[last]!.possessive && tokens[last + 1]?.lower === 'shares')) guess = true;
  for (let index = from; index <= last; index++) {
    const token = tokens[index]!;
    const lower = token.lower;
    // ("J&J", "M&S": an ampersand inside one word joins a firm's initials)
    if (token.text.includes('&') || token.text === '/') organisation = true;
    const headAtEnd = index === last || tokens[index + 1]?.lower === 'of';
    if (ORGANISATION_HEADS.has(lower) && headAtEnd && index > from) organisation = true;
    // "Ridgeback Biotherapeutics", "Regenxbio Pharmaceuticals": a line of business grown into the last word
    if (index === last && index > from && BUSINESS_SUFFIX.test(lower)) organisation = true;
    // "Department of Transport", "University of Leeds": a head opening the run before "of"
    if (ORGANISATION_HEADS.has(lower) && index === from && tokens[index + 1]?.lower === 'of') organisation = true;
  }
  if (from === last) {
    const token = tokens[from]!;
    const word = token.text.replace(/['’]s?$/u, '');
    // (not "Authenti-corp's CEO": a role's letters are someone's post, no body's name)
    const roleLetters = /^\p{Lu}{2,3}$/u.test(word) && isRoleNoun(normalizeName(word));
    if ((isAcronym(token) && !roleLetters) || (INNER_CAPITAL.test(word) && word.length > 3 && !CAMEL_NAME.test(word))) {
      organisation = true;
    }
    if (isOrganizationName(token.lower) && !isFirstName(token.lower) && !isLastName(token.lower)) organisation = true;
  } else if (
    !person ||
    person.words.length < 2 ||
    !isFirstName(normalizeName(person.words[0]!)) ||
    // ("Aston Villa", "Wells Fargo": a body the lexicon knows, though it opens on a given name, unless a title says
    // someone bears the name)
    person.title.length === 0
  ) {
    if (isOrganizationName(normalizeName(runText(paragraph, from, last)))) organisation = true;
  }
  const runKey = normalizeName(runText(paragraph, from, last));
  if (SEATS_OF_POWER.has(runKey)) organisation = true;
  // "China said", "North Korea has said": a country that speaks is its government (not "Jordan", also a name)
  if (
    isCountryName(runKey) &&
    !isFirstName(normalizeName(tokens[from]!.text)) &&
    !isLastName(normalizeName(tokens[last]!.text)) &&
    besideSpeechVerb(paragraph, from, last)
  ) {
    organisation = true;
  }
  if (!organisation && !guess) return null;
  return { first: from, last, name: runText(paragraph, from, last), guess: !organisation };
}

/** Find the people and organisations of an article: names, aliases, roles, and every mention. */
export function findEntities(doc: ArticleDoc): EntityIndex {
  const candidates: Candidate[] = [];
  // the headline last and apart: the body decides who its names are, the headline adds only the people it alone names
  const paragraphs = doc.headline ? [...doc.paragraphs, doc.headline] : doc.paragraphs;
  for (const paragraph of paragraphs) {
    if (paragraph.heading) continue;
    const titleCased = paragraph.headline ? titleCasedHeadline(paragraph) : titleCasedSentences(paragraph);
    for (const [first, last] of collectRuns(paragraph)) {
      // most runs are one capitalized sentence word ("The", "But", "In"): nothing to look at
      if (first === last && NON_NAME_WORDS.has(paragraph.tokens[first]!.lower)) continue;
      // "Additional reporting by": a credit line's word, not a name
      if (isCreditOpening(paragraph.tokens, last)) continue;
      const linkOnly = titleCased.has(paragraph.sentenceOf[first] ?? 0);
      const label = paragraph.headline ? null : transcriptLabel(paragraph, first, last);
      if (label) {
        candidates.push(labelCandidate(paragraph, first, last, label, candidates.length));
        continue;
      }
      const split = splitRun(paragraph, first, last, candidates.length, linkOnly);
      const organisation = organisationOf(paragraph, first, last, split);
      // (a body the headline alone names is no speaker the body could quote)
      if (organisation && paragraph.headline) continue;
      if (organisation) {
        candidates.push({
          paragraph,
          runFirst: organisation.first,
          nameFirst: organisation.first,
          nameLast: organisation.last,
          words: [organisation.name],
          title: [],
          roles: [],
          evidence: 3,
          kind: 'organisation',
          speaking: besideSpeechVerb(paragraph, organisation.first, organisation.last),
          described: false,
          linkOnly,
          nickname: null,
          guess: organisation.guess,
          order: candidates.length,
          describedGender: null,
          thing: false,
          personCue: false,
        });
        continue;
      }
      if (!split) continue;
      const candidate = split;
      // a name that may only stand for someone named elsewhere: a nickname in marks, "the Harry Potter films"
      if (isNameInMarks(paragraph, candidate) || isDeterminedName(paragraph, candidate)) candidate.linkOnly = true;
      // "Backs: Tom Ardill (Rovers), Kieran Mulvey (City), ...": a team sheet is title-cased, but each of its entries
      // is someone
      const lineUp = !paragraph.headline && isLineUpEntry(paragraph, candidate, linkOnly);
      if (lineUp) candidate.linkOnly = false;
      const rawRoles = [
        // ("Counselor to the President Kellyanne Conway": the office the counselor serves, not hers; "a President
        // Clinton could": an office someone might hold)
        isObjectOfPhrase(paragraph.tokens, candidate.runFirst) ||
        isHypotheticalTitle(paragraph.tokens, candidate.runFirst)
          ? null
          : titleRole(candidate.title),
        rolePhraseBefore(paragraph, candidate.runFirst, candidate.nameLast),
        appositiveAfter(paragraph, candidate.nameLast),
      ];
      candidate.described = rawRoles.some((role) => role !== null);
      const nounBefore = paragraph.tokens[candidate.runFirst - 1];
      candidate.describedGender =
        genderFromTitle(candidate.title) ??
        genderOfDescriptions(rawRoles) ??
        (nounBefore?.kind === 'word' && !nounBefore.capitalized ? genderOfDescriptions([nounBefore.lower]) : null);
      // ("X, a former senator from Minnesota,": a description after the name may go on past its role)
      candidate.roles = rawRoles.flatMap((role, at) => {
        if (role === null) return [];
        const roles = cleanRoles(role);
        const leading = roles.length === 0 && at === 2 ? leadingRole(role) : null;
        return leading === null ? roles : [leading];
      });
      const listRole = pluralRoleBefore(paragraph, candidate, rawRoles[0] ?? null, rawRoles[1] ?? null);
      if (listRole) candidate.listRole = listRole;
      candidate.evidence = scoreCandidate(candidate);
      // "in Bradford", "at Leyton Orient": a name where something happens is a place or a club, unless a title, a
      // role, a possessive or "who" says it is someone ("at John Smith's house", "an interest in Samuel Eto'o, who")
      const link = paragraph.tokens[candidate.runFirst - 1];
      const relative = paragraph.tokens[candidate.nameLast + 2]?.lower;
      // ("fired back at Mitt Romney", "took a swipe at X": "at" after these names whom, not where)
      const target = link?.lower === 'at' && AT_TARGETS.has(paragraph.tokens[candidate.runFirst - 2]?.lower ?? '');
      if (
        link !== undefined &&
        LOCATIVES.has(link.lower) &&
        !target &&
        candidate.title.length === 0 &&
        !candidate.described &&
        !paragraph.tokens[candidate.nameLast]!.possessive &&
        !(paragraph.tokens[candidate.nameLast + 1]?.text === ',' && (relative === 'who' || relative === 'whose'))
      ) {
        candidate.evidence -= 2;
      }
      candidate.speaking = besideSpeechVerb(paragraph, candidate.runFirst, candidate.nameLast);
      if (candidate.speaking) candidate.evidence += 1;
      if (isNamedSpeaker(candidate)) candidate.evidence = Math.max(candidate.evidence, 2);
      if (lineUp && candidate.evidence >= 0) {
        const lowers = candidate.words.map((word) => normalizeName(word));
        // ("K Farrelly": an initial, whatever the lexicon makes of the letter)
        const initial = /^\p{Lu}\.?$/u.test(candidate.words[0]!);
        const rest = initial ? candidate.words.slice(1) : candidate.words;
        // ("D Peel", "G Thomas": after an initial on a team sheet, any word but a place's is a surname)
        const initialled = initial && rest.length === 1 && !isPlaceName(lowers[1]!) && !isOrganizationName(lowers[1]!);
        const nameLike =
          isUnknownNameLike(candidate.words, lowers) ||
          (initial && isUnknownNameLike(rest, lowers.slice(1))) ||
          initialled;
        if (isFirstName(lowers[0]!) || nameLike) {
          candidate.evidence = Math.max(candidate.evidence, 2);
        }
      }
      const next = paragraph.tokens[candidate.nameLast + 1];
      if (isTakenUpByWho(paragraph.tokens, candidate.nameLast)) {
        candidate.evidence += 1;
        // "centre Olly Barkley, who withdrew": words no list knows, in the middle of a sentence, that "who" takes
        // up are a person's full name (a team of everyday or place words, "Aston Villa, who", is not)
        const lowers = candidate.words.map((word) => normalizeName(word));
        if (
          candidate.words.length >= 2 &&
          candidate.evidence >= 0 &&
          (paragraph.sentenceOf[candidate.runFirst] ?? 0) !== candidate.runFirst &&
          isUnknownNameLike(candidate.words, lowers)
        ) {
          candidate.evidence = Math.max(candidate.evidence, 2);
        }
      }
      // "Tomas Okafor, 25, was arrested", "Tomas Okafor, aged 25,": only people have ages
      const ageAt = paragraph.tokens[candidate.nameLast + 2]?.lower === 'aged' ? 3 : 2;
      const aged =
        next?.text === ',' &&
        /^\d{1,3}$/u.test(paragraph.tokens[candidate.nameLast + ageAt]?.text ?? '') &&
        [',', '.'].includes(paragraph.tokens[candidate.nameLast + ageAt + 1]?.text ?? '');
      if (aged && candidate.evidence >= 0) candidate.evidence += 2;
      // "As for Tomas Okafor, he was ...": a full name taken up by "he" or "she" names a person
      const pronoun = next?.text === ',' ? paragraph.tokens[candidate.nameLast + 2]?.lower : undefined;
      if (
        (pronoun === 'he' || pronoun === 'she') &&
        candidate.words.length >= 2 &&
        candidate.evidence >= 0 &&
        !PLACE_LINKS.has(paragraph.tokens[candidate.runFirst - 1]?.lower ?? '')
      ) {
        candidate.evidence += 2;
      }
      candidate.thing = readsAsThing(paragraph, candidate);
      candidate.personCue =
        aged ||
        pronoun === 'he' ||
        pronoun === 'she' ||
        candidate.roles.length > 0 ||
        candidate.title.some((word) => isRoleWord(normalizeName(word)) || HONORIFICS.has(normalizeName(word)));
      // "Zero Hedge wrote", "Royal Mail said": a name of everyday words beside a speech verb that is no person's
      // speaks as an organisation
      // (not "de Jong said": a surname with its particle is a person's; "Al Arabiya" may be either)
      const particleSurname = isSurnameOnly(candidate) && candidate.words[0]!.toLowerCase() !== 'al';
      // (and "Minera Altiplano, which is owned by ..., said": what "which" takes up is a thing, and one that speaks is
      // a body)
      if (
        candidate.speaking &&
        candidate.words.length >= 2 &&
        (candidate.evidence < 2 ||
          (candidate.thing && isTakenUpByWhich(paragraph.tokens, candidate.nameLast)) ||
          speaksInItsOwn(paragraph.tokens, candidate.nameLast)) &&
        candidate.title.length === 0 &&
        !particleSurname
      ) {
        candidate.kind = 'organisation';
        candidate.words = [candidate.words.join(' ')];
        candidate.evidence = 3;
        candidate.guess = true;
      }
      // "The Fed said", "the Commission said": one capitalized word after "the" that speaks is a body, unless it is a
      // role, a title, a nationality, a party or a name the lists know ("the Pope", "the Scot", "the Democrat");
      // "Glaxo said its profits ...": so is one no name list knows that speaks of "its" own
      if (isSpeakingBodyWord(paragraph, candidate) || speaksOfItsOwn(paragraph, candidate)) {
        candidate.kind = 'organisation';
        candidate.evidence = 3;
        candidate.guess = true;
        candidate.linkOnly = false;
      }
      candidates.push(candidate);
    }
  }
  const headline = candidates.filter((candidate) => candidate.paragraph.headline);
  const body = headline.length === 0 ? candidates : candidates.filter((candidate) => !candidate.paragraph.headline);
  shareListEvidence(body);
  shareListEvidence(headline);
  shareListRoles(body);
  shareSpeakerSurnameEvidence(body);
  body.push(...coordinatedNames(body));
  const index = assemble(body, loneCapitalizedWords(doc), headline);
  addWordSurnames(doc, index);
  if (doc.headline) completeFromHeadline(doc.headline, index);
  return index;
}

/**
 * "Jason King ... King says", "Martin Baron ... said Baron", "Theresa May ... May said": a surname that is also a
 * title or an everyday word, standing alone where a person acts, is the one person of the article with that surname
 * (never after a determiner: "the King" is a monarch). The name finder cannot tell such a word from a title by
 * itself; the full name the article gives can.
 */
function addWordSurnames(doc: ArticleDoc, index: EntityIndex): void {
  const bySurname = new Map<string, Entity | null>();
  for (const entity of index.entities) {
    const key = entity.kind === 'person' ? entity.surnameKey : entity.key;
    if (entity.kind === 'person' && entity.key === key) continue;
    bySurname.set(key, bySurname.has(key) || entity.kind !== 'person' ? null : entity);
  }
  if (bySurname.size === 0) return;
  let added = false;
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) continue;
    const tokens = paragraph.tokens;
    const named = index.byParagraph.get(paragraph.index) ?? [];
    const before = named.length;
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!;
      if (token.kind !== 'word' || !token.capitalized || paragraph.quoted[at]) continue;
      const previous = tokens[at - 1];
      const next = tokens[at + 1];
      if (isWord(previous) && (previous.capitalized || NOUN_DETERMINERS.has(previous.lower))) continue;
      if (!token.possessive && isWord(next) && next.capitalized) continue;
      const entity = bySurname.get(normalizeName(token.text.replace(/['’]s?$/u, '')));
      if (!entity) continue;
      const acting =
        token.possessive ||
        (isWord(next) && (isSpeechVerb(next.lower) || PERSON_VERBS.has(next.lower))) ||
        (isWord(previous) && isSpeechVerb(previous.lower) && !previous.capitalized);
      if (!acting || named.some((mention) => mention.firstToken <= at && at <= mention.lastToken)) continue;
      const mention: EntityMention = {
        entity,
        paragraphIndex: paragraph.index,
        firstToken: at,
        lastToken: at,
        start: paragraph.offset + token.start,
        end: paragraph.offset + bareEnd(token),
        inQuote: false,
        subject: !ownsNext(paragraph, at) && isSubjectPosition(paragraph, at, at),
        sentenceStart: paragraph.sentenceOf[at] ?? 0,
        closesParagraph: paragraph.sentenceOf[at] === paragraph.sentenceOf[tokens.length - 1],
      };
      named.push(mention);
      index.mentions.push(mention);
    }
    if (named.length > before) {
      named.sort((a, b) => a.firstToken - b.firstToken);
      index.byParagraph.set(paragraph.index, named);
      added = true;
    }
  }
  if (!added) return;
  // mentions in document order again: paragraphs in order, the headline's last
  const rank = (mention: EntityMention) =>
    mention.paragraphIndex < 0 ? Number.MAX_SAFE_INTEGER : mention.paragraphIndex;
  index.mentions.sort((a, b) => rank(a) - rank(b) || a.firstToken - b.firstToken);
}

/**
 * An entry of a team sheet or a list of nominees: a full name with what it plays for or stands for in brackets, set
 * in a list of such entries ("Backs: Tom Ardill (Rovers), Kieran Mulvey (City, capt), ...").
 */
function isLineUpEntry(paragraph: ParagraphDoc, candidate: Candidate, titleCased: boolean): boolean {
  if (candidate.words.length < 2 || candidate.words.length > 4 || candidate.title.length > 0) return false;
  const tokens = paragraph.tokens;
  if (tokens[candidate.nameLast + 1]?.text !== '(' || !isRunToken(tokens[candidate.nameLast + 2] ?? tokens[0]!)) {
    return titleCased && isListedFullName(paragraph, candidate);
  }
  let close = candidate.nameLast + 3;
  while (close < tokens.length && close - candidate.nameLast <= 8 && tokens[close]!.text !== ')') close++;
  if (tokens[close]?.text !== ')') return false;
  const before = tokens[candidate.runFirst - 1];
  // an entry after another, or one with another after it
  const afterEntry = before?.text === ',' && tokens[candidate.runFirst - 2]?.text === ')';
  const opensList =
    (before === undefined || before.text === ':' || before.text === ',' || before.text === ';') &&
    [',', ';'].includes(tokens[close + 1]?.text ?? '') &&
    isRunToken(tokens[close + 2] ?? tokens[0]!) &&
    isRunToken(tokens[close + 3] ?? tokens[0]!);
  return afterEntry || opensList;
}

/**
 * "Backs: Dimitri Alvane, Pierre Mourlon, Yann Tessier, ...": a full name set between the separators of a list of full
 * names (a team sheet without clubs).
 */
function isListedFullName(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  const tokens = paragraph.tokens;
  const separator = (token: Token | undefined): boolean => token !== undefined && [',', ';', ':'].includes(token.text);
  const before = tokens[candidate.runFirst - 1];
  // "G Thomas (capt);": a note in brackets after the name, before the separator
  const noted =
    tokens[candidate.nameLast + 1]?.text === '(' &&
    tokens[candidate.nameLast + 2]?.kind === 'word' &&
    tokens[candidate.nameLast + 3]?.text === ')';
  const end = noted ? candidate.nameLast + 3 : candidate.nameLast;
  const after = tokens[end + 1];
  const opens =
    before === undefined || separator(before) || candidate.runFirst === paragraph.sentenceOf[candidate.runFirst];
  const closes = after === undefined || separator(after) || after.text === '.' || after.lower === 'and';
  if (!opens || !closes) return false;
  const run = (at: number): boolean => tokens[at] !== undefined && isRunToken(tokens[at]!);
  // a full name listed before or after it
  const previous = separator(before) && run(candidate.runFirst - 2) && run(candidate.runFirst - 3);
  const next = (separator(after) || after?.lower === 'and') && run(end + 2) && run(end + 3);
  return previous || next;
}

/**
 * The colon that ends a transcript's speaker label whose name ends at token `last`: right after it (`PENCE:`), or
 * after the speaker's role in capitals (`DANA WHITFIELD, HOST:`). Null when there is none.
 */
export function transcriptColon(tokens: readonly Token[], last: number): number | null {
  let at = last + 1;
  if (tokens[at]?.text === ',') {
    let role = at + 1;
    while (role - at <= 3 && tokens[role]?.kind === 'word' && /^\p{Lu}[\p{Lu}'’-]+$/u.test(tokens[role]!.text)) role++;
    if (role > at + 1) at = role;
  }
  return tokens[at]?.text === ':' ? at : null;
}

/**
 * `PENCE: Well, look, ...`: a transcript's speaker label, a name in capitals opening its paragraph before a colon.
 * Returns its words as a name is written ("Pence"), or null.
 */
function transcriptLabel(paragraph: ParagraphDoc, first: number, last: number): string[] | null {
  const tokens = paragraph.tokens;
  if (transcriptColon(tokens, last) === null || last - first > 2) return null;
  const opens = first === 0 || (first === 1 && OPENING_MARKS.has(tokens[0]!.text));
  if (!opens) return null;
  const words: string[] = [];
  for (let index = first; index <= last; index++) {
    const text = tokens[index]!.text;
    if (!/^\p{Lu}[\p{Lu}'’-]+$/u.test(text)) return null;
    words.push(text[0]! + text.slice(1).toLowerCase());
  }
  return words.join('').length >= 4 ? words : null;
}

/**
 * A transcript's speaker label: it may name someone the article names, never someone new ("CORRECTION:"), unless
 * it is a given name and a surname ("JAKE TAPPER:" introduces the host the later "TAPPER:" lines are).
 */
function labelCandidate(
  paragraph: ParagraphDoc,
  first: number,
  last: number,
  words: string[],
  order: number,
): Candidate {
  return {
    paragraph,
    runFirst: first,
    nameFirst: first,
    nameLast: last,
    words,
    title: [],
    roles: [],
    evidence: 2,
    kind: 'person',
    speaking: true,
    described: false,
    linkOnly: !(
      words.length >= 2 &&
      isCommonFirstName(normalizeName(words[0]!)) &&
      !isEverydayWord(normalizeName(words[words.length - 1]!))
    ),
    nickname: null,
    guess: false,
    order,
    describedGender: null,
    thing: false,
    personCue: false,
  };
}

/** Lowercase words after a name that make it a thing's: plural verbs ("Merrill Lynch are"). */
const THING_FOLLOWERS: ReadonlySet<string> = new Set(['are', 'have']);

/** "its chief executive officer,": a role phrase up to its closing comma or stop whose head only a person holds. */
function isPersonHeldRoleAt(tokens: readonly Token[], from: number): boolean {
  for (let index = from; index < tokens.length && index - from < 6; index++) {
    const token = tokens[index]!;
    if (token.text !== ',' && token.text !== '.') continue;
    const head = tokens[index - 1];
    // ("its president and CEO": a role in capitals is an abbreviation, not a name)
    return (
      index > from &&
      head?.kind === 'word' &&
      (!head.capitalized || head.text === head.text.toUpperCase()) &&
      isRoleNoun(head.lower) &&
      !BODY_HELD_ROLES.has(head.lower)
    );
  }
  return false;
}

/**
 * A mention that reads as a work, a band or a firm named like a person: after the kind of thing it is ("drama Vera
 * Drake", "investment bank Merrill Lynch"), before what it names ("the Harry Potter films"), with a plural verb
 * ("Merrill Lynch are"), taken up by "which" or "its", owning what only a body has ("the offices of X"), as a work's
 * title, or as the maker or the work of the person a role and a name after it describe ("Harry Potter director Alfonso Cuaron").
 */
function readsAsThing(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  const tokens = paragraph.tokens;
  const before = tokens[candidate.runFirst - 1];
  const next = tokens[candidate.nameLast + 1];
  const afterNext = tokens[candidate.nameLast + 2];
  if (isNamedAfterSomeone(candidate.words)) return true;
  // (not "publisher Kimberly Quinn": a kind of body that may be a person's job)
  if (candidate.title.length === 0 && before?.kind === 'word' && !before.capitalized && !isRoleNoun(before.lower)) {
    if (ORGANISATION_NOMINALS.has(before.lower) || WORK_NOUNS.has(before.lower)) {
      return !PERSON_OR_BODY_NOUNS.has(before.lower);
    }
  }
  // "the London offices of Merrill Lynch": what only a body has
  if (before?.lower === 'of' && BODY_ONLY_NOUNS.has(tokens[candidate.runFirst - 2]?.lower ?? '')) return true;
  // "X, which ...", "Morgan Stanley, its former banker": taken up by what only a thing is (not "Alan Vale, its
  // founder,": a job only a person holds)
  if (next?.text === ',' && afterNext?.lower === 'which') return true;
  if (next?.text === ',' && afterNext?.lower === 'its') return !isPersonHeldRoleAt(tokens, candidate.nameLast + 3);
  if (readsAsTitle(paragraph, candidate) || isListedThing(paragraph, candidate.runFirst)) return true;
  if (next?.kind !== 'word' || next.capitalized || tokens[candidate.nameLast]!.possessive) return false;
  // "Willowfield claimed their first title": one name that does something to "their" is a team or a band
  if (
    afterNext?.lower === 'their' &&
    (isVerbForm(next.lower) || next.lower.endsWith('ed')) &&
    !ROLE_STOP_WORDS.has(before?.lower ?? '') &&
    before?.text !== ',' &&
    !isRoleNoun(before?.lower ?? '')
  ) {
    return true;
  }
  // "the Harry Potter films", not "Jude Law film Closer" (a work of the person's, titled after)
  if (WORK_NOUNS.has(next.lower)) return afterNext === undefined || !isRunToken(afterNext);
  // "Merrill Lynch are": a name opening its sentence with a plural verb (not "Smith and Jones are")
  if (THING_FOLLOWERS.has(next.lower)) return candidate.runFirst === paragraph.sentenceOf[candidate.runFirst];
  // "Harry Potter director Alfonso Cuaron", "Morgan Stanley equity strategist Naoki Kamiyama": a full name before a
  // role and another name
  if (candidate.words.length < 2 || afterNext === undefined) return false;
  // (not "Hillary Clinton aide Cheryl Mills": a person has aides, but no stars, analysts or frontmen)
  if (WORK_ROLE_NOUNS.has(next.lower)) return isRunToken(afterNext);
  const modifier = !ROLE_STOP_WORDS.has(next.lower) && !isVerbForm(next.lower) && !isSpeechVerb(next.lower);
  const name = tokens[candidate.nameLast + 3];
  return modifier && WORK_ROLE_NOUNS.has(afterNext.lower) && name !== undefined && isRunToken(name);
}

/**
 * "Colin McRae Rally": a given name and a surname before an everyday word that is no name (not even one also a given
 * name, as "Wood" or "King" are) name a thing after someone.
 */
function isNamedAfterSomeone(words: readonly string[]): boolean {
  if (words.length < 3) return false;
  const last = normalizeName(words[words.length - 1]!);
  const before = words[words.length - 2]!;
  if (!isEverydayWord(last) || isLastName(last) || isGivenNameForm(last)) return false;
  return isLastName(normalizeName(before)) || SURNAME_FORM.test(before);
}

/**
 * A full name that is a work's title, or opens one: "Bridget Jones: The Edge of Reason", "Harry Potter and the
 * Prisoner of Azkaban", "Mike Leigh's Vera Drake", "Vera Drake, Mike Leigh's drama".
 */
function readsAsTitle(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  if (candidate.words.length < 2 || candidate.title.length > 0) return false;
  const tokens = paragraph.tokens;
  const last = tokens[candidate.nameLast]!;
  const next = tokens[candidate.nameLast + 1];
  const afterNext = tokens[candidate.nameLast + 2];
  const third = tokens[candidate.nameLast + 3];
  if (next?.text === ':' && afterNext?.lower === 'the' && afterNext.capitalized) return true;
  // a title word after "and the", not a party, a body or an office ("Tony Blair and the Labour Party", "the Queen")
  if (next?.lower === 'and' && afterNext?.lower === 'the' && third !== undefined && isRunToken(third)) {
    // ("Frank Sinatra and the Rat Pack" is two acts: only "the Prisoner of ..." reads as a title)
    return isTitleWordOfWork(third) && tokens[candidate.nameLast + 4]?.lower === 'of';
  }
  // "Harry Potter and Order of the Phoenix": the same without its article, before "of the" (not "warrior Genghis
  // Khan and Grandchild of the Holocaust", a person a role describes, and a work)
  if (
    !candidate.described &&
    next?.lower === 'and' &&
    afterNext !== undefined &&
    isRunToken(afterNext) &&
    isTitleWordOfWork(afterNext) &&
    !afterNext.lower.endsWith('s') &&
    third?.lower === 'of' &&
    tokens[candidate.nameLast + 4]?.lower === 'the'
  ) {
    return true;
  }
  if (last.possessive) return false;
  // "Mike Leigh's Vera Drake": a full name owned by a person's full name (not "Aston Villa's Carlton Cole")
  const owner = tokens[candidate.runFirst - 1];
  const ownerFirst = tokens[candidate.runFirst - 2];
  if (
    owner?.possessive &&
    owner.capitalized &&
    !isEverydayWord(owner.lower) &&
    !isPlaceName(owner.lower) &&
    !isOrganizationName(owner.lower) &&
    ownerFirst?.capitalized &&
    isCommonFirstName(ownerFirst.lower) &&
    !tokens[candidate.runFirst - 3]?.capitalized
  ) {
    return true;
  }
  // "Vera Drake, Mike Leigh's tale about ...", "Vera Drake - Leigh's 1950s drama": an appositive naming the work of
  // someone
  if ((next?.text === ',' || DASH_MARKS.has(next?.text ?? '')) && afterNext !== undefined && isRunToken(afterNext)) {
    for (let index = candidate.nameLast + 2; index < candidate.nameLast + 6; index++) {
      const token = tokens[index];
      if (token === undefined || !isRunToken(token)) return false;
      if (!token.possessive) continue;
      const work = tokens[index + 1];
      return (
        WORK_NOUNS.has(work?.lower ?? '') || (work?.kind === 'word' && WORK_NOUNS.has(tokens[index + 2]?.lower ?? ''))
      );
    }
  }
  return false;
}

/**
 * A name in a list the kind of its items opens: "the financial institutions JP Morgan Chase, Citigroup, Merrill Lynch
 * and ...", "box office hits X, Y and Z", "companies such as Nokia, Sagem and Thomson".
 */
function isListedThing(paragraph: ParagraphDoc, runFirst: number): boolean {
  const tokens = paragraph.tokens;
  let index = runFirst - 1;
  // back over the items before, their commas and "and"
  for (let steps = 0; index >= 0 && steps < 16; steps++, index--) {
    const token = tokens[index]!;
    if (token.text !== ',' && token.lower !== 'and' && !isRunToken(token)) break;
  }
  // the list starts with a name ("films, Alfonso Cuaron brings" is no list)
  if (!isRunToken(tokens[index + 1] ?? tokens[runFirst]!)) return false;
  let at = index;
  if (tokens[at]?.lower === 'like' || tokens[at]?.lower === 'including') at--;
  else if (tokens[at]?.lower === 'as' && tokens[at - 1]?.lower === 'such') at -= 2;
  const kind = tokens[at];
  // (capitalized only by opening the sentence: "Lenders including ...")
  if (kind?.kind !== 'word' || (kind.capitalized && paragraph.sentenceOf[at] !== at)) return false;
  const lower = kind.lower;
  if (THING_LIST_KINDS.has(lower)) return true;
  if (!lower.endsWith('s')) return false;
  // "companies", "movies", "banks": the plural of a kind of body or work
  const singulars = [lower.slice(0, -1), lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : ''];
  return singulars.some((singular) => ORGANISATION_NOMINALS.has(singular) || WORK_NOUNS.has(singular));
}

/** A capitalized word that may start a work's title: no party, body, office, acronym or name. */
function isTitleWordOfWork(token: Token): boolean {
  const lower = token.lower;
  return (
    !PARTY_WORDS.has(lower) &&
    !NON_PERSON_HEADS.has(lower) &&
    !ORGANISATION_HEADS.has(lower) &&
    !SINGLE_TITLE_WORDS.has(lower) &&
    !isAcronym(token) &&
    !isFirstName(lower) &&
    !isLastName(lower) &&
    !isPlaceName(lower)
  );
}

const OPENING_MARKS: ReadonlySet<string> = new Set(['"', '“', '‘', "'"]);
const CLOSING_MARKS: ReadonlySet<string> = new Set(['"', '”', '’', "'"]);

/** `called her "Miss Piggy"`: a name that is all its marks hold is a nickname or a title, not someone introduced. */
function isNameInMarks(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  const tokens = paragraph.tokens;
  const before = tokens[candidate.runFirst - 1];
  if (before?.kind !== 'punct' || !OPENING_MARKS.has(before.text)) return false;
  let after = candidate.nameLast + 1;
  if (tokens[after]?.text === ',' || tokens[after]?.text === '.') after++;
  const close = tokens[after];
  return close?.kind === 'punct' && CLOSING_MARKS.has(close.text);
}

/**
 * "the Flora Lite road race", "a Whistler painting", "the former Miss Universe": a name after an article is a thing
 * named after someone, or a title held, not a person (who is named without one, or with a title: "the Rev Ann Cole").
 */
/**
 * A single capitalized word after "the" beside a speech verb that no list knows as a person's, a place or a family:
 * "The Fed said", "the Bundesbank said", "the Taliban said".
 */
function isSpeakingBodyWord(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  if (!candidate.speaking || candidate.words.length !== 1 || candidate.title.length > 0) return false;
  if (paragraph.tokens[candidate.runFirst - 1]?.lower !== 'the') return false;
  const lower = normalizeName(candidate.words[0]!);
  // (not a family, "the Khans", nor a place, "the Caribbean", nor a described name, "the Oscar-nominated Owen")
  if (/[^s]s$/u.test(lower) || isPlaceName(lower) || candidate.words[0]!.includes('-')) return false;
  return (
    !isRoleWord(lower) &&
    !isNationalityNoun(lower) &&
    !isDemonym(lower) &&
    !PARTY_WORDS.has(lower) &&
    !HONORIFICS.has(lower) &&
    !isFirstName(lower) &&
    !isLastName(lower)
  );
}

function isDeterminedName(paragraph: ParagraphDoc, candidate: Candidate): boolean {
  const tokens = paragraph.tokens;
  let before = candidate.runFirst - 1;
  const single = candidate.words.length === 1;
  if (candidate.title.length > 0) {
    // only an honorific before a single word: "the former Miss Universe", not "the Rev Jesse Cole"
    if (!single || !candidate.title.every((word) => HONORIFICS.has(normalizeName(word)))) return false;
    if (tokens[before]?.lower === 'former') before--;
  }
  const article = tokens[before];
  return article?.kind === 'word' && (article.lower === 'the' || article.lower === 'a' || article.lower === 'an');
}

/** Two people named one after the other in a list: "A, B", "A and B", "A, and B". */
function isListedAfter(a: Candidate, b: Candidate): boolean {
  if (a.paragraph !== b.paragraph || a.kind !== 'person' || b.kind !== 'person') return false;
  const tokens = a.paragraph.tokens;
  const last = tagEnd(a);
  const between = b.runFirst - last - 1;
  const first = tokens[last + 1];
  if (between === 1) return first?.text === ',' || first?.lower === 'and';
  return between === 2 && first?.text === ',' && tokens[last + 2]?.lower === 'and';
}

/** The last token of a name with the party tag after it ("Joe Manchin (D-WV)"), or of the name alone. */
function tagEnd(candidate: Candidate): number {
  const tokens = candidate.paragraph.tokens;
  const last = candidate.nameLast;
  if (tokens[last + 1]?.text !== '(') return last;
  for (let at = last + 2; at < tokens.length && at <= last + 8; at++) if (tokens[at]!.text === ')') return at;
  return last;
}

/**
 * The role a plural before a name gives every name of the list it opens ("former presidents X, Y and Z", "Senators X
 * and Y", "anchors X and Y"), in the singular, or null.
 */
function pluralRoleBefore(
  paragraph: ParagraphDoc,
  candidate: Candidate,
  titleRaw: string | null,
  phraseRaw: string | null,
): string | null {
  const before = paragraph.tokens[candidate.runFirst - 1];
  if (phraseRaw && before?.kind === 'word' && !before.capitalized && isPluralRoleNoun(before.lower)) {
    return cleanRole(phraseRaw);
  }
  const lastTitle = candidate.title.at(-1);
  if (titleRaw && lastTitle !== undefined && isPluralRoleNoun(normalizeName(lastTitle))) return cleanRole(titleRaw);
  return null;
}

/** Each name of a list after one given a role in the plural has that role too, unless it has one of its own. */
function shareListRoles(candidates: readonly Candidate[]): void {
  for (let at = 0; at + 1 < candidates.length; at++) {
    const a = candidates[at]!;
    // (a party tag's state, "(Ky.)", is no entry of the list)
    let next = at + 1;
    while (
      next < candidates.length &&
      candidates[next]!.paragraph === a.paragraph &&
      candidates[next]!.runFirst <= tagEnd(a)
    ) {
      next++;
    }
    const b = candidates[next];
    if (b === undefined) continue;
    if (a.listRole === undefined || !isListedAfter(a, b) || b.title.length > 0 || b.roles.length > 0) continue;
    b.roles = [a.listRole];
    b.listRole = a.listRole;
  }
}

/**
 * "Tony Blair, Bongani Zulu and Thabo Nkosi": full names listed with a person's are people too, when their words may
 * be a name the lexicon does not know. One pass each way carries the evidence along the list.
 */
function shareListEvidence(candidates: readonly Candidate[]): void {
  // "RJ Reynolds Tobacco, Lorillard Tobacco": listed names sharing a last word are a trade's firms, not people
  const trade = new Set<Candidate>();
  const lastWord = (candidate: Candidate): string => normalizeName(candidate.words[candidate.words.length - 1]!);
  for (let at = 0; at + 1 < candidates.length; at++) {
    const [a, b] = [candidates[at]!, candidates[at + 1]!];
    if (isListedAfter(a, b) && a.words.length >= 2 && b.words.length >= 2 && lastWord(a) === lastWord(b)) {
      trade.add(a);
      trade.add(b);
    }
  }
  // and name no one (not "Tony Blair, Cherie Blair": a family shares a surname after given names)
  for (const candidate of trade) {
    const shared = lastWord(candidate);
    const given = isCommonFirstName(normalizeName(candidate.words[0]!));
    if (!isFirstName(shared) && !isLastName(shared) && !given) candidate.thing = true;
  }
  const lift = (from: Candidate, to: Candidate): void => {
    if (from.evidence < 2 || from.words.length < 2 || to.words.length !== 2 || to.evidence < 0 || to.evidence >= 2) {
      return;
    }
    if (to.thing || to.linkOnly || to.title.length > 0 || isNationalityNoun(normalizeName(to.words[0]!))) return;
    if (trade.has(to)) return;
    const lowers = to.words.map((word) => normalizeName(word));
    if (isUnknownNameLike(to.words, lowers) && !to.words.some((word) => /\d/u.test(word))) to.evidence = 2;
  };
  for (let at = 0; at + 1 < candidates.length; at++) {
    if (isListedAfter(candidates[at]!, candidates[at + 1]!)) lift(candidates[at]!, candidates[at + 1]!);
  }
  for (let at = candidates.length - 1; at > 0; at--) {
    if (isListedAfter(candidates[at - 1]!, candidates[at]!)) lift(candidates[at]!, candidates[at - 1]!);
  }
}

/**
 * "At 16, Rhandolf Fajardo reflects ..." and then `"...," says Fajardo`: two words the lexicon does not know, whose
 * last one speaks alone elsewhere in the article, are that speaker's full name.
 */
function shareSpeakerSurnameEvidence(candidates: readonly Candidate[]): void {
  const speakers = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.kind === 'person' && candidate.speaking && candidate.words.length === 1 && !candidate.thing) {
      speakers.add(normalizeName(candidate.words[0]!));
    }
  }
  if (speakers.size === 0) return;
  for (const candidate of candidates) {
    if (candidate.kind !== 'person' || candidate.words.length !== 2 || candidate.evidence < 0) continue;
    if (candidate.evidence >= 2 || candidate.thing || candidate.linkOnly || candidate.title.length > 0) continue;
    const lowers = candidate.words.map((word) => normalizeName(word));
    if (!speakers.has(lowers[1]!) || isEverydayWord(lowers[0]!) || isPlaceName(lowers[0]!)) continue;
    if (!isOrganizationName(lowers[0]!) && !/\d/u.test(candidate.words.join(''))) candidate.evidence = 2;
  }
}

/**
 * "Heidi and Maryellen Olson", "Frederick and Elizabeth Noble": a given name coordinated with a full name shares its
 * surname, so it names a person of its own ("Heidi Olson"), not just a first name.
 */
function coordinatedNames(candidates: readonly Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  const surnames = new Set(
    candidates
      .filter((other) => other.words.length >= 2)
      .map((other) => normalizeName(surnameOf(other.words.join(' ')))),
  );
  for (let at = 0; at + 1 < candidates.length; at++) {
    const given = candidates[at]!;
    const full = candidates[at + 1]!;
    if (given.kind !== 'person' || full.kind !== 'person' || given.paragraph !== full.paragraph) continue;
    if (given.words.length !== 1 || full.words.length < 2 || full.nameFirst !== given.nameLast + 2) continue;
    if (given.paragraph.tokens[given.nameLast + 1]?.lower !== 'and') continue;
    const first = normalizeName(given.words[0]!);
    // "Clinton and Donald Trump" coordinates two people, not a first name: a known surname is no given name here
    if (!isFirstName(first) || isLastName(first) || given.title.length > 0) continue;
    if (!isFirstName(normalizeName(full.words[0]!))) continue;
    if (surnames.has(first)) continue;
    found.push({
      ...given,
      words: [given.words[0]!, ...full.words.slice(1)],
      evidence: Math.max(given.evidence, full.evidence, 2),
      order: given.order,
    });
  }
  return found;
}

/**
 * Sentences written in title case ("President Obama Speech at Black Caucus Foundation"): captions, section titles,
 * embedded headlines. Their capitalized runs are no evidence of a name.
 */
function titleCasedSentences(paragraph: ParagraphDoc): Set<number> {
  const found = new Set<number>();
  const tokens = paragraph.tokens;
  let sentence = 0;
  let words = 0;
  let capitalized = 0;
  // "These include Blair Effron of Centerview Partners, ...": a list of names and firms is mostly capitals too, but
  // title case would have capitalized its verb (the lowercase words are asked about only once the sentence is
  // otherwise in title case: no lexicon question for each word of every sentence)
  const lowercase: string[] = [];
  // "(Reporting by Ana Ruiz; Editing by Tom Hale)": a wire story's credits name their people whatever their case
  let credits = false;
  // ("Take Idaho Republican Sens. Mike Crapo and Jim Risch. Last week, they ...": a sentence that closes on its stop
  // among sentences in sentence case is prose, whatever its capitals)
  const stopped = new Set<number>();
  let prose = false;
  const close = (): void => {
    if (words >= 5 && capitalized >= words * 0.9 && !credits && !lowercase.some(isVerbForm)) found.add(sentence);
    else if (words >= 3) prose = true;
  };
  for (let index = 0; index < tokens.length; index++) {
    const start = paragraph.sentenceOf[index] ?? 0;
    if (start !== sentence) {
      close();
      if (tokens[index - 1]?.text === '.') stopped.add(sentence);
      sentence = start;
      words = 0;
      capitalized = 0;
      lowercase.length = 0;
      credits = false;
    }
    const token = tokens[index]!;
    if (token.lower === 'by' && CREDIT_WORDS.has(tokens[index - 1]?.lower ?? '')) credits = true;
    // small words stay lowercase in title case; the first word is capitalized in any sentence
    if (
      token.kind !== 'word' ||
      // ("G Thomas (capt); K Morgan, ...": a lowercase word alone in brackets is a note, no part of the line's case)
      (!token.capitalized && tokens[index - 1]?.text === '(' && tokens[index + 1]?.text === ')') ||
      index === start ||
      token.text.length < 3 ||
      paragraph.quoted[index]
    )
      continue;
    if (TITLE_SMALL_WORDS.has(token.lower)) continue;
    words++;
    if (token.capitalized) capitalized++;
    else lowercase.push(token.lower);
  }
  close();
  if (tokens.at(-1)?.text === '.') stopped.add(sentence);
  if (prose) for (const start of stopped) found.delete(start);
  return found;
}

/**
 * A headline in title case ("Ben Carson Thinks Poor People Should Pay"): three in four of its words of three letters
 * or more after the first capitalized, two such words at least (a headline is short, so fewer than a sentence needs).
 */
function titleCasedHeadline(headline: ParagraphDoc): Set<number> {
  let words = 0;
  let capitalized = 0;
  for (let index = 1; index < headline.tokens.length; index++) {
    const token = headline.tokens[index]!;
    if (
      token.kind !== 'word' ||
      token.text.length < 3 ||
      headline.quoted[index] ||
      TITLE_SMALL_WORDS.has(token.lower)
    ) {
      continue;
    }
    words++;
    if (token.capitalized) capitalized++;
  }
  // ("Detention Facility at 1600 Percent Capacity amid Influx": a small word the list lacks stays lowercase)
  return words >= 2 && capitalized >= words * 0.75 ? new Set(headline.sentenceOf) : titleCasedSentences(headline);
}

/**
 * A headline often gives the full name the body shortens: "Ava DuVernay's '13th' ..." over a body that only says
 * "DuVernay", "International Monetary Fund slashes ..." over "the IMF". A person the body names by surname alone
 * takes a headline's "Given Surname"; an acronym takes the headline's name whose initials it is.
 */
function completeFromHeadline(headline: ParagraphDoc, index: EntityIndex): void {
  const tokens = headline.tokens;
  for (const [first, last] of collectRuns(headline)) {
    for (let at = first + 1; at <= last; at++) {
      const given = tokens[at - 1]!;
      const surname = normalizeName(tokens[at]!.text.replace(/['’]s?$/u, ''));
      if (!isFirstName(given.lower)) continue;
      const person = index.entities.find(
        (entity) => entity.kind === 'person' && entity.key === surname && entity.surnameKey === surname,
      );
      if (!person) continue;
      const name = `${given.text} ${tokens[at]!.text.replace(/['’]s?$/u, '')}`;
      // ("Melania Trump's office" over "President Trump ... first lady Melania Trump": she is someone else)
      if (index.entities.some((entity) => entity.key === normalizeName(name))) continue;
      person.aliases.add(person.name);
      person.name = name;
      person.key = normalizeName(name);
      person.firstKey = given.lower;
    }
    const name = headline.text.slice(tokens[first]!.start, bareEnd(tokens[last]!));
    const initials = initialsOf(name);
    if (initials.length < 2) continue;
    const acronym = index.entities.find((entity) => entity.kind === 'organisation' && entity.key === initials);
    if (!acronym) continue;
    acronym.aliases.add(acronym.name);
    acronym.name = name;
  }
}

/** The initials of an organisation's name: "International Monetary Fund" -> "imf" (small words left out). */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0]!.toLowerCase())
    .join('');
}

/**
 * `says Cara Diemont of ...`, `Jo Bexley said`: two or three name-like words right beside a speech verb name a
 * person even when the lexicon does not know the first name, unless it is an everyday word ("Human Rights Watch").
 */
function isNamedSpeaker(candidate: Candidate): boolean {
  if (!candidate.speaking || candidate.words.length < 2 || candidate.words.length > 4 || candidate.evidence < 0) {
    return false;
  }
  if (candidate.words.some((word) => word.length < 2 && !/^\p{Lu}\.?$/u.test(word))) return false;
  if (candidate.words.some((word) => /\d/u.test(word))) return false;
  const lowers = candidate.words.map((word) => normalizeName(word));
  return isFirstName(lowers[0]!) || isUnknownNameLike(candidate.words, lowers);
}

/**
 * Words that may be a name the lexicon does not know ("Junya Tanase"): no everyday word the lexicon lists, no
 * common-noun ending or "-owned" adjective at the start, and no plural at the end that is not a known surname.
 */
function isUnknownNameLike(words: readonly string[], lowers: readonly string[]): boolean {
  if (lowers.some((word) => isEverydayWord(word) && !isLastName(word) && !isFirstName(word))) return false;
  const first = lowers[0]!;
  if (COMMON_WORD_ENDING.test(first) || /-\p{Ll}+ed$/u.test(words[0]!)) return false;
  const last = lowers[lowers.length - 1]!;
  return !last.endsWith('s') || isLastName(last);
}

/**
 * A single capitalized word beside a speech verb that names no known person: a speaker by the convention of news
 * copy ("..., says Marsh", "Tuhiwai told her"), unless it is a sentence word, a place, a title or a demonym.
 */
function isLoneSpeaker(candidate: Candidate): boolean {
  if (!candidate.speaking || !isSurnameOnly(candidate)) return false;
  const word = candidate.words.join(' ');
  const lower = normalizeName(word);
  if (word.length < 2 || /\d/u.test(word) || NON_NAME_WORDS.has(lower) || isDemonym(lower)) return false;
  if (VAGUE_SOURCE_NOUNS.has(lower) || isNationalityNoun(lower)) return false;
  // "said the Dutchman": a capitalized word after "the" describes someone, it does not name them; "a father of
  // three from Telford said": one after a preposition is where they are from
  const previous = candidate.paragraph.tokens[candidate.runFirst - 1]?.lower ?? '';
  if (previous === 'the' || ['from', 'in', 'of', 'at', 'near'].includes(previous)) return false;
  // "Democrats said", "African-Americans told": a plural is a group, unless it is a known surname ("Jones")
  if (/s$/u.test(lower) && !isLastName(lower) && !isFirstName(lower)) return false;
  if (isPlaceName(lower) && !isLastName(lower) && !isFirstName(lower)) return false;
  // a sentence-initial everyday word before "said" is a noun phrase's start ("Officials said"), not a name
  const paragraph = candidate.paragraph;
  const opensSentence = (paragraph.sentenceOf[candidate.nameFirst] ?? 0) === candidate.nameFirst;
  // ("Speculation suggests", "Simply saying" open a sentence of the writer's; '"...," Marsh said' is a speaker after
  // the quote)
  // (only the commonest words: the graded word list has surnames that speak alone, "Bush said")
  if (opensSentence && isEverydayWord(lower, 10) && !isLastName(lower) && !isFirstName(lower)) {
    return CLOSING_MARKS.has(paragraph.tokens[candidate.nameFirst - 1]?.text ?? '') && /^\p{Lu}\p{Ll}+$/u.test(word)
      ? !/s$/u.test(lower) && !isRoleNoun(lower)
      : false;
  }
  return !isRoleNoun(lower) || isLastName(lower);
}

/**
 * "his wife Samantha", "Cameron's son, Elwen,": a given name alone right after whose family member it is names that
 * relative (the article may never give the surname). A name someone already has is theirs, and is left to them.
 */
function isNamedRelative(candidate: Candidate): boolean {
  if (candidate.words.length !== 1 || candidate.title.length > 0) return false;
  const tokens = candidate.paragraph.tokens;
  let at = candidate.runFirst - 1;
  const comma = tokens[at]?.text === ',';
  if (comma) at--;
  const noun = tokens[at];
  const owner = tokens[at - 1];
  if (noun?.kind !== 'word' || noun.capitalized || !FAMILY_NOUNS.has(noun.lower) || owner === undefined) return false;
  if (!POSSESSIVE_PRONOUNS.has(owner.lower) && !(owner.possessive === true && owner.capitalized)) return false;
  // set off by commas on both sides, or not at all
  const after = tokens[candidate.nameLast + 1]?.text;
  if (comma && after !== ',' && after !== '.' && after !== undefined) return false;
  const lower = normalizeName(candidate.words[0]!);
  return isFirstName(lower) && !isPlaceName(lower) && !isDemonym(lower);
}

export function newEntity(kind: EntityKind, name: string, gender: NameGender | null): Entity {
  const key = normalizeName(name);
  const words = key.split(' ');
  return {
    kind,
    name,
    key,
    surnameKey: kind === 'person' ? normalizeName(surnameOf(name)) : key,
    firstKey: kind === 'person' ? (words[0] ?? '') : key,
    aliases: new Set(),
    roles: new Map(),
    gender: gender?.gender ?? null,
    genderFirm: gender?.firm ?? false,
  };
}

function addRoles(entity: Entity, candidate: Candidate): void {
  for (const role of candidate.roles) {
    const key = normalizeName(role);
    const known = entity.roles.get(key);
    if (known) known.count++;
    else entity.roles.set(key, { text: role, count: 1, order: candidate.order });
  }
}

/**
 * The people of an article as they are found, indexed by every form a later mention may take: full name, surname,
 * first name and the ends of longer names ("Suu Kyi" of "Aung San Suu Kyi"). Every look-up is a map hit, so
 * assembling the people of an article stays linear in its length.
 */
class People {
  readonly byKey = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byFirst = new Map<string, Entity[]>();
  private readonly byEnding = new Map<string, Entity>();
  /** the first of two surnames ("Acosta" of "Melba Acosta Febo") */
  private readonly byFirstSurname = new Map<string, Entity[]>();
  /** how often each person has been named so far, and when first */
  readonly named = new Map<Entity, { count: number; first: number }>();
  /**
   * a bare surname several people share, by the one a title or gender last singled out ("Mrs Triantafilo" among a
   * mother, father and son): the next bare "Triantafilo" is still that one
   */
  readonly singledOut = new Map<string, Entity>();
  /**
   * surnames an office last named a holder of whom the article gives no full name, beside their consort ("President
   * Quell" beside first lady Mara Quell): the next bare "Quell" is that holder too, no one named
   */
  readonly heldElsewhere = new Set<string>();

  constructor(private readonly entities: Entity[]) {}

  add(person: Entity): void {
    this.entities.push(person);
    this.byKey.set(person.key, person);
    push(this.bySurname, person.surnameKey, person);
    if (person.firstKey !== person.surnameKey) push(this.byFirst, person.firstKey, person);
    const words = person.key.split(' ');
    const firstSurname = words.at(-2);
    if (words.length >= 3 && firstSurname && firstSurname.length > 2 && !NAME_PARTICLES.has(firstSurname)) {
      push(this.byFirstSurname, firstSurname, person);
    }
    for (let from = 1; from < words.length - 1; from++) {
      const ending = words.slice(from).join(' ');
      if (!this.byEnding.has(ending)) this.byEnding.set(ending, person);
    }
  }

  alias(person: Entity, name: string): void {
    person.aliases.add(name);
    this.byKey.set(normalizeName(name), person);
  }

  withSurname(key: string): readonly Entity[] {
    return this.bySurname.get(key) ?? [];
  }

  withFirstName(key: string): readonly Entity[] {
    return this.byFirst.get(key) ?? [];
  }

  /** People whose name ends in two surnames, the first of which is `key` ("Ms. Acosta" for Melba Acosta Febo). */
  withFirstSurname(key: string): readonly Entity[] {
    return this.byFirstSurname.get(key) ?? [];
  }

  /** Another full form of a known person: same first name and surname, or the end of a longer name. */
  same(words: readonly string[]): Entity | undefined {
    const first = normalizeName(words[0] ?? '');
    const surname = normalizeName(surnameOf(words.join(' ')));
    // ("George W. Bush" beside "George H.W. Bush": two middle initials that differ are two people)
    const middle = middleInitials(normalizeName(words.join(' ')));
    const sharing = this.withSurname(surname).filter((person) => {
      const theirs = middleInitials(person.key);
      return middle === '' || theirs === '' || middle === theirs;
    });
    const same = sharing.find((person) => person.firstKey === first);
    if (same) return same;
    // "Eddie Gallagher" after "Edward Gallagher", "Bill Barr" beside "William Barr": a familiar form of the given
    // name, when one person of the surname has it
    const formal = formalGivenName(first);
    const familiar = sharing.filter(
      (person) => person.firstKey !== person.surnameKey && formalGivenName(person.firstKey) === formal,
    );
    if (familiar.length === 1 && familiar[0]!.firstKey !== first) return familiar[0];
    // "B O'Driscoll" on a team sheet is the Brian O'Driscoll the report names (or the other way round), when only one
    // person of that surname has a given name of that initial
    if (words.length === 2 && first.length > 0) {
      const initial = (key: string): boolean => key.length === 1 || first.length === 1;
      const matching = sharing.filter(
        (person) =>
          person.firstKey !== person.surnameKey &&
          initial(person.firstKey) &&
          person.firstKey[0] === first[0] &&
          (person.firstKey.length === 1) !== (first.length === 1),
      );
      if (matching.length === 1) return matching[0];
    }
    return this.byEnding.get(normalizeName(words.join(' ')));
  }

  /** A surname misspelt by one letter ("McLenney" for "McClenney"), among the most recent people. */
  nearSurname(key: string): Entity[] {
    const found: Entity[] = [];
    let checked = 0;
    for (let index = this.entities.length - 1; index >= 0 && checked < 200; index--) {
      const person = this.entities[index]!;
      if (person.kind !== 'person' || person.surnameKey.length < 6) continue;
      checked++;
      if (editDistance(person.surnameKey, key, 1) <= 1 && !found.includes(person)) found.push(person);
    }
    return found;
  }

  noteMention(person: Entity, order: number): void {
    const known = this.named.get(person);
    if (known) known.count++;
    else this.named.set(person, { count: 1, first: order });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function assemble(
  candidates: readonly Candidate[],
  lone: ReadonlySet<string>,
  headline: readonly Candidate[],
): EntityIndex {
  const entities: Entity[] = [];
  const registry = new Organisations(entities);
  const isNamedOrganisation = (candidate: Candidate): boolean =>
    candidate.kind === 'organisation' && !candidate.linkOnly;
  registry.add(candidates.filter((candidate) => isNamedOrganisation(candidate) && !candidate.guess));
  const organisations = registry.byKey;
  const people = new People(entities);

  // "10,000m hope Cathal Lombard ... Lombard's ban": a surname the article goes on to use alone is a person's

  // "Mr Zulu said ... Bongani Zulu was": a surname the article gives a courtesy title is a person's
  const courtesySurnames = new Set<string>();
  for (const candidate of candidates) {
    const title = candidate.title[candidate.title.length - 1];
    if (candidate.kind === 'person' && candidate.words.length === 1 && title && HONORIFICS.has(normalizeName(title))) {
      courtesySurnames.add(normalizeName(candidate.words[0]!));
    }
  }
  const evidenceOf = (candidate: Candidate): number => {
    const surname = normalizeName(candidate.words[candidate.words.length - 1]!);
    const given = normalizeName(candidate.words[0]!);
    // ("Vote Blair" beside "Mr Blair": an everyday word before the surname is no given name)
    const courteous =
      courtesySurnames.has(surname) && (isGivenNameForm(given) || !isEverydayWord(given)) && !isNationalityNoun(given);
    const repeated =
      (lone.has(surname) || courteous) && !isEverydayWord(surname) && !isPlaceName(surname) && !isDemonym(surname);
    return candidate.evidence >= 0 && repeated && candidate.words.length >= 2
      ? candidate.evidence + 2
      : candidate.evidence;
  };

  // names that read as a work, a band or a firm somewhere in the article, and nowhere as a person
  const personKeys = new Set<string>();
  const thingKeys = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'person') continue;
    const key = normalizeName(candidate.words.join(' '));
    if (candidate.personCue) personKeys.add(key);
    else if (candidate.thing) thingKeys.add(key);
  }
  const isThing = (key: string): boolean => thingKeys.has(key) && !personKeys.has(key);
  // "Merrill said" after "Merrill Lynch" the firm: the first word of a thing's name stands for it
  const thingFirstWords = new Set([...thingKeys].filter((key) => isThing(key)).map((key) => key.split(' ')[0]!));

  // full names with a generational suffix whose name without it is in the same sentence
  const generations = new Set<string>();
  for (const candidate of candidates) {
    const name = candidate.words.join(' ');
    if (candidate.kind !== 'person' || !hasGeneration(name)) continue;
    const without = normalizeName(candidate.words.slice(0, -1).join(' '));
    const sentence = candidate.paragraph.sentenceOf[candidate.nameFirst];
    const together = candidates.some(
      (other) =>
        other.paragraph === candidate.paragraph &&
        other.paragraph.sentenceOf[other.nameFirst] === sentence &&
        normalizeName(other.words.join(' ')) === without,
    );
    if (together) generations.add(normalizeName(name));
  }
  // full names: two or more words with some evidence they name a person
  const admitFullName = (candidate: Candidate): void => {
    if (candidate.kind !== 'person' || candidate.linkOnly || isSurnameOnly(candidate)) return;
    const evidence = evidenceOf(candidate);
    if (evidence < 1) return;
    const name = candidate.words.join(' ');
    // "Alicia M": a surname cut to a bare letter is no full name
    if (candidate.words[candidate.words.length - 1]!.length === 1) return;
    // "market leader Best Buy": everyday words and no given name name a firm or a thing, whatever stands beside them
    if (isEverydayPhrase(candidate.words)) return;
    // weak evidence is enough for a relative of someone already named ("Bill Clinton" after "Hillary Clinton"); an
    // everyday word capitalized by opening the sentence before such a surname is no given name ("Absent Trump derides")
    const sharing = people.withSurname(normalizeName(surnameOf(name))).length > 0;
    if ((evidence < 2 && !sharing) || (sharing && opensOnEverydayWord(candidate))) return;
    const key = normalizeName(name);
    if (organisations.has(key) || isThing(key)) return;
    // "in Hong Kong": a place whose words are also names is a place, unless a title or a speech verb says otherwise
    if (isPlaceName(key) && candidate.title.length === 0 && !candidate.speaking) return;
    // "Tour de France", "Bank of England": an everyday word joined to a place names an event or a body
    const lastWord = normalizeName(candidate.words[candidate.words.length - 1]!);
    const firstWord = normalizeName(candidate.words[0]!);
    if (isPlaceName(lastWord) && !isLastName(lastWord) && !isGivenNameForm(firstWord) && candidate.title.length === 0) {
      return;
    }
    let person = people.byKey.get(key) ?? people.same(candidate.words);
    // "President Donald Trump and his son Donald Trump Jr.": a generational suffix one name has and the other lacks,
    // in one sentence, makes two people (not "Martin Luther King Jr." once and "Martin Luther King" later)
    if (person && person.key !== key && (generations.has(key) || generations.has(person.key))) person = undefined;
    if (!person) {
      const first = normalizeName(candidate.words[0] ?? '');
      // "King Charles III", "Pope Benedict XVI": a royal or a pope named by title, given name and number keeps the title
      const lastTitle = candidate.title.at(-1);
      const regnal =
        candidate.words.length === 2 &&
        NAME_SUFFIXES.has(normalizeName(candidate.words[1]!)) &&
        isRoyalTitle(lastTitle);
      const shown = regnal ? `${lastTitle} ${name}` : name;
      person = newEntity('person', shown, candidate.describedGender ?? firstNameGender(first));
      person.key = key;
      person.firstKey = first;
      people.add(person);
    } else if (person.key !== key) {
      people.alias(person, name);
    }
    if (candidate.nickname) people.alias(person, `${candidate.nickname} ${surnameOf(name)}`);
  };
  for (const candidate of candidates) admitFullName(candidate);

  // the roles each person's full name is given anywhere, known before a titled surname is matched to anyone
  // ("President Trump and first lady Melania Trump": the president is not the first lady, named after him)
  const introduced = new Map<Entity, string[]>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'person' || isSurnameOnly(candidate) || candidate.roles.length === 0) continue;
    const entity = people.byKey.get(normalizeName(candidate.words.join(' '))) ?? people.same(candidate.words);
    if (entity) introduced.set(entity, [...(introduced.get(entity) ?? []), ...candidate.roles]);
  }

  // single words: surnames or first names of those people, titled surnames of people named only that way (or of
  // another person than the full names that share the surname: "Mr. Obama" beside "Michelle Obama"), and lone
  // capitalized speakers
  const titleGenders = surnameTitleGenders(candidates);
  // "research firm Gartner ... Gartner said": a word the article gives a kind of body elsewhere names that body,
  // unless somewhere it is someone ("Juninho's agent ... Juninho, who has just bought a home")
  const guessedBodies = new Set(
    candidates
      .filter((candidate) => isNamedOrganisation(candidate) && candidate.guess)
      .map((candidate) => organisationKey(candidate.words[0]!)),
  );
  for (const candidate of candidates) {
    const who = isTakenUpByWho(candidate.paragraph.tokens, candidate.nameLast);
    if (candidate.kind === 'person' && (candidate.personCue || who)) {
      guessedBodies.delete(organisationKey(candidate.words.join(' ')));
    }
  }
  // given names of people whose full name a royal title opens ("Prince Saud al-Faisal"): "Prince Saud" is them
  const royalGivenNames = new Set(
    candidates
      .filter((candidate) => candidate.words.length >= 2 && isRoyalTitle(candidate.title.at(-1)))
      .map((candidate) => normalizeName(candidate.words[0]!)),
  );
  const admitSurname = (candidate: Candidate): void => {
    if (candidate.kind !== 'person' || candidate.linkOnly || !isSurnameOnly(candidate) || candidate.evidence < 0) {
      return;
    }
    const key = normalizeName(candidate.words.join(' '));
    // ("President Trump boasted" beside the Trump National Golf Club: a titled name that acts, speaks or owns is a
    // person's, not the body's first word; not "... and Premier Rugby.", nor an everyday word or a place)
    const tokens = candidate.paragraph.tokens;
    const acts =
      candidate.speaking ||
      tokens[candidate.nameLast]!.possessive ||
      isSubjectPosition(candidate.paragraph, candidate.runFirst, candidate.nameLast);
    const personTitled =
      candidate.title.length > 0 && acts && isPersonTitle(candidate) && !isEverydayWord(key) && !isPlaceName(key);
    const body = organisations.get(key);
    const bodyNamedLonger = body !== undefined && normalizeName(body.name) !== key;
    if (people.byKey.has(key) || (body && !(personTitled && bodyNamedLonger)) || isThing(key)) return;
    if (thingFirstWords.has(key) && !personTitled) return;
    // (", Jr. said": the suffix of the name before the comma, nobody's name alone)
    if (isSonSuffix(candidate.paragraph.tokens[candidate.nameFirst])) return;
    if (guessedBodies.has(organisationKey(candidate.words.join(' ')))) return;
    const gender = candidateGender(candidate, titleGenders);
    const sharing = people.withSurname(key);
    // ("President Trump" beside first lady Melania Trump: an office the consorts of that surname do not hold is
    // someone's the article names only by title and surname)
    const office = officeWords(candidate.title);
    const spouseOfficeHolder =
      office.length > 0 &&
      sharing.length > 0 &&
      sharing.every(
        (person) => isConsort(person, introduced.get(person)) && !namesOffice(person, office, introduced.get(person)),
      );
    if (!spouseOfficeHolder && sharing.some((person) => isGenderCompatible(person, gender))) return;
    // ("Ms. Acosta" for Melba Acosta Febo: resolved to her, no one new)
    if (sharing.length === 0 && isCourtesyTitled(candidate) && people.withFirstSurname(key).length > 0) return;
    // (a royal is named by a given name and the title: "Prince Charles" beside Charles Kennedy, "ex-King Michael"
    // beside Michael Ancram, is someone else; not "Prince Saud" after "Prince Saud al-Faisal")
    if (
      sharing.length === 0 &&
      people.withFirstName(key).length > 0 &&
      !(isRoyalTitled(candidate) && !royalGivenNames.has(key))
    ) {
      return;
    }
    const titled = candidate.title.length > 0 && candidate.evidence >= 2 && isPersonTitle(candidate);
    // "Time will tell", "... and Prevention said": a word among the commonest alone, with no title, is a word (or the
    // end of a body's name), not someone never named in full
    if (!titled && (isEverydayWord(key, 10) || (isEverydayWord(key) && endsBodyName(candidate)))) return;
    if (
      !titled &&
      (sharing.length > 0 ||
        !(isLoneSpeaker(candidate) || isKnownSurnameActing(candidate) || isNamedRelative(candidate)))
    ) {
      return;
    }
    // a peer, a royal or a person only ever named with an honorific is shown that way ("Lord Falconer", "Dr Patel",
    // "Prince Harry")
    const lastTitle = candidate.title[candidate.title.length - 1];
    const shown =
      lastTitle !== undefined &&
      (HONORIFICS.has(normalizeName(lastTitle)) || ROYAL_TITLES.has(normalizeName(lastTitle)))
        ? `${lastTitle} ${candidate.words.join(' ')}`
        : candidate.words.join(' ');
    // (the spouse of a first lady is a man, of a first gentleman a woman: "she" after them is the consort)
    const spouse = spouseOfficeHolder ? spouseGender(sharing) : null;
    const known = gender ?? spouse;
    const person = newEntity('person', shown, known ? { gender: known, firm: true } : firstNameGender(key));
    person.key = key;
    person.surnameKey = key;
    person.firstKey = key;
    people.add(person);
  };
  for (const candidate of candidates) admitSurname(candidate);

  // organisations known only by context, where no person has the name ("Trump envoy" is Trump's, not a body's)
  registry.add(
    candidates.filter((candidate) => {
      if (!isNamedOrganisation(candidate) || !candidate.guess) return false;
      // ("Price's statement" after "Dolours Price": a brand's "'s" is no person's)
      const key = organisationKey(candidate.words[0]!.replace(/['’]s$/u, ''));
      return !people.byKey.has(key) && people.withSurname(key).length === 0 && people.withFirstName(key).length === 0;
    }),
  );

  const mentions: EntityMention[] = [];
  for (const candidate of candidates) {
    // an organisation only guessed from its context may still be a person the article names ("Van Gaal said")
    const entity =
      candidate.kind === 'organisation'
        ? (organisations.get(organisationKey(candidate.words[0]!)) ??
          (candidate.guess
            ? resolveCandidate(withoutPossessive(candidate), people, organisations, titleGenders, introduced)
            : null))
        : resolveCandidate(candidate, people, organisations, titleGenders, introduced);
    if (!entity) continue;
    const paragraph = candidate.paragraph;
    if (entity.kind === 'person') {
      people.noteMention(entity, candidate.order);
      addRoles(entity, candidate);
      if (isSurnameOnly(candidate)) entity.aliases.add(withoutPossessive(candidate).words.join(' '));
      // what the article says of the person outweighs what the name lists guess ("widow Terry Strada")
      const described = candidate.describedGender;
      if (
        described &&
        (!entity.genderFirm || (isSurnameOnly(candidate) ? false : entity.gender !== described.gender))
      ) {
        entity.gender = described.gender;
        entity.genderFirm = true;
      }
      const alias = titledAlias(candidate);
      if (alias) entity.aliases.add(alias);
      // "Prince Saud al-Faisal": the royal title kept as a name, so "Prince Saud" finds him (isRoyalEntity)
      if (!isSurnameOnly(candidate) && isRoyalTitle(candidate.title.at(-1))) {
        entity.aliases.add(`${candidate.title.at(-1)} ${candidate.words.join(' ')}`);
      }
    }
    const firstToken = paragraph.tokens[candidate.nameFirst]!;
    const lastToken = paragraph.tokens[candidate.nameLast]!;
    mentions.push({
      entity,
      paragraphIndex: paragraph.index,
      firstToken: candidate.nameFirst,
      lastToken: candidate.nameLast,
      start: paragraph.offset + firstToken.start,
      end: paragraph.offset + bareEnd(lastToken),
      inQuote: paragraph.quoted[candidate.nameFirst] === 1,
      // ("Moore's caustic documentary may have been ...": a person who owns the subject is not it; a body named so
      // is still what "it" goes back to)
      subject:
        !(entity.kind === 'person' && ownsNext(paragraph, candidate.nameLast)) &&
        isSubjectPosition(paragraph, candidate.runFirst, candidate.nameLast),
      sentenceStart: paragraph.sentenceOf[candidate.nameFirst] ?? 0,
      closesParagraph: paragraph.sentenceOf[candidate.nameFirst] === paragraph.sentenceOf[paragraph.tokens.length - 1],
    });
  }
  // the headline's people once the body's are known: someone the body names in no form is added, without mentions
  const bodyEntities = entities.length;
  let judged: Set<string> | null = null;
  const bodyWords = (): Set<string> => {
    judged ??= new Set(
      candidates.flatMap((candidate) => candidate.words.flatMap((word) => normalizeName(word).split(' '))),
    );
    return judged;
  };
  for (const candidate of headline) {
    if (candidate.kind !== 'person' || !isHeadlineName(candidate) || isNamedInBody(candidate, people, organisations)) {
      continue;
    }
    // ("Moderna says ..." over a body that names Moderna as no one): a single name the body judged is not a person
    if (isSurnameOnly(candidate) && bodyWords().has(normalizeName(candidate.words[0]!))) continue;
    // a title-case headline's name is someone when it reads as one (isTitleCaseHeadlineName), and the headline's words
    // before it are no role ("Trump Picks Ex-Banker Steven Mnuchin")
    const titleCase = candidate.linkOnly;
    if (titleCase && isTitleCaseHeadlineName(candidate)) candidate.linkOnly = false;
    const before = entities.length;
    if (isSurnameOnly(candidate)) admitSurname(candidate);
    else admitFullName(candidate);
    const entity = entities.length > before ? entities[entities.length - 1]! : null;
    if (entity && !titleCase) addRoles(entity, candidate);
  }
  const headlinePeople = entities.slice(bodyEntities);
  for (const entity of entities) entity.aliases.delete(entity.name);
  // the people of an article in the order the article first names them
  const firstNamed = new Map<Entity, number>();
  for (const [order, mention] of mentions.entries())
    if (!firstNamed.has(mention.entity)) firstNamed.set(mention.entity, order);
  const byParagraph = new Map<number, EntityMention[]>();
  for (const mention of mentions) push(byParagraph, mention.paragraphIndex, mention);
  // (in token order: names a list coordinates are found after the rest)
  for (const list of byParagraph.values()) list.sort((a, b) => a.firstToken - b.firstToken);
  const named = entities.filter((entity) => firstNamed.has(entity));
  named.sort((a, b) => firstNamed.get(a)! - firstNamed.get(b)!);
  return { entities: named, mentions, byParagraph, headlinePeople };
}

/**
 * A given name and a surname in a headline in title case, named nowhere else ("Republicans Stage Partisan Showdown
 * Against FBI Agent Peter Strzok"): two words only, the second no everyday word, role or word the lexicon knows
 * ("Carolina Lawmakers", "Drew Scrutiny"), and no place ("Milton Keynes"), in no marks and inside no other name.
 */
function isTitleCaseHeadlineName(candidate: Candidate): boolean {
  if (candidate.words.length !== 2 || isSurnameOnly(candidate)) return false;
  const surname = normalizeName(candidate.words[1]!);
  const paragraph = candidate.paragraph;
  // ("Probe Drew Scrutiny": a past tense that is a given name too)
  return (
    !isVerbForm(normalizeName(candidate.words[0]!)) &&
    !isEverydayWord(surname) &&
    !isCommonWord(surname) &&
    !isPluralRoleNoun(surname) &&
    !isPlaceName(normalizeName(candidate.words.join(' '))) &&
    !isNameInMarks(paragraph, candidate) &&
    !isDeterminedName(paragraph, candidate) &&
    !isInsideProperName(paragraph, candidate.runFirst, candidate.nameFirst, candidate.nameLast)
  );
}

/**
 * A headline is written tersely ("Straw praises Kashmir moves", "Man Utd stroll to Cup win"): only a full name opening
 * on a common given name or on initials ("George Floyd", "C.T. Vivian"), or a single name before "says" or "told"
 * ("..., Mulvaney says") is read as a person there.
 */
function isHeadlineName(candidate: Candidate): boolean {
  const tokens = candidate.paragraph.tokens;
  // ("Trump hosts 'Angel Families'", "'I Said Roy Moore Will Not Be Able to Win'", "Stacey Abrams-endorsed bill"): a
  // name all its marks hold, a run of title case, a name made an adjective
  if (isNameInMarks(candidate.paragraph, candidate) || candidate.words.length > 3) return false;
  if (/-\p{Ll}/u.test(candidate.words.at(-1)!)) return false;
  if (!isSurnameOnly(candidate)) {
    const first = tokens[candidate.nameFirst]!;
    return isCommonFirstName(first.lower) || isPersonalInitials(first.text);
  }
  const verb = tokens[candidate.nameLast + 1]?.lower ?? '';
  const word = normalizeName(candidate.words[0]!);
  return (
    (verb === 'says' || verb === 'said' || TOLD_FORMS.has(verb)) &&
    !isEverydayWord(word) &&
    !isPlaceName(word) &&
    !isOrganizationName(word)
  );
}

/** Whether a full name ends on a generational suffix ("Jr.", "Sr.", "III"). */
function hasGeneration(name: string): boolean {
  const words = name.split(/\s+/u);
  return words.length > 2 && /^(?:jr|sr|ii|iii|iv)$/u.test(normalizeName(words.at(-1)!));
}

/** Whether the body names a headline's candidate in some form: its full name, its surname or given name, a body. */
function isNamedInBody(candidate: Candidate, people: People, organisations: ReadonlyMap<string, Entity>): boolean {
  const name = candidate.words.join(' ');
  const key = normalizeName(name);
  const surname = normalizeName(surnameOf(name));
  return (
    people.byKey.has(key) ||
    people.withSurname(surname).length > 0 ||
    people.withFirstName(key).length > 0 ||
    // ("Probe launched on Ken Nazi jibe" over a body naming Ken Livingstone)
    people.withFirstName(normalizeName(candidate.words[0]!)).length > 0 ||
    organisations.has(key) ||
    organisations.has(surname)
  );
}

function organisationKey(name: string): string {
  return normalizeName(name.replace(/^the\s+/iu, ''));
}

/**
 * Organisations by their name. An acronym is the organisation whose initials it is, given in brackets after its
 * name ("the International Monetary Fund (IMF)") or not ("the IMF" after "the International Monetary Fund"); a
 * distinctive word of a longer name stands for it ("the Times", "Menatep" for "Group Menatep").
 */
class Organisations {
  readonly byKey = new Map<string, Entity>();
  private readonly byInitials = new Map<string, Entity>();
  private readonly shortForms = new Map<string, Entity | null>();

  constructor(private readonly entities: Entity[]) {}

  add(candidates: readonly Candidate[]): void {
    // full names before acronyms, so an acronym finds the name it stands for wherever it comes first
    const ordered = [
      ...candidates.filter((candidate) => candidate.nameLast > candidate.nameFirst),
      ...candidates.filter((candidate) => candidate.nameLast === candidate.nameFirst),
    ];
    for (const candidate of ordered) this.addOne(candidate);
    for (const [word, entity] of this.shortForms) {
      if (entity && !this.byKey.has(word)) this.byKey.set(word, entity);
    }
  }

  private addOne(candidate: Candidate): void {
    const name = candidate.words[0]!.replace(/^the\s+/iu, '');
    const key = organisationKey(name);
    if (this.byKey.has(key)) return;
    const expanded = candidate.nameLast === candidate.nameFirst ? this.byInitials.get(key) : undefined;
    if (expanded) {
      this.byKey.set(key, expanded);
      expanded.aliases.add(name);
      return;
    }
    // "the Conservative Party" is listed as the party is everywhere else ("Conservatives")
    const party = Object.hasOwn(PARTY_NAMES, key) ? PARTY_NAMES[key] : undefined;
    const entity = newEntity('organisation', party ?? name, null);
    if (party) entity.aliases.add(name);
    entity.key = key;
    this.byKey.set(key, entity);
    this.entities.push(entity);
    const initials = initialsOf(name);
    if (initials.length >= 2 && !this.byInitials.has(initials)) this.byInitials.set(initials, entity);
    const words = key.split(' ');
    // "Marsh" of "Marsh & McLennan": the first of names joined by an ampersand stands for the firm, surname or not
    const joined = name.includes(' & ') ? words[0] : undefined;
    if (words.length > 1 && !ORGANISATION_NOUNS_AFTER_NAME.has(words[words.length - 1]!)) {
      for (const word of new Set([words[0]!, words[words.length - 1]!])) {
        // never a person's name ("Obama" of "Obama administration") nor a generic word ("Office")
        const personal = isFirstName(word) || (isLastName(word) && word !== joined);
        if (GENERIC_ORGANISATION_WORDS.has(word) || word.length < 3 || personal) continue;
        const known = this.shortForms.get(word);
        this.shortForms.set(word, known !== undefined && known !== entity ? null : entity);
      }
    }
    const tokens = candidate.paragraph.tokens;
    const bracketed = tokens[candidate.nameLast + 2];
    if (tokens[candidate.nameLast + 1]?.text === '(' && bracketed && isAcronym(bracketed)) {
      this.byKey.set(bracketed.lower, entity);
      entity.aliases.add(bracketed.text);
    }
  }
}

/** The gender the gendered titles before a bare surname give it ("Mr. Obama"), per surname, when they agree. */
function surnameTitleGenders(candidates: readonly Candidate[]): Map<string, Gender | null> {
  const genders = new Map<string, Gender | null>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'person' || !isSurnameOnly(candidate)) continue;
    const gender = genderFromTitle(candidate.title)?.gender;
    if (!gender) continue;
    const key = normalizeName(candidate.words.join(' '));
    const known = genders.get(key);
    genders.set(key, known === undefined || known === gender ? gender : null);
  }
  return genders;
}

/** The gender a single-word mention implies: its own title's, or for a role title the surname's titles'. */
function candidateGender(candidate: Candidate, titleGenders: ReadonlyMap<string, Gender | null>): Gender | null {
  const own = genderFromTitle(candidate.title)?.gender;
  if (own) return own;
  if (candidate.title.length === 0) return null;
  return titleGenders.get(normalizeName(candidate.words.join(' '))) ?? null;
}

/** Whether a role names a public office by its title word ("Former President", "Senator"), not a job or a standing. */
function isOfficeRole(text: string): boolean {
  return PUBLIC_OFFICES.has(normalizeName(text).split(' ').pop() ?? '');
}

function isGenderCompatible(person: Entity, gender: Gender | null): boolean {
  return gender === null || person.gender === null || !person.genderFirm || person.gender === gender;
}

/**
 * The entity a candidate names: a full name directly; a single word by surname (or first name), choosing among
 * people who share it by gender ("Mr Garner"), by a title that is one of their roles ("President Garner"), then
 * the one the article has named most so far ("Cruz" is Ted Cruz in an article about him that names Heidi Cruz too).
 */
function resolveCandidate(
  candidate: Candidate,
  people: People,
  organisations: ReadonlyMap<string, Entity>,
  titleGenders: ReadonlyMap<string, Gender | null>,
  introduced: ReadonlyMap<Entity, readonly string[]>,
): Entity | null {
  if (!isSurnameOnly(candidate)) {
    const key = normalizeName(candidate.words.join(' '));
    return people.byKey.get(key) ?? people.same(candidate.words) ?? organisations.get(key) ?? null;
  }
  const key = normalizeName(candidate.words.join(' '));
  let matches: readonly Entity[] = people.withSurname(key);
  // "Melba Acosta Febo ... Ms. Acosta": a courtesy before the first of two surnames, when nobody has it as their last
  if (matches.length === 0 && isCourtesyTitled(candidate)) matches = people.withFirstSurname(key);
  // ("ex-King Michael" is no Michael Ancram: a royal's given name names one whose roles or names are royal)
  if (matches.length === 0) {
    matches = people.withFirstName(key);
    if (isRoyalTitled(candidate)) matches = matches.filter(isRoyalEntity);
  }
  if (matches.length === 0 && organisations.has(key)) return organisations.get(key)!;
  // a surname misspelt by one letter ("McLenney" for "McClenney") still names the one person it nearly matches
  if (matches.length === 0 && key.length >= 6 && (candidate.speaking || candidate.title.length > 0)) {
    matches = people.nearSurname(key);
    if (matches.length !== 1) return null;
  }
  if (matches.length === 0) return null;
  const gender = candidateGender(candidate, titleGenders);
  matches = matches.filter((entity) => isGenderCompatible(entity, gender) && !isRelativeNamedAfter(candidate, entity));
  // "President Clinton" beside Hillary Clinton, whom the article gives other offices ("presidential nominee" is
  // not "president"): an office none of those sharing the surname holds names someone else, or nobody known (also
  // beside her son "Barron Clinton", whom the office would otherwise reach as the one introduced first)
  const office = officeWords(candidate.title);
  const consorts = office.length > 0 && matches.some((entity) => isConsort(entity, introduced.get(entity)));
  if (
    matches.length === 1 &&
    office.length > 0 &&
    !holdsOffice(matches[0]!, office, introduced.get(matches[0]!) ?? [])
  ) {
    if (consorts) people.heldElsewhere.add(key);
    return null;
  }
  // "President Trump" beside first lady Melania Trump and their son: the office is her spouse's, so only one whose
  // roles name it holds it, else nobody the article names in full (and the bare "Trump" after it is him too)
  if (matches.length > 1 && consorts) {
    matches = matches.filter(
      (entity) => namesOffice(entity, office, introduced.get(entity)) || (entity.key === key && !isConsort(entity)),
    );
    if (matches.length === 0) {
      people.heldElsewhere.add(key);
      return null;
    }
  }
  const singled = (entity: Entity): Entity => {
    people.heldElsewhere.delete(key);
    people.singledOut.set(key, entity);
    return entity;
  };
  if (candidate.title.length === 0 && people.heldElsewhere.has(key)) return null;
  if (matches.length <= 1) return matches[0] ? singled(matches[0]) : null;
  if (gender) {
    const sameGender = matches.filter((entity) => entity.gender === gender);
    if (sameGender.length === 1) return singled(sameGender[0]!);
  }
  const titleWords = candidate.title.map(normalizeName).filter((word) => !HONORIFICS.has(word));
  if (titleWords.length > 0) {
    const holding = matches.filter((entity) =>
      [...entity.roles.values()].some((role) => titleWords.every((word) => normalizeName(role.text).includes(word))),
    );
    if (holding.length === 1) return singled(holding[0]!);
    // "Secretary Clinton" beside former President Bill Clinton and Hillary Clinton, whom the article gives no role:
    // not the one whose office is another
    if (holding.length === 0) {
      const free = matches.filter((entity) => ![...entity.roles.values()].some((role) => isOfficeRole(role.text)));
      if (free.length === 1) return singled(free[0]!);
    }
  }
  const singledOut = people.singledOut.get(key);
  if (singledOut && matches.includes(singledOut)) return singledOut;
  // a relative is introduced after the one the article is about and then called by first name ("Heidi"), so a bare
  // surname shared by several is the one introduced first; "the younger Ndiaye" is the one introduced last (a son
  // or daughter comes after the parent)
  const younger = candidate.paragraph.tokens[candidate.runFirst - 1]?.lower === 'younger';
  let chosen: Entity | null = null;
  for (const entity of matches) {
    const seen = people.named.get(entity);
    const best = chosen ? people.named.get(chosen) : undefined;
    if (seen && (!best || (younger ? seen.first > best.first : seen.first < best.first))) chosen = entity;
  }
  return chosen ?? matches[0] ?? null;
}

/** Whether someone is given a consort's standing ("first lady") so far or anywhere (`introducedAs`): a holder's spouse. */
function isConsort(person: Entity, introducedAs: readonly string[] = []): boolean {
  return [...[...person.roles.values()].map((role) => role.text), ...introducedAs].some((role) => {
    const words = normalizeName(role).split(' ');
    return words.at(-2) === 'first' && CONSORT_WORDS.has(words.at(-1) ?? '');
  });
}

/** The other gender than the one all these consorts share, or null when it is not known for all of them. */
function spouseGender(consorts: readonly Entity[]): Gender | null {
  const genders = new Set(consorts.map((person) => (person.genderFirm ? person.gender : null)));
  if (genders.size !== 1) return null;
  const [gender] = genders;
  return gender === 'female' ? 'male' : gender === 'male' ? 'female' : null;
}

/** The words of a title that name an office ("President" of "President", none of "Mr"). */
function officeWords(title: readonly string[]): string[] {
  return title
    .map(normalizeName)
    .filter((word) => !HONORIFICS.has(word) && isRoleWord(word))
    .flatMap(spelledTitleWords);
}

/**
 * The roles a raw phrase names: one, or two joined by "and" when each half is a role of its own ("the first Black
 * U.S. secretary of state and top military officer"), or none.
 */
function cleanRoles(raw: string): string[] {
  const role = cleanRole(raw);
  if (role !== null) return [role];
  const parts = raw.split(' and ');
  if (parts.length !== 2) return [];
  const roles = parts.map(cleanRole);
  return roles.every((part) => part !== null) ? (roles as string[]) : [];
}

/** The initials between a given name and a surname of a normalized name ("george hw bush": "hw"), or "". */
function middleInitials(key: string): string {
  const words = key.split(' ').filter((word) => !NAME_SUFFIXES.has(word));
  return words
    .slice(1, -1)
    .filter((word) => word.length <= 3 && word.length < (words[0]?.length ?? 0))
    .join(' ');
}

function formalGivenName(key: string): string {
  return FAMILIAR_GIVEN_NAMES.get(key) ?? key;
}

/** A name after a courtesy title: "Ms. Acosta", "Mr Hale". */
function isCourtesyTitled(candidate: Candidate): boolean {
  return candidate.title.some((word) => COURTESY_TITLES.has(normalizeName(word)));
}

/**
 * "President Trump's daughter, Ivanka Trump": the person a possessive surname's relative is, named right after the
 * relation, is not the one the surname names.
 */
function isRelativeNamedAfter(candidate: Candidate, entity: Entity): boolean {
  const tokens = candidate.paragraph.tokens;
  if (!tokens[candidate.nameLast]!.possessive || !FAMILY_NOUNS.has(tokens[candidate.nameLast + 1]?.lower ?? '')) {
    return false;
  }
  const from = tokens[candidate.nameLast + 2];
  const to = tokens[Math.min(tokens.length - 1, candidate.nameLast + 8)]!;
  return from !== undefined && candidate.paragraph.text.slice(from.start, to.end).includes(entity.name);
}

/**
 * Whether a person may hold an office (its words): no role known (and no "Jr." telling them from a father of the
 * name), or a role with its words.
 */
function holdsOffice(person: Entity, office: readonly string[], introducedAs: readonly string[]): boolean {
  // ("President Quell" beside Tom Quell Jr.: the office without the suffix is the father's)
  const names = person.name.split(' ');
  if (names.length >= 3 && NAME_SUFFIXES.has(normalizeName(names.at(-1)!))) return false;
  if (person.roles.size === 0 && introducedAs.length === 0) return true;
  return namesOffice(person, office, introducedAs);
}

/**
 * Whether a role of a person has every word of an office: among those they have so far, or `introducedAs` (what
 * their full name is given anywhere in the article).
 */
function namesOffice(person: Entity, office: readonly string[], introducedAs: readonly string[] = []): boolean {
  const roles = [...[...person.roles.values()].map((role) => role.text), ...introducedAs];
  return roles.some((role) => {
    const words = normalizeName(role).split(' ');
    return office.every((word) => words.includes(word));
  });
}

/** The roles of an entity, best first. */
export function rolesOf(entity: Entity): string[] {
  return rankRoles(entity.roles.values());
}

/** The public shape of a person or organisation. */
export function toPerson(entity: Entity): Person {
  return { name: entity.name, aliases: [...entity.aliases], roles: rolesOf(entity), kind: entity.kind };
}

/** Whether the run ending at `last` opens a credit ("Additional reporting by"). */
function isCreditOpening(tokens: readonly Token[], last: number): boolean {
  return CREDIT_WORDS.has(tokens[last + 1]?.lower ?? '') && tokens[last + 2]?.lower === 'by';
}

/** "Prince Charles", "ex-King Michael": a royal title right before the one name. */
function isRoyalTitled(candidate: Candidate): boolean {
  // (the title, or a word before it: "ex-King" is no capitalized run's)
  const last = candidate.title.at(-1) ?? candidate.paragraph.tokens[candidate.runFirst - 1]?.text;
  return candidate.words.length === 1 && isRoyalTitle(last);
}

/** A guessed body's candidate with its name's "'s" dropped, to look for the person it may be ("Price's"). */
function withoutPossessive(candidate: Candidate): Candidate {
  const name = candidate.words[0]!;
  const bare = name.replace(/['’]s$/u, '');
  return bare === name ? candidate : { ...candidate, words: [bare] };
}

/** A person the article gives a royal title, as a role or in a name ("Prince Saud al-Faisal", "King of Jordan"). */
function isRoyalEntity(entity: Entity): boolean {
  const words = [...entity.roles.keys(), ...entity.aliases, entity.name].flatMap((text) => text.split(/[\s-]+/u));
  return words.some((word) => ROYAL_TITLES.has(normalizeName(word)));
}

/** Whether a word is a royal title, "ex-" or not ("Prince", "ex-King"). */
function isRoyalTitle(word: string | undefined): boolean {
  return word !== undefined && ROYAL_TITLES.has(normalizeName(word).split(/[\s-]/u).pop() ?? '');
}

/**
 * A title that stands before a bare surname: a courtesy, a royal or religious title, an office ("President",
 * "Senator"), or a role noun capitalized only by opening the sentence ("Midfielder Edu"). A capitalized role noun
 * inside a sentence makes a name of a thing ("the Screen Actors Guild", "the Poll Winners Concert").
 */
function isPersonTitle(candidate: Candidate): boolean {
  const last = normalizeName(candidate.title[candidate.title.length - 1]!);
  // ("Lords Bingham, Steyn and Hope", "Princes William and Harry": a title said of several)
  const courtesy = (word: string): boolean =>
    HONORIFICS.has(word) || ROYAL_TITLES.has(word) || HONORIFIC_TITLES.has(word);
  if (SINGLE_TITLE_WORDS.has(last) || courtesy(last) || (last.endsWith('s') && courtesy(last.slice(0, -1))))
    return true;
  return candidate.title.length === 1 && candidate.runFirst === candidate.paragraph.sentenceOf[candidate.runFirst];
}
