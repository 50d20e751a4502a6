import type { Person } from '../../articles/article.js';
import { normalizeName, surnameOf, TITLE_PHRASES, titleLengthAt } from '../names.js';
import type { ArticleDoc, ParagraphDoc } from './document.js';
import {
  firstNameGender,
  type Gender,
  isCommonWord,
  isDemonym,
  isFirstName,
  isLastName,
  isOrganizationName,
  isPlaceName,
  isRoleNoun,
  isVerbForm,
} from './lexicon.js';
import { isSpeechVerb, isUnambiguousSpeechVerb } from './speech-verbs.js';
import { bareEnd, type Token } from './tokens.js';

/** One place where a person is named. Offsets are into the article's source text. */
export interface PersonMention {
  person: PersonRecord;
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

/** A person being assembled from the mentions of one article. */
export interface PersonRecord {
  name: string;
  key: string;
  surnameKey: string;
  firstKey: string;
  aliases: Set<string>;
  roles: string[];
  gender: Gender | null;
}

/** The people of an article and where they are named. */
export interface PeopleIndex {
  people: PersonRecord[];
  mentions: PersonMention[];
}

/** Capitalized words that open sentences or phrases but are never part of a name. */
const NON_NAME_WORDS = new Set(
  (
    'the a an and but or nor so yet for in on at by of to from with without about after before during since until ' +
    'as if when while where whether though although because this that these those it its he she they we i you his her ' +
    'their our my your there here then now also still even just only not no yes some many most all both each every ' +
    'other another such what which who whom whose how why monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december today tomorrow yesterday ' +
    'last next earlier later meanwhile however instead according among under over into through across against ' +
    'one two three four five six seven eight nine ten first second third new former late read follow updated more'
  ).split(' '),
);

/** Words that make a capitalized run an organisation, place, event or thing rather than a person. */
const NON_PERSON_HEADS = new Set(
  (
    'house department union party conference committee council post times news street beach county university college ' +
    'center centre institute association agency bank group ministry office court congress senate parliament assembly ' +
    'commission foundation fund corp inc company airlines airways hall square avenue road bridge island islands mountain ' +
    'river lake valley airport station hospital school church club league cup games festival awards capitol kremlin ' +
    'pentagon republic kingdom states state security forces army navy guard police network radio tv television channel ' +
    'press journal magazine daily herald tribune review reuters bloomberg associated politico breitbart cnn bbc fox msnbc ' +
    'nbc cbs abc npr twitter facebook instagram google apple microsoft amazon tiktok youtube telegram whatsapp city town ' +
    'village province region district coast sea ocean gulf east west north south central africa europe asia america ' +
    'world war day week month year act law plan program programme project summit treaty accord alliance ' +
    'democrats republicans democratic republican conservative conservatives liberal labour tory tories administration ' +
    'government cabinet embassy consulate museum theatre theater stadium arena park hotel tower building palace castle ' +
    'hill hills heights field fields bay port harbour harbor peninsula desert forest times-picker board trust holdings ' +
    'partners capital media studios records entertainment motors energy oil gas systems technologies labs index fc ' +
    'united city-state federation confederation caucus primary election debate convention church mosque temple ' +
    'olympics championship series tournament prize medal award show data research consulting solutions services ' +
    'software digital networks communications telecom pharmaceuticals insurance securities investments ' +
    'international associates analytics watch rights ltd plc llc corporation institution institutions organisation ' +
    'organization initiative coalition'
  ).split(' '),
);

const NAME_PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'bin',
  'ibn',
  'al',
  'la',
  'le',
  'du',
  'dos',
  'ter',
  'abu',
  'el',
]);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const SINGLE_TITLE_WORDS = new Set(TITLE_PHRASES.flat());
const GENDERED_TITLES: Record<string, Gender> = {
  mr: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  sir: 'male',
  dame: 'female',
  lord: 'male',
  lady: 'female',
  king: 'male',
  queen: 'female',
  prince: 'male',
  princess: 'female',
  congressman: 'male',
  congresswoman: 'female',
  chairman: 'male',
  chairwoman: 'female',
};
const ROLE_STOP_WORDS = new Set(
  (
    'the a an and or but of in on at by to for from with as that which who whom said says told is was are were has ' +
    'have had be been will would not never did does do could should can may might must'
  ).split(' '),
);

