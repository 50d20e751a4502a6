import { firstNameGender } from './nlp/lexicon/tags.js';
import { COURTESY_TITLES, GENDERED_TITLES, NAME_SUFFIXES } from './nlp/lexicon/words.js';
import type { PersonMatch } from './ports.js';

/**
 * How many times the articles of everyone else bearing a surname one person's must number before a surname alone
 * ("Trump said") is taken for theirs: about one lone mention in ten could then be someone else's, and such a
 * mention is made of someone famous enough to be named so, which the most named person is most of all.
 */
const DOMINANCE = 10;

/**
 * The people a name lookup found, grouped into the persons a reader would take them for, in the order found. Articles
 * name one person in several ways, and each way is stored apart: "Anthony S. Fauci" and "Anthony Fauci", and "Trump",
 * "Mr. Trump" or "Dr Fauci" where an article never gives the full name.
 * - Full names with the same given name, surname and generational suffix are one person ("Donald Trump Jr." is not
 *   his father), unless their middle names or initials differ ("George W. Bush", "George H. W. Bush"); a full name
 *   with none joins the one middle it could stand for, and stands alone beside two.
 * - A surname alone, or after a courtesy title, is the one full name ending in it, or the one whose articles outnumber
 *   all the others' {@link DOMINANCE} times over ("Trump" beside Melania and Ivanka Trump), never one of another
 *   gender than its title ("Mr. Clinton"); else it stands alone.
 * - Bodies are never grouped.
 */
export function groupNameVariants(matches: readonly PersonMatch[]): PersonMatch[][] {
  // in the order of each one's first match: a body, or the full names sharing a given name, surname and suffix
  const slots: (PersonMatch | string)[] = [];
  const buckets = new Map<string, { match: PersonMatch; name: FullName }[]>();
  const lone: { match: PersonMatch; name: LoneName }[] = [];
  for (const match of matches) {
    const name = match.kind === 'person' ? nameOf(match.personKey) : null;
    if (name === null) slots.push(match);
    else if ('given' in name) {
      const key = `${name.given} ${name.surname} ${name.suffix}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push({ match, name });
      else {
        buckets.set(key, [{ match, name }]);
        slots.push(key);
      }
    } else lone.push({ match, name });
  }
  const persons = slots.flatMap((slot): Person[] =>
    typeof slot === 'string'
      ? splitByMiddle(buckets.get(slot) ?? [])
      : [{ members: [slot], given: '', surname: '', suffix: '' }],
  );
  const ownerless = new Map<string, Person>();
  for (const { match, name } of lone) {
    const owner = ownerOf(name, persons) ?? ownerless.get(name.surname);
    if (owner) {
      owner.members.push(match);
      continue;
    }
    const person = { members: [match], given: '', surname: name.surname, suffix: '' };
    ownerless.set(name.surname, person);
    persons.push(person);
  }
  return persons.map((person) => person.members);
}

/** One person as grouped: their matches, and the name parts a surname alone is matched against. */
interface Person {
  members: PersonMatch[];
  /** empty for a body or a surname alone */
  given: string;
  surname: string;
  suffix: string;
}

interface FullName {
  given: string;
  surname: string;
  suffix: string;
  /** the initials of the names between given name and surname ("hw" for "George H. W. Bush") */
  middle: string;
}

interface LoneName {
  surname: string;
  gender: 'male' | 'female' | null;
}

/** A person's name key read as a full name, a surname alone (perhaps after a courtesy title), or neither. */
function nameOf(personKey: string): FullName | LoneName | null {
  const words = personKey.split(' ').filter(Boolean);
  const [first, second] = words;
  if (first === undefined) return null;
  if (words.length === 1) return { surname: first, gender: null };
  if (words.length === 2 && second !== undefined && COURTESY_TITLES.has(first)) {
    return { surname: second, gender: GENDERED_TITLES[first] ?? null };
  }
  const suffix = NAME_SUFFIXES.has(words.at(-1)!) ? words.pop()! : '';
  if (words.length < 2) return null;
  // a word of one or two letters is initials ("hw" from "H.W."), a longer one a name standing for its first letter
  const middle = words
    .slice(1, -1)
    .map((word) => (word.length <= 2 ? word : word[0]))
    .join('');
  return { given: first, surname: words.at(-1)!, suffix, middle };
}

/** Full names sharing given name, surname and suffix, as persons: one per middle, the bare name with the only one. */
function splitByMiddle(entries: readonly { match: PersonMatch; name: FullName }[]): Person[] {
  const byMiddle = new Map<string, PersonMatch[]>();
  for (const { match, name } of entries) byMiddle.set(name.middle, [...(byMiddle.get(name.middle) ?? []), match]);
  const bare = byMiddle.get('') ?? [];
  const middles = [...byMiddle.entries()].filter(([middle]) => middle !== '');
  const { given, surname, suffix } = entries[0]!.name;
  const person = (members: PersonMatch[]): Person => ({ members, given, surname, suffix });
  if (middles.length <= 1) return [person([...bare, ...(middles[0]?.[1] ?? [])])];
  return [...(bare.length > 0 ? [person(bare)] : []), ...middles.map(([, members]) => person(members))];
}

/** The person a surname alone belongs to, if one stands out (see {@link groupNameVariants}). */
function ownerOf(name: LoneName, persons: readonly Person[]): Person | undefined {
  const bearers: { person: Person; articles: number }[] = [];
  for (const person of persons) {
    if (person.given === '' || person.surname !== name.surname) continue;
    if (name.gender !== null && firstNameGender(person.given)?.gender === otherGender(name.gender)) continue;
    bearers.push({ person, articles: person.members.reduce((sum, match) => sum + match.articleCount, 0) });
  }
  bearers.sort((a, b) => b.articles - a.articles);
  const [best, ...rest] = bearers;
  // a son named with "Jr." counts among the others, and is never taken for the surname alone
  if (best?.person.suffix !== '') return undefined;
  const others = rest.reduce((sum, bearer) => sum + bearer.articles, 0);
  return others === 0 || best.articles >= others * DOMINANCE ? best.person : undefined;
}

function otherGender(gender: 'male' | 'female'): 'male' | 'female' {
  return gender === 'male' ? 'female' : 'male';
}
