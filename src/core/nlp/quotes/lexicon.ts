import { createRequire } from 'node:module';

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

function hasTag(word: string, tags: readonly string[]): boolean {
  return tagsOf(word).some((tag) => tags.includes(tag));
}

/** Role nouns compromise does not list, common in news. */
const EXTRA_ROLE_NOUNS = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'negotiator',
  'envoy',
  'diplomat',
  'adviser',
  'advisor',
  'aide',
  'official',
  'minister',
  'secretary',
  'senator',
  'lawmaker',
  'legislator',
  'governor',
  'mayor',
  'leader',
  'president',
  'chief',
  'director',
  'head',
  'candidate',
  'nominee',
  'strategist',
  'pollster',
  'chairman',
  'chairwoman',
  'founder',
  'co-founder',
  'ceo',
  'executive',
  'manager',
  'prosecutor',
  'judge',
  'lawyer',
  'attorney',
  'analyst',
  'economist',
  'professor',
  'researcher',
  'scientist',
  'expert',
  'activist',
  'campaigner',
  'tycoon',
  'billionaire',
  'son-in-law',
  'daughter-in-law',
  'wife',
  'husband',
  'son',
  'daughter',
  'ally',
  'rival',
  'opponent',
  'challenger',
  'incumbent',
  'representative',
  'congressman',
  'congresswoman',
  'commissioner',
  'ambassador',
  'general',
  'commander',
  'officer',
  'premier',
  'chancellor',
  'monarch',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'speaker',
  'deputy',
  'minister',
  'chair',
  'editor',
  'reporter',
  'correspondent',
  'columnist',
  'host',
  'anchor',
  'coach',
  'player',
  'striker',
  'captain',
  'owner',
  'partner',
  'member',
  'supporter',
  'voter',
  'resident',
  'witness',
  'victim',
  'student',
  'teacher',
  'doctor',
  'nurse',
  'surgeon',
  'businessman',
  'businesswoman',
  'entrepreneur',
  'investor',
  'banker',
  'regulator',
  'mediator',
  'negotiators',
]);

/** Gender of a first name, when the name list knows it. */
export function firstNameGender(lower: string): Gender | null {
  const tags = tagsOf(lower);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  return null;
}

/** True when a word is a known given name ("marco", "hillary"). */
export function isFirstName(lower: string): boolean {
  return hasTag(lower, ['MaleName', 'FemaleName', 'FirstName']);
}

/** True when a word is a known surname or person name ("obama", "cruz"). */
export function isLastName(lower: string): boolean {
  return hasTag(lower, ['LastName', 'Person']);
}

/** True for countries, cities, regions and other places ("moscow", "florida"). */
export function isPlaceName(lower: string): boolean {
  return hasTag(lower, ['Country', 'City', 'Region', 'Place']);
}

/** True for organisations and sports teams the lexicon knows ("nato"). */
export function isOrganizationName(lower: string): boolean {
  return hasTag(lower, ['Organization', 'SportsTeam']);
}

/** True for nationality adjectives ("russian", "slovak"). */
export function isDemonym(lower: string): boolean {
  return hasTag(lower, ['Demonym']);
}

/** True for a noun naming a person's role ("president", "spokesman", "diplomat"). */
export function isRoleNoun(lower: string): boolean {
  return EXTRA_ROLE_NOUNS.has(lower) || hasTag(lower, ['Actor']);
}

/** Tags that make a lowercase word a poor head for a speaker phrase ("came", "rare", "upon", "this"). */
const NON_HEAD_TAGS = ['PastTense', 'Adjective', 'Adverb', 'Preposition', 'Gerund', 'Determiner', 'Conjunction'];

/** True when a lowercase word cannot head a phrase naming who spoke: a verb form, adjective, adverb or function word. */
export function isNonHeadWord(lower: string): boolean {
  if (isRoleWordLike(lower)) return false;
  if (/ly$/.test(lower) && tagsOf(lower).length === 0) return true;
  return hasTag(lower, NON_HEAD_TAGS);
}

/** True for an -ly adverb ("jokingly", "recently"), not an -ly noun or adjective the lexicon knows ("ally", "family"). */
export function isLyAdverb(lower: string): boolean {
  return /ly$/.test(lower) && (tagsOf(lower).length === 0 || hasTag(lower, ['Adverb']));
}

function isRoleWordLike(lower: string): boolean {
  return isRoleNoun(lower) || hasTag(lower, ['Noun', 'Singular', 'Plural', 'Pronoun']);
}
