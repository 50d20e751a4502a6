import {
  isDemonym,
  isEverydayWord,
  isFirstName,
  isNonHeadWord,
  isPlaceName,
  isPreposition,
  isRoleNoun,
  isVerbForm,
} from '../lexicon/tags.js';
import {
  ADJECTIVAL_PARTICIPLES,
  APPOSITIVE_OPENERS,
  AWARD_HEADS,
  AWARD_WORDS,
  CONSORT_WORDS,
  DESCRIPTIVE_PREPOSITIONS,
  FAMILY_NOUNS,
  HONORIFIC_TITLES,
  HONORIFICS,
  LIST_JOINERS,
  MOOD_WORDS,
  ORDINALS,
  ORIGIN_NOUNS,
  OTHER_OFFICE_WORDS,
  PERSON_NOUNS,
  PLAIN_ROLE_MODIFIERS,
  POINTING_NOUNS,
  POSSESSIVE_PRONOUNS,
  RELATIONAL_NOUNS,
  ROLE_CLAUSE_VERBS,
  ROLE_CLAUSE_WORDS,
  ROLE_GLUE_WORDS,
  ROLE_PRONOUNS,
  ROLE_TIME_WORDS,
  TIME_NOUNS,
  TITLE_PHRASES,
} from '../lexicon/words.js';
import { normalizeName } from '../names.js';

/**
 * Roles: noun phrases naming a position, office, job or standing ("Prime Minister", "Liverpool manager", "former
 * home secretary"). This module cleans the raw phrases the people finder collects and folds their variants, so a
 * person card never shows an honorific alone, a sentence word glued to a role, a clause, or someone else's
 * description.
 */

/** The head word of each title ("secretary" of "secretary of state", "minister" of "prime minister"). */
const TITLE_WORDS: ReadonlySet<string> = new Set(
  TITLE_PHRASES.map((phrase) => {
    const words = phrase.split(' ');
    const of = words.indexOf('of');
    return of > 0 ? words[of - 1]! : words[words.length - 1]!;
  }),
);

/** The ranks of "world number one" to "number ten". */
const RANKS: ReadonlySet<string> = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]);

/** Prepositions that tie a role to what it serves ("governor of", "adviser to", "analyst at"). */
const ROLE_LINKS = new Set(['of', 'to', 'at', 'for', 'with', 'in', 'on']);

