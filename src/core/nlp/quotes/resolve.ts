import { normalizeName } from '../names.js';
import type { SpeakerRef } from './attribute.js';
import type { Gender } from './lexicon.js';
import type { PeopleIndex, PersonMention, PersonRecord } from './people.js';

const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', him: 'male', she: 'female', her: 'female' };

/** How many paragraphs back a pronoun may reach for its person. */
const PRONOUN_REACH = 2;

/**
 * The person a speaker mention refers to: the name it contains, the person a he/she stands for,
 * or the person whose role a definite description names ("the secretary"). Null when unsure.
 */
export function resolveSpeaker(ref: SpeakerRef, index: PeopleIndex): PersonRecord | null {
  const tokens = ref.paragraph.tokens;
  const head = tokens[ref.range.last]!;
  const gender = PRONOUN_GENDER[head.lower];
  if (ref.range.first === ref.range.last && gender) return resolvePronoun(ref, gender, index);
  const named = index.mentions.find(
    (mention) =>
      mention.paragraphIndex === ref.paragraph.index &&
      mention.lastToken === ref.range.last &&
      mention.firstToken >= ref.range.first,
  );
  if (named) return named.person;
  if (tokens[ref.range.first]!.lower === 'the') return resolveDescription(ref, index);
  return null;
}

function isBefore(mention: PersonMention, paragraphIndex: number, tokenIndex: number): boolean {
  return (
    mention.paragraphIndex < paragraphIndex ||
    (mention.paragraphIndex === paragraphIndex && mention.lastToken < tokenIndex)
  );
}

/** The latest person named as a subject before the pronoun, within reach and of a compatible gender. */
function resolvePronoun(ref: SpeakerRef, gender: Gender, index: PeopleIndex): PersonRecord | null {
  const paragraphIndex = ref.paragraph.index;
  const at = ref.range.first;
  for (let position = index.mentions.length - 1; position >= 0; position--) {
    const mention = index.mentions[position]!;
    if (!isBefore(mention, paragraphIndex, at)) continue;
    if (mention.paragraphIndex < paragraphIndex - PRONOUN_REACH) break;
    if (mention.inQuote || !mention.subject) continue;
    if (mention.person.gender && mention.person.gender !== gender) continue;
    return mention.person;
  }
  return null;
}

/** "the secretary said": the person whose role has that word, the latest named if several. */
function resolveDescription(ref: SpeakerRef, index: PeopleIndex): PersonRecord | null {
  const head = ref.paragraph.tokens[ref.range.last]!.lower;
  const matching = index.people.filter((person) =>
    [...person.roles, ...person.aliases].some((role) => normalizeName(role).split(' ').includes(head)),
  );
  if (matching.length === 0) return null;
  if (matching.length === 1) return matching[0]!;
  for (let position = index.mentions.length - 1; position >= 0; position--) {
    const mention = index.mentions[position]!;
    if (!isBefore(mention, ref.paragraph.index, ref.range.first)) continue;
    if (matching.includes(mention.person)) return mention.person;
  }
  return null;
}