/** A capitalized run of tokens split into its title/role prefix and the name itself. */
interface NameCandidate {
  paragraph: ParagraphDoc;
  /** first token of the title prefix (equals nameFirst when there is none) */
  runFirst: number;
  nameFirst: number;
  nameLast: number;
  words: string[];
  title: string[];
  role: string | null;
  evidence: number;
}

const ACRONYM = /^(?:\p{Lu}{2,}|(?:\p{Lu}\.){2,})$/u;
const INITIAL = /^\p{Lu}\.$/u;

function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isAcronym(token: Token): boolean {
  const text = token.text;
  // most names fail at their second letter ("Rubio"): skip the unicode-property regex for them
  if (isAsciiLower(text.charCodeAt(1))) return false;
  return ACRONYM.test(text.replace(/['’]s$/u, ''));
}

function isInitial(token: Token): boolean {
  return token.text.endsWith('.') && INITIAL.test(token.text);
}

/** A token that can belong to a capitalized run (names, titles, acronyms, initials). */
function isRunToken(token: Token): boolean {
  return token.kind === 'word' && token.capitalized;
}

function singular(lower: string): string {
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

// a pure function of the word, asked several times per token: remember the answers (bounded)
const roleWordCache = new Map<string, boolean>();

function isRoleWord(lower: string): boolean {
  let answer = roleWordCache.get(lower);
  if (answer === undefined) {
    const last = lower.split('-').pop() ?? lower;
    answer = isRoleNoun(lower) || isRoleNoun(last) || isRoleNoun(singular(lower)) || SINGLE_TITLE_WORDS.has(lower);
    if (roleWordCache.size < 100_000) roleWordCache.set(lower, answer);
  }
  return answer;
}

/** True for a word that can be part of a person's name. */
function isNameWord(token: Token): boolean {
  if (isInitial(token)) return true;
  if (isAcronym(token)) return false;
  const lower = token.lower;
  if (NON_NAME_WORDS.has(lower) || NON_PERSON_HEADS.has(lower)) return false;
  if (SINGLE_TITLE_WORDS.has(lower) || isDemonym(lower)) return false;
  if (isRoleNoun(lower) && !isFirstName(lower) && !isLastName(lower)) return false;
  return true;
}

function isParticle(token: Token): boolean {
  return NAME_PARTICLES.has(token.lower);
}

/**
 * "of" joins a title or institution to what it rules ("Secretary of State Marco Rubio", "Bank of England") but ends
 * a name: "Cara Diemont of Dimension Data" is a person and her employer.
 */
function joinsOver(last: Token, next: Token): boolean {
  return next.lower === 'of' && !isNameWord(last);
}

/** Collect the capitalized runs of a paragraph ("US Secretary of State Marco Rubio"). */
function collectRuns(paragraph: ParagraphDoc): [number, number][] {
  const runs: [number, number][] = [];
  const tokens = paragraph.tokens;
  let index = 0;
  while (index < tokens.length) {
    if (!isRunToken(tokens[index]!)) {
      index++;
      continue;
    }
    const first = index;
    let last = index;
    while (!tokens[last]!.possessive) {
      const next = tokens[last + 1];
      const after = tokens[last + 2];
      if (next && isRunToken(next)) {
        last++;
      } else if (next && after && isRunToken(after) && (joinsOver(tokens[last]!, next) || isParticle(next))) {
        last += 2;
      } else {
        break;
      }
    }
    runs.push([first, last]);
    index = last + 1;
  }
  return runs;
}

/** Split a run into its title prefix and the longest name-like tail. */
function splitRun(paragraph: ParagraphDoc, runStart: number, last: number): NameCandidate | null {
  let first = runStart;
  const tokens = paragraph.tokens;
  let nameFirst = last + 1;
  for (let index = last; index >= first; index--) {
    const token = tokens[index]!;
    const particle = NAME_PARTICLES.has(token.lower) && index > first && index < last;
    if (!isNameWord(token) && !particle) break;
    if (index < last && token.possessive) break;
    nameFirst = index;
  }
  // "But Fico", "Both Fico": a sentence word before a name is neither title nor role
  while (first < nameFirst && NON_NAME_WORDS.has(tokens[first]!.lower)) first++;
  // a leading particle or lone suffix is not a name start
  while (nameFirst <= last && NAME_PARTICLES.has(tokens[nameFirst]!.lower)) nameFirst++;
  if (nameFirst > last) return null;
  let nameLast = last;
  while (nameLast > nameFirst && NAME_SUFFIXES.has(tokens[nameLast]!.lower) === false && isInitial(tokens[nameLast]!)) {
    nameLast--;
  }
  if (isLeadingLabel(tokens, nameFirst, nameLast)) nameFirst++;
  const words = tokens.slice(nameFirst, nameLast + 1).map((token) => token.text.replace(/['’]s?$/u, ''));
  const title = tokens.slice(first, nameFirst).map((token) => token.text);
  return { paragraph, runFirst: first, nameFirst, nameLast, words, title, role: null, evidence: 0 };
}

const PLACE_PREFIXES = new Set([
  'san',
  'santa',
  'sao',
  'são',
  'st',
  'saint',
  'los',
  'las',
  'fort',
  'port',
  'mount',
  'lake',
]);

/**
 * `Backbencher Stephen Pound`, `Referee Graham Poll`: in three name-like words, a first word that is no given name
 * before one that is labels the person (a sentence-initial role or group) rather than starting the name.
 */
function isLeadingLabel(tokens: readonly Token[], nameFirst: number, nameLast: number): boolean {
  if (nameLast - nameFirst !== 2) return false;
  const label = tokens[nameFirst]!;
  const given = tokens[nameFirst + 1]!;
  if (isInitial(label) || isFirstName(label.lower) || !isFirstName(given.lower)) return false;
  // "San Francisco Ballet", "St John Ambulance": a place prefix starts a place name, not a label
  if (PLACE_PREFIXES.has(label.lower)) return false;
  return !isLastName(label.lower) && !NAME_PARTICLES.has(given.lower);
}

/** A lowercase role phrase right before a name ("Ukraine’s top negotiator", "property tycoon-turned-diplomat"). */
function rolePhraseBefore(paragraph: ParagraphDoc, runFirst: number): string | null {
  const tokens = paragraph.tokens;
  let from = runFirst;
  let sawRole = false;
  for (let index = runFirst - 1; index >= 0 && runFirst - index <= 5; index--) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || ROLE_STOP_WORDS.has(token.lower)) break;
    if (index === runFirst - 1 && !isRoleWord(token.lower)) return null;
    // "did not impress Tory shadow education secretary": the verb before a role is not part of it, but a noun
    // that looks like a verb before a role word is ("finance minister", "party leader")
    const compound = index + 1 < runFirst && isRoleWord(tokens[index + 1]!.lower);
    if (!token.capitalized && !isRoleWord(token.lower) && !compound && isVerbForm(token.lower)) break;
    if (isRoleWord(token.lower)) sawRole = true;
    from = index;
    // a possessive ends the phrase: "Trump’s special envoy", not the whole noun phrase before it
    if (token.possessive) break;
  }
  if (!sawRole || from === runFirst) return null;
  return paragraph.text.slice(tokens[from]!.start, tokens[runFirst - 1]!.end);
}

/** An appositive after a name: `Marco Rubio, Trump’s top diplomat and national security adviser,`. */
function appositiveAfter(paragraph: ParagraphDoc, nameLast: number): string | null {
  const tokens = paragraph.tokens;
  let index = nameLast + 1;
  if (tokens[index]?.text !== ',') return null;
  index++;
  // an age between commas ("Clinton, 35, the daughter of ...")
  if (/^\d{1,3}$/.test(tokens[index]?.text ?? '') && tokens[index + 1]?.text === ',') index += 2;
  const first = tokens[index];
  if (first?.kind !== 'word') return null;
  const opens =
    ['the', 'a', 'an'].includes(first.lower) ||
    first.possessive ||
    isRoleWord(first.lower) ||
    isDemonym(first.lower) ||
    (first.lower === 'one' && tokens[index + 1]?.lower === 'of') ||
    /^(?:former|top|senior|chief|deputy|acting|longtime|veteran|then)$/.test(first.lower);
  if (!opens) return null;
  let sawRole = false;
  for (let end = index; end < tokens.length && end - index < 14; end++) {
    const token = tokens[end]!;
    if (token.text === ',' || token.text === '.' || token.text === ';' || token.text === '—') {
      if (!sawRole || end === index) return null;
      return paragraph.text.slice(first.start, tokens[end - 1]!.end);
    }
    if (token.kind !== 'word' || ['who', 'which', 'that', 'is', 'was', 'said', 'says'].includes(token.lower))
      return null;
    if (isSpeechVerb(token.lower) && !isRoleWord(token.lower)) return null;
    if (isRoleWord(token.lower)) sawRole = true;
  }
  return null;
}

/** True when the mention is the subject of a nearby speech verb or opens its sentence. */
function isSubjectPosition(paragraph: ParagraphDoc, runFirst: number, nameLast: number): boolean {
  const tokens = paragraph.tokens;
  const sentenceFirst = paragraph.sentenceOf[runFirst] ?? 0;
  if (runFirst === sentenceFirst) return true;
  // "On Monday, Rubio ..." and "But Fico ..." still open their sentence
  const lead = tokens.slice(sentenceFirst, runFirst);
  if (lead.length <= 4 && (lead.length === 1 || lead[lead.length - 1]?.text === ',')) return true;
  const next = tokens[nameLast + 1];
  return next !== undefined && isSpeechVerb(next.lower);
}

/** Surface forms of a title before a surname worth keeping as an alias ("Secretary Rubio", "Mr Blair"). */
function titledAlias(candidate: NameCandidate): string | null {
  if (candidate.title.length === 0 || candidate.words.length !== 1) return null;
  const titleLower = candidate.title.map((word) => normalizeName(word));
  const length = titleLengthAt(titleLower, titleLower.length - 1) > 0 ? 1 : titleLower.length;
  return `${candidate.title.slice(-length).join(' ')} ${candidate.words[0]}`;
}

function genderFromTitle(title: readonly string[]): Gender | null {
  for (const word of title) {
    const gender = GENDERED_TITLES[normalizeName(word)];
    if (gender) return gender;
  }
  return null;
}

/** Score how much a candidate looks like a person's name. */
function scoreCandidate(candidate: NameCandidate): number {
  const lowers = candidate.words.map((word) => normalizeName(word));
  if (lowers.some((word) => isPlaceName(word) && !isFirstName(word) && !isLastName(word))) {
    if (candidate.words.length === 1) return -1;
  }
  if (lowers.some((word) => isOrganizationName(word))) return -1;
  let score = 0;
  const firstWord = lowers[0] ?? '';
  if (candidate.words.length >= 2 && isFirstName(firstWord)) score += 2;
  if (isLastName(lowers[lowers.length - 1] ?? '')) score += 1;
  if (candidate.title.length > 0 && titleLengthAt(candidate.title.map(normalizeName), candidate.title.length - 1) > 0) {
    score += 2;
  } else if (candidate.title.some((word) => isRoleWord(normalizeName(word)))) {
    score += 2;
  }
  if (candidate.role !== null) score += 2;
  return score;
}

/** Find the people of an article: their names, aliases, roles, and every mention. */
export function findPeople(doc: ArticleDoc): PeopleIndex {
  const candidates: NameCandidate[] = [];
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) continue;
    for (const [first, last] of collectRuns(paragraph)) {
      const candidate = splitRun(paragraph, first, last);
      if (!candidate) continue;
      const before = rolePhraseBefore(paragraph, candidate.runFirst);
      const after = appositiveAfter(paragraph, last);
      const titleRole = candidate.title.length > 0 ? candidate.title.join(' ') : null;
      const roles = [titleRole && isTitleRole(candidate.title) ? titleRole : null, before, after].filter(
        (role): role is string => role !== null,
      );
      candidate.role = roles.length > 0 ? roles.join('\u0000') : null;
      candidate.evidence = scoreCandidate(candidate);
      const next = paragraph.tokens[last + 1];
      if (next && isSpeechVerb(next.lower)) candidate.evidence += 1;
      if (isNamedSpeaker(paragraph, candidate)) candidate.evidence = Math.max(candidate.evidence, 2);
      if (next?.text === ',' && paragraph.tokens[last + 2]?.lower === 'who') candidate.evidence += 1;
      candidates.push(candidate);
    }
  }
  return assemblePeople(candidates);
}

/**
 * `says Cara Diemont of ...`, `Jo Bexley said`: two or three name-like words right beside a speech verb name a
 * person even when the lexicon does not know the first name, unless it is an everyday word ("Human Rights Watch").
 */
function isNamedSpeaker(paragraph: ParagraphDoc, candidate: NameCandidate): boolean {
  if (candidate.words.length < 2 || candidate.words.length > 3 || candidate.evidence < 0) return false;
  if (candidate.words.some((word) => word.length < 2 || /\d/u.test(word))) return false;
  const lowers = candidate.words.map((word) => normalizeName(word));
  if (!isFirstName(lowers[0]!) && !isUnknownNameLike(candidate.words, lowers)) return false;
  const before = paragraph.tokens[candidate.runFirst - 1];
  const after = paragraph.tokens[candidate.nameLast + 1];
  return isSpeechCue(before) || isSpeechCue(after);
}

/** Ends of common nouns and adjectives, rare at the end of a given name ("Retail Decisions", "Federal Reserve"). */
const COMMON_WORD_ENDING = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ics|ism|ist|ure|ive|ous|ful|less|ical|ing)$/u;

/**
 * Words that may be a name the lexicon does not know ("Junya Tanase"): no everyday word the lexicon lists, no
 * common-noun ending or "-owned" adjective at the start, and no plural at the end that is not a known surname.
 */
function isUnknownNameLike(words: readonly string[], lowers: readonly string[]): boolean {
  if (lowers.some((word) => isCommonWord(word) && !isLastName(word))) return false;
  const first = lowers[0]!;
  if (COMMON_WORD_ENDING.test(first) || /-\p{Ll}+ed$/u.test(words[0]!)) return false;
  const last = lowers[lowers.length - 1]!;
  return !last.endsWith('s') || isLastName(last);
}

function isSpeechCue(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && !token.capitalized && isUnambiguousSpeechVerb(token.lower);
}

/** True when a title prefix reads as a role ("US Secretary of State", "Russian President"), not just "Mr". */
function isTitleRole(title: readonly string[]): boolean {
  const lower = title.map((word) => normalizeName(word));
  if (lower.length === 1 && GENDERED_TITLES[lower[0]!] && !isRoleWord(lower[0]!)) return false;
  return lower.some((word) => isRoleWord(word) || SINGLE_TITLE_WORDS.has(word));
}

function assemblePeople(candidates: NameCandidate[]): PeopleIndex {
  const people: PersonRecord[] = [];
  const byKey = new Map<string, PersonRecord>();
  const mentions: PersonMention[] = [];

  const addRoles = (person: PersonRecord, candidate: NameCandidate): void => {
    for (const role of candidate.role?.split('\u0000') ?? []) {
      if (!person.roles.some((known) => normalizeName(known) === normalizeName(role))) person.roles.push(role);
    }
  };

  // full names first: two or more words with some evidence they name a person
  for (const candidate of candidates) {
    if (candidate.words.length < 2 || candidate.evidence < 1) continue;
    const name = candidate.words.join(' ');
    // weak evidence is enough for a relative of someone already named ("Bill Clinton" after "Hillary Clinton")
    if (candidate.evidence < 2 && !people.some((known) => known.surnameKey === normalizeName(surnameOf(name))))
      continue;
    const key = normalizeName(name);
    let person = byKey.get(key) ?? findSamePerson(people, candidate.words);
    if (!person) {
      const lowers = candidate.words.map((word) => normalizeName(word));
      person = {
        name,
        key,
        surnameKey: normalizeName(surnameOf(name)),
        firstKey: lowers[0] ?? '',
        aliases: new Set(),
        roles: [],
        gender: genderFromTitle(candidate.title) ?? firstNameGender(lowers[0] ?? ''),
      };
      people.push(person);
      byKey.set(key, person);
    } else if (normalizeName(person.name) !== key) {
      person.aliases.add(name);
    }
    addRoles(person, candidate);
  }

  // single words: surnames (or first names) of those people, or titled surnames of people named only that way
  for (const candidate of candidates) {
    if (candidate.words.length !== 1 || candidate.evidence < 0) continue;
    const key = normalizeName(candidate.words[0]!);
    if (byKey.has(key) && byKey.get(key)!.key === key) continue;
    const matches = people.filter((person) => person.surnameKey === key);
    const person = matches.length > 0 ? matches : people.filter((known) => known.firstKey === key);
    if (person.length === 0 && candidate.title.length > 0 && candidate.evidence >= 2) {
      const created: PersonRecord = {
        name: candidate.words[0]!,
        key,
        surnameKey: key,
        firstKey: key,
        aliases: new Set(),
        roles: [],
        gender: genderFromTitle(candidate.title),
      };
      people.push(created);
      byKey.set(key, created);
    }
  }

  for (const candidate of candidates) {
    const person = resolveCandidate(candidate, people, byKey, mentions);
    if (!person) continue;
    const paragraph = candidate.paragraph;
    const firstToken = paragraph.tokens[candidate.nameFirst]!;
    const lastToken = paragraph.tokens[candidate.nameLast]!;
    if (candidate.words.length === 1) {
      person.aliases.add(candidate.words[0]!);
      addRoles(person, candidate);
      if (!person.gender) person.gender = genderFromTitle(candidate.title);
    }
    const alias = titledAlias(candidate);
    if (alias) person.aliases.add(alias);
    mentions.push({
      person,
      paragraphIndex: paragraph.index,
      firstToken: candidate.nameFirst,
      lastToken: candidate.nameLast,
      start: paragraph.offset + firstToken.start,
      end: paragraph.offset + bareEnd(lastToken),
      inQuote: paragraph.quoted[candidate.nameFirst] === true,
      subject: isSubjectPosition(paragraph, candidate.runFirst, candidate.nameLast),
      sentenceStart: paragraph.sentenceOf[candidate.nameFirst] ?? 0,
      closesParagraph: paragraph.sentenceOf[candidate.nameFirst] === paragraph.sentenceOf[paragraph.tokens.length - 1],
    });
  }
  for (const person of people) person.aliases.delete(person.name);
  return { people: people.filter((person) => mentions.some((mention) => mention.person === person)), mentions };
}

/** Another full form of a known person: same first name and surname ("Donald J. Trump" and "Donald Trump"). */
function findSamePerson(people: readonly PersonRecord[], words: readonly string[]): PersonRecord | undefined {
  const first = normalizeName(words[0] ?? '');
  const surname = normalizeName(surnameOf(words.join(' ')));
  return people.find((person) => person.firstKey === first && person.surnameKey === surname);
}

/** The person a candidate names: a full name directly, a single word by surname (the latest one named). */
function resolveCandidate(
  candidate: NameCandidate,
  people: readonly PersonRecord[],
  byKey: ReadonlyMap<string, PersonRecord>,
  mentions: readonly PersonMention[],
): PersonRecord | null {
  if (candidate.words.length >= 2) {
    const key = normalizeName(candidate.words.join(' '));
    return byKey.get(key) ?? findSamePerson(people, candidate.words) ?? null;
  }
  const key = normalizeName(candidate.words[0]!);
  const exact = byKey.get(key);
  if (exact && exact.key === key) return exact;
  let matches = people.filter((person) => person.surnameKey === key);
  if (matches.length === 0) matches = people.filter((person) => person.firstKey === key);
  if (matches.length <= 1) return matches[0] ?? null;
  // a shared surname means the one named most recently
  for (let index = mentions.length - 1; index >= 0; index--) {
    const mention = mentions[index]!;
    if (matches.includes(mention.person)) return mention.person;
  }
  return matches[0] ?? null;
}

/** The public shape of a person. */
export function toPerson(record: PersonRecord): Person {
  return { name: record.name, aliases: [...record.aliases], roles: [...record.roles] };
}