/** Spelled-out forms of abbreviations inside roles, so "Lib Dem leader" and "Liberal Democrat leader" are one. */
const EXPANSIONS: Readonly<Record<string, string>> = {
  'lib dem': 'liberal democrat',
  'lib dems': 'liberal democrats',
  tory: 'conservative',
  tories: 'conservatives',
  'chief exec': 'chief executive',
  ex: 'former',
  ceo: 'chief executive',
  'u s': 'us',
  'u k': 'uk',
  'united states': 'us',
  'united kingdom': 'uk',
  britain: 'uk',
  british: 'uk',
  america: 'us',
  american: 'us',
};
const EXPANSION_PATTERN = new RegExp(
  `\\b(?:${Object.keys(EXPANSIONS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'g',
);

/** True for a word that can head a role: a role noun or a title word. */
export function isRoleHead(lower: string): boolean {
  // ("President-elect", "prime minister-designate": an office about to be held)
  const bare = lower.replace(/['’]s$/u, '').replace(/[-\s](?:elect|designate)$/u, '');
  // ("vice-chancellor", folded to "vice chancellor" where names are compared)
  const last = bare.split(/[-\s]/u).pop() ?? bare;
  return isRoleNoun(bare) || isRoleNoun(last) || TITLE_WORDS.has(bare) || isRoleNoun(singular(bare));
}

/** A plural of a role noun ("athletes", "officials"): a group, never the one person a description names. */
export function isPluralRoleNoun(lower: string): boolean {
  const one = singular(lower);
  return one !== lower && isRoleHead(one);
}

function singular(lower: string): string {
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/u.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

function bare(word: string): string {
  return normalizeName(word);
}

/**
 * The role a raw phrase names, cleaned, or null when it names none: leading determiners and sentence words are
 * dropped ("Earlier Tory leader" -> "Tory leader"), an honorific alone or at the end is no role ("Harrogate Mr"),
 * and the phrase must be headed by a role word (so no clause and no description ending in a name).
 */
export function cleanRole(raw: string): string | null {
  let words = raw
    .replace(/[\s,;:]+$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  // "Sheriff's" before "Col. John Fortunato": whose officer he is, not a role of its own
  if (/['’]s?$/u.test(words.at(-1) ?? '')) return null;
  // "serious foul play while Arsenal boss": a clause glued before the role ends at the word that opens the role's
  const clauseAt = words.findLastIndex((word) => ROLE_CLAUSE_WORDS.has(bare(word)));
  if (clauseAt >= 0) words = words.slice(clauseAt + 1);
  // "Other guests include actor", "Chelsea brought striker": a verb of the sentence before the role ends its clause
  const verbBefore = words.findLastIndex(
    (word, at) => at < words.length - 1 && /^\p{Ll}/u.test(word) && ROLE_CLAUSE_VERBS.has(word),
  );
  if (verbBefore >= 0) words = words.slice(verbBefore + 1);
  // "Reporters covering singer": a group doing something, then the role of the one they do it to
  const doing = words.findLastIndex(
    (word, at) =>
      at > 0 &&
      at < words.length - 1 &&
      /^\p{Ll}+ing$/u.test(word) &&
      !ADJECTIVAL_PARTICIPLES.has(word) &&
      !isRoleHead(word) &&
      /s$/u.test(words[at - 1]!) &&
      (/^\p{Ll}/u.test(words[at - 1]!) || isRoleHead(words[at - 1]!.toLowerCase())) &&
      !/['’]s$/u.test(words[at - 1]!) &&
      !isPreposition(words[at + 1]!.toLowerCase()),
  );
  if (doing >= 0) words = words.slice(doing + 1);
  // "chief secretary to the Treasury in a statement": where it was said is no part of the role; nor is "in the talks",
  // "in the race": the sentence's event, where no name says which ("in the Bush administration" does)
  const said = words.findIndex(
    (word, at) =>
      at > 0 &&
      word === 'in' &&
      (/^(?:a|an)$/u.test(words[at + 1] ?? '') ||
        (words[at + 1] === 'the' &&
          at + 2 < words.length &&
          words.slice(at + 2).every((rest) => /^\p{Ll}/u.test(rest)))),
  );
  if (said > 0) words = words.slice(0, said);
  // "official under President Donald J. Trump": whom the role was held under is no part of it
  const under = words.indexOf('under');
  if (under > 0 && isRoleHead(words[under - 1]!.toLowerCase())) words = words.slice(0, under);
  // "will likely subpoena former national security adviser": "former" opens its role; lowercase words before it are
  // the sentence's (not "Republican former governor", nor a role joined by "and": "whistleblower and former employee")
  // ("The panel heard ex-Governor X": "ex-" and "then-" open theirs the same way)
  const formerAt = words.findIndex((word) => word === 'former' || /^(?:ex|then)-\p{L}/u.test(word));
  // ("super PAC backing former Florida governor": a participle before "former" ends the words that are not the role)
  const participle = formerAt > 0 && /^\p{Ll}+ing$/u.test(words[formerAt - 1]!) && !isRoleHead(words[formerAt - 1]!);
  if (
    formerAt > 0 &&
    (participle || words.slice(0, formerAt).every((word) => /^\p{Ll}/u.test(word) && !LIST_JOINERS.has(word)))
  ) {
    words = words.slice(formerAt);
  }
  // "then Senator": a bare "then" may be the sentence's ("and then Senator X said"); "then-President" is kept, as
  // "former" is: the office was held at the time told, not now
  if (words.length > 1 && /^then$/iu.test(words[0]!)) words = words.slice(1);
  // "Last year actor", "This season coach": a time of the sentence glued before the role
  if (
    words.length > 2 &&
    /^(?:last|this|next)$/iu.test(words[0]!) &&
    TIME_NOUNS.has(bare(words[1]!).replace(/['’]s$/u, '')) &&
    !/['’]s?$/u.test(words[1]!)
  ) {
    words = words.slice(2);
  }
  // "they eye captain", "France centre Philippe Sella believes coach": a pronoun, or a given name and a surname
  // before a verb, make the phrase a clause
  if (words.some((word) => ROLE_PRONOUNS.has(bare(word)))) return null;
  // ("Rangers boss Tom Hale accepted referee": a past tense after a full name too)
  if (
    words.some(
      (word, at) =>
        at >= 2 &&
        /^\p{Ll}/u.test(word) &&
        ((/[^s]s$/u.test(word) && isVerbForm(bare(word))) ||
          (/ed$/u.test(word) && (isVerbForm(bare(word)) || isNonHeadWord(bare(word))))) &&
        /^\p{Lu}/u.test(words[at - 1]!) &&
        isFirstName(bare(words[at - 2]!)) &&
        /^\p{Lu}/u.test(words[at - 2]!),
    )
  ) {
    return null;
  }
  // leading determiners ("its president", "the company's chief financial officer": whose it is says nothing of the
  // role), sentence words glued on by capitalisation or position, a preposition of the sentence before ("between Fiat
  // boss", "alongside Wolves boss"), and how the person felt ("confident shadow home secretary")
  while (
    words.length > 0 &&
    (/^(?:the|a|an|its|his|her|their)$/i.test(words[0]!) ||
      (words.length > 1 &&
        POINTING_NOUNS.has(words[0]!.toLowerCase().replace(/['’]s$/u, '')) &&
        /['’]s$/u.test(words[0]!)) ||
      ROLE_GLUE_WORDS.has(bare(words[0]!)) ||
      // (not "Happy Mondays dancer": a capitalized word before another is a name's)
      (MOOD_WORDS.has(words[0]!.toLowerCase()) && (/^\p{Ll}/u.test(words[0]!) || /^\p{Ll}/u.test(words[1] ?? ''))) ||
      (/^\p{Ll}/u.test(words[0]!) && (isPreposition(bare(words[0]!)) || DESCRIPTIVE_PREPOSITIONS.has(words[0]!))))
  ) {
    words = words.slice(1);
  }
  // "pack Neath-Swansea Ospreys forward", "announcement WLGA spokesman": a noun of the sentence before the capitalized
  // words a role opens on is no part of it (an adjective is: "former Tory leader", "lifelong Liverpool supporter")
  if (words.length > 2 && /^\p{Ll}/u.test(words[0]!) && /^\p{Lu}/u.test(words[1]!) && isSentenceNoun(words[0]!)) {
    words = words.slice(1);
  }
  // "company's new chief executive", "New manager": how lately the role was taken is no part of it (but "New York
  // governor" and "The New Jim Crow author" keep the name the word opens, "head of new media" the thing)
  const tieAt = words.findIndex((word) => ROLE_LINKS.has(word));
  words = words.filter((word, at) => {
    if (!ROLE_TIME_WORDS.has(word.toLowerCase()) || at === words.length - 1 || (tieAt >= 0 && at > tieAt)) return true;
    if (/^\p{Ll}/u.test(word)) return false;
    const next = bare(words[at + 1]!.replace(/['’]s?$/u, ''));
    return at > 0 || isPlaceName(`${bare(word)} ${next}`) || isFirstName(next);
  });
  // "Million Dollar Baby'": a quote mark belongs to a title, not a role
  if (words.some((word) => /["“”‘]/u.test(word) || /[^sS]['’]$/u.test(word))) return null;
  // "member of his band": a role tied to someone else's describes the person through them
  if (words.some((word, at) => at > 0 && POSSESSIVE_PRONOUNS.has(word.toLowerCase()))) return null;
  // "Archbishop of": a role that ends on its preposition lost what it is of
  if (words.length > 0 && isPreposition(bare(words[words.length - 1]!))) return null;
  // "Jailed tycoon", "allowing Arsenal striker": a participle of the sentence before the role is no part of it
  // (not "Downing Street adviser": a capitalized word no verb, before another capitalized one, opens a name)
  while (
    words.length > 1 &&
    /(?:ed|ing)$/u.test(bare(words[0]!)) &&
    !ADJECTIVAL_PARTICIPLES.has(bare(words[0]!)) &&
    !isRoleHead(bare(words[0]!)) &&
    !(/^\p{Lu}\p{Ll}+$/u.test(words[0]!) && /^\p{Lu}/u.test(words[1]!) && !isVerbForm(bare(words[0]!)))
  ) {
    words = words.slice(1);
  }
  // ("appearing beside presumptive nominee": the participle dropped, the preposition after it is the sentence's too)
  while (
    words.length > 1 &&
    /^\p{Ll}/u.test(words[0]!) &&
    (isPreposition(bare(words[0]!)) || DESCRIPTIVE_PREPOSITIONS.has(words[0]!))
  ) {
    words = words.slice(1);
  }
  // "German's brother and fellow longtime television comedian": a tie to someone else, then the role itself
  if (words.length > 3 && /['’]s$/u.test(words[0]!) && FAMILY_NOUNS.has(bare(words[1]!)) && words[2] === 'and') {
    words = words.slice(words[3] === 'fellow' ? 4 : 3);
  }
  // "first lady", "first gentleman": a standing whose last word is otherwise a courtesy
  const consort = words.length >= 2 && bare(words.at(-2)!) === 'first' && CONSORT_WORDS.has(bare(words.at(-1)!));
  // trailing honorifics: "Harrogate Mr" is a place and a courtesy, not a role
  while (!consort && words.length > 0 && HONORIFICS.has(bare(words[words.length - 1]!))) words = words.slice(0, -1);
  if (words.length === 0 || words.length > 9) return null;
  // "Mr Mann and Mr King": names with their courtesies are no role
  // (but "Lord Chancellor", "Lord Mayor", "Lady Justice": a peer's courtesy before an office is the office's name)
  const office = (at: number): boolean =>
    /^(?:lord|lady)$/u.test(bare(words[at]!)) && at + 1 < words.length && isRoleHead(bare(words[at + 1]!));
  if (words.some((word, at) => HONORIFICS.has(bare(word)) && !office(at) && !(consort && at === words.length - 1))) {
    return null;
  }
  // "veteran", "former": a word that only qualifies a role is none on its own
  if (words.length === 1 && APPOSITIVE_OPENERS.has(bare(words[0]!))) return null;
  // "former member", "senior member", "nominee", "leader", "incumbent": a member, nominee, leader or official of
  // nothing named is no position ("party member", "member of the band", "Oscar nominee", "Tory leader")
  if (
    ['member', 'nominee', 'leader', 'official', 'incumbent'].includes(singular(bare(words.at(-1)!))) &&
    words.slice(0, -1).every((word) => APPOSITIVE_OPENERS.has(bare(word)))
  ) {
    return null;
  }
  if (words.every((word) => HONORIFICS.has(bare(word)) || /^(?:prince|princess|king|queen)$/i.test(word))) return null;
  const lowers = words.map(bare);
  if (lowers.some((word) => /\d+-year-old|^aged$/u.test(word) || /\d/u.test(word))) return null;
  // "UKIP's two London Assembly members": a count before the head describes several, it is no one's role
  // (not "BBC Two controller": a count capitalized is part of a name)
  const count = (word: string, at: number): boolean =>
    at < lowers.length - 1 && RANKS.has(word) && /^\p{Ll}/u.test(words[at]!) && lowers[at - 1] !== 'number';
  if (lowers.some(count)) return null;
  // a clause or a verb phrase is no role ("defended coach", "figures come after ..."); a capitalised word is part of
  // a name ("Secretary of State")
  const verbAt = lowers.findIndex(
    (word, position) =>
      !/^\p{Lu}/u.test(words[position]!) &&
      /(?:ed|ing)$/u.test(word) &&
      isVerbForm(word) &&
      !ADJECTIVAL_PARTICIPLES.has(word) &&
      !isRoleHead(word),
  );
  if (verbAt >= 0) return null;
  // an article inside the phrase opens a clause or a description ("figures come after a slow summer"), unless it
  // follows the preposition that ties a role to its body ("chief executive of the company")
  const articleAt = lowers.findIndex(
    (word, position) => position > 0 && /^(?:a|an|the)$/u.test(word) && !ROLE_LINKS.has(lowers[position - 1]!),
  );
  if (articleAt >= 0) return null;
  // "minute behind winner": another preposition makes a description, not a role
  if (
    lowers.some(
      (word, position) =>
        position > 0 && (DESCRIPTIVE_PREPOSITIONS.has(word) || isPreposition(word)) && !ROLE_LINKS.has(word),
    )
  ) {
    return null;
  }
  // "chief executive of Carnival", "adviser to the campaign", "analyst at Deutsche Bank": the head comes before
  // the first preposition
  const linkAt = lowers.findIndex((word, position) => position > 0 && ROLE_LINKS.has(word));
  const headAt = linkAt > 0 ? linkAt - 1 : lowers.length - 1;
  const head = lowers[headAt]!;
  // "world number one", "women's number two": a ranking is a standing
  const ranking = lowers.length >= 2 && lowers[lowers.length - 2] === 'number' && RANKS.has(head);
  if (ranking) return words.join(' ');
  if (!isRoleHead(head)) return null;
  // (a hyphenated head by its last part: "then-rival" is a rival)
  const tail = head.split(/[-\s]/u).pop() ?? head;
  // "Trump's rival", "his daughter", "a close ally": a tie to someone else describes them, it is no role
  // (hyphenated ones too: names fold "team-mate" to "team mate")
  const hyphenated = head.replace(/\s+/gu, '-');
  if ([head, tail, hyphenated].some((word) => RELATIONAL_NOUNS.has(singular(word)))) return null;
  // "Guinea immigrant": where someone comes from describes them, it is no position
  if (ORIGIN_NOUNS.has(head) || ORIGIN_NOUNS.has(tail)) return null;
  // "great man", "Northern Ireland man", "Teenager": who someone is, not a position they hold
  if (PERSON_NOUNS.has(singular(head)) || PERSON_NOUNS.has(singular(tail))) return null;
  // "Oscar nominee", "best actress winner": an award won or nominated for is no position (a party's nominee is)
  if (AWARD_HEADS.has(singular(head)) && lowers.some((word) => AWARD_WORDS.has(word.replace(/-.*$/u, '')))) {
    return null;
  }
  // "Greek sprinters", "Stanford University students": a role said of several is each one's in the singular
  if (head !== singular(head) && isRoleHead(singular(head)) && !/ss$/u.test(head)) {
    words[headAt] = singularWord(words[headAt]!);
  }
  // "Gov." is "Governor", "Sen." is "Senator": one spelling, whatever the outlet's style
  words = words.map((word) => TITLE_ABBREVIATIONS_SPELLED[bare(word)] ?? word);
  if (words.length === 1 && HONORIFIC_TITLES.has(bare(words[0]!))) return null;
  return words.join(' ').replace(/['’]s$/u, '');
}

/**
 * The longest leading part of a description set off after a name that is a role, cut before a preposition, "and" or
 * a number: "a former senator from Minnesota" is "former senator", "the former governor of Minnesota and a Republican
 * candidate in 2012" "former governor of Minnesota", "a spokeswoman for Gore's 2000 campaign" "spokeswoman", "director
 * of the Texas Politics Project at the University of Texas" "director of the Texas Politics Project".
 */
export function leadingRole(raw: string): string | null {
  const words = raw.split(/\s+/u).filter(Boolean);
  const capitalized = (at: number): boolean => /^\p{Lu}/u.test(words[at] ?? '');
  // ("Bill Clinton, the King of Belgium as well as ...", "X, rapper and Trump supporter Lil Wayne": a list of others)
  const andAt = words.indexOf('and');
  const namedAfterAnd = andAt > 0 && words.some((_, at) => at > andAt && capitalized(at) && capitalized(at + 1));
  if (/\bas well as\b/u.test(raw) || namedAfterAnd) return null;
  for (let cut = words.length - 1; cut >= 1; cut--) {
    const word = words[cut]!.toLowerCase();
    // (never at "of": "player of the year", "chief of staff"; nor at a number inside a name: "San Francisco 49ers")
    const opensMore =
      word !== 'of' &&
      (isPreposition(word) ||
        DESCRIPTIVE_PREPOSITIONS.has(word) ||
        LIST_JOINERS.has(word) ||
        (/\d/u.test(word) && !capitalized(cut - 1)));
    // (not inside a name: "the University of Texas at Austin"; and only after a role or a name: not "director of
    // Aberdeen-based oil", "member of two")
    const before = words[cut - 1]!;
    const ends = capitalized(cut - 1) || isRoleHead(bare(before));
    if (!opensMore || !ends || (capitalized(cut - 1) && capitalized(cut + 1))) continue;
    const role = cleanRole(words.slice(0, cut).join(' '));
    // (a bare "head" says nothing without what it is head of)
    if (role !== null && role !== 'head') return role;
  }
  return null;
}

/** A lowercase noun the lexicon knows as no adjective and no role ("pack"), or an unlisted abstract one ("announcement"). */
function isSentenceNoun(word: string): boolean {
  const lower = bare(word);
  // ("first Labour prime minister": an ordinal says which holder, it is no noun of the sentence)
  if (isRoleHead(lower) || APPOSITIVE_OPENERS.has(lower) || ADJECTIVAL_PARTICIPLES.has(lower) || ORDINALS.has(lower)) {
    return false;
  }
  return isEverydayWord(lower) ? !isNonHeadWord(lower) : /(?:ment|tion|sion)$/u.test(lower);
}

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  return word.slice(0, singular(lower).length - (lower.endsWith('ies') ? 1 : 0)) + (lower.endsWith('ies') ? 'y' : '');
}

/** Abbreviated titles and the title they abbreviate. */
const TITLE_ABBREVIATIONS_SPELLED: Readonly<Record<string, string>> = {
  gov: 'Governor',
  sen: 'Senator',
  sens: 'Senator',
  reps: 'Representative',
  rep: 'Representative',
  gen: 'General',
  lt: 'Lieutenant',
  col: 'Colonel',
  capt: 'Captain',
  sgt: 'Sergeant',
  adm: 'Admiral',
  prof: 'Professor',
  pres: 'President',
  vp: 'Vice President',
  det: 'Detective',
  supt: 'Superintendent',
  insp: 'Inspector',
  cmdr: 'Commander',
  maj: 'Major',
  del: 'Delegate',
};

/** A title word as the office it abbreviates, in lowercase words ("gov" -> ["governor"], "vp" -> ["vice", "president"]). */
export function spelledTitleWords(lower: string): string[] {
  const spelled = TITLE_ABBREVIATIONS_SPELLED[lower];
  return spelled ? spelled.toLowerCase().split(' ') : [lower];
}

/** The key two variants of one role share: case, accents, spelled-out forms and a leading "the" folded away. */
export function roleKey(role: string): string {
  // ("UKIP's leader" is "UKIP leader")
  const key = normalizeName(role.replace(/(\p{L})['’]s(?=\s|$)/gu, '$1'))
    .replace(EXPANSION_PATTERN, (match) => EXPANSIONS[match] ?? match)
    .replace(/^the /u, '');
  // ("former governor of Florida" is "former Florida governor"; not "secretary of state": no place's)
  const of = /^(.*?)(\S+) of (?:the )?(.+)$/u.exec(key);
  return of && !of[3]!.includes(' of ') && isPlaceName(of[3]!) ? `${of[1]}${of[3]} ${of[2]}` : key;
}

/** How often and how early an article (or a store) gave a role. */
export interface RoleTally {
  text: string;
  count: number;
  /** position of the first (or, across articles, the latest) use: lower ranks first */
  order: number;
}

/**
 * Fold variants and order roles best first: a specific role given in its own right absorbs a generic one it is a
 * kind of ("Prime Minister" into "British Prime Minister", "Secretary" into "Secretary of State"), a form given once
 * beside a much used generic one is read as it, then the most used first, ties to the earliest given.
 * `across` is for the roles of many articles: there an office held no longer ("former President") is no kind of the
 * office held ("President"), since the two are told of different times; in one article "the coach" after "the former
 * coach" is that same former one.
 */
export function rankRoles(tallies: Iterable<RoleTally>, across = false): string[] {
  const byKey = new Map<string, RoleTally>();
  // "ex-chat show host", "ex-chatshow host": a compound written open or closed is one role, under its first spelling
  const keyOfSquashed = new Map<string, string>();
  for (const tally of tallies) {
    const own = roleKey(tally.text);
    const squashed = own.replaceAll(' ', '');
    const key = keyOfSquashed.get(squashed) ?? own;
    keyOfSquashed.set(squashed, key);
    const known = byKey.get(key);
    if (!known) byKey.set(key, { ...tally });
    else {
      known.count += tally.count;
      known.order = Math.min(known.order, tally.order);
    }
  }
  // shortest first, so "Senator" settles before "Florida Senator" settles before "Republican Florida Senator"
  const keys = [...byKey.keys()].sort((a, b) => a.length - b.length);
  for (const generic of keys) {
    const general = byKey.get(generic);
    if (!general) continue;
    const specifics = keys.filter((key) => isKindOf(key, generic, across) && byKey.has(key));
    if (specifics.length === 0) continue;
    const used = general.count;
    // the most used specific form (the longest of equals) absorbs the generic one when it is used in its own right
    const best = specifics.reduce((a, b) => (byKey.get(b)!.count >= byKey.get(a)!.count ? b : a));
    const into = isCorroborated(byKey.get(best)!.count, used) ? best : generic;
    // a form given seldom against the generic one is read as it, unless its words only place, party or date the
    // role: most often a sentence's words are glued on ("subpoenas this week seeking special counsel", once)
    for (const key of specifics) {
      if (key === into || isCorroborated(byKey.get(key)!.count, used)) continue;
      if (!isPlainModifier(extraWords(key, generic))) fold(byKey, key, into);
    }
    if (into !== generic) fold(byKey, generic, into);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.order - b.order).map((tally) => tally.text);
}

/**
 * Whether a specific form of a role ("British Prime Minister"), given `count` times, stands in its own right beside
 * its generic form given `generic` times: given more than once, or at least a quarter as often. A form given once
 * where the generic one is given dozens of times is most often a sentence's words glued to it, and shown first it
 * would say nothing true.
 */
function isCorroborated(count: number, generic: number): boolean {
  return count >= 2 || count * 4 >= generic;
}

/** Words that only place, party or date a role ("Arizona Republican", "former US"): never a sentence's words. */
function isPlainModifier(words: string): boolean {
  const parts = words.split(' ');
  for (let i = 0; i < parts.length; ) {
    const span = [3, 2, 1].find((n) => {
      if (i + n > parts.length) return false;
      const phrase = parts.slice(i, i + n).join(' ');
      return isPlaceName(phrase) || isDemonym(phrase) || (n === 1 && PLAIN_ROLE_MODIFIERS.has(phrase));
    });
    if (span === undefined) return false;
    i += span;
  }
  return true;
}

/** The words a specific role key adds to its generic one: before it, or after it from "of". */
function extraWords(specific: string, generic: string): string {
  return specific.startsWith(`${generic} of `)
    ? specific.slice(generic.length + 1)
    : specific.slice(0, -generic.length - 1);
}

/**
 * Whether `specific` names a kind of the role `generic`, ending with it ("UK chancellor", not "shadow chancellor")
 * or going on from it with "of" ("Secretary of State").
 */
function isKindOf(specific: string, generic: string, across: boolean): boolean {
  if (specific.startsWith(`${generic} of `)) return true;
  if (!specific.endsWith(` ${generic}`)) return false;
  const extra = extraWords(specific, generic);
  if (across && PAST_HOLDING.test(extra)) return false;
  const before = extra.split(/[\s-]/u).at(-1) ?? '';
  return !OTHER_OFFICE_WORDS.has(before);
}

/** Words that say a role is held no longer: "former", "late", "outgoing", "ex-", "then-". */
const PAST_HOLDING = /(?:^|\s)(?:former|late|outgoing|onetime|one-time|erstwhile|ex|then)(?:[\s-]|$)/u;

function fold(byKey: Map<string, RoleTally>, key: string, into: string): void {
  const absorbed = byKey.get(key)!;
  const target = byKey.get(into)!;
  target.count += absorbed.count;
  target.order = Math.min(target.order, absorbed.order);
  byKey.delete(key);
}
