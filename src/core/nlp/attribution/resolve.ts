import { normalizeName } from '../names.js';
import type { SpeakerRef } from './attribute.js';
import type { Gender } from './lexicon.js';
import type { PeopleIndex, PersonMention, PersonRecord } from './people.js';

const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', him: 'male', she: 'female', her: 'female' };
/** Every form of a gendered pronoun, possessives included, for spotting a competing reference. */
const ANY_PRONOUN_GENDER: Record<string, Gender> = { ...PRONOUN_GENDER, his: 'male', himself: 'male', hers: 'female' };

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
  const employed = nameBeforeOf(ref, index);
  if (employed) return employed.person;
  if (tokens[ref.range.first]!.lower === 'the') return resolveDescription(ref, index);
  return null;
}

/** `Cara Diemont of IT firm Dimension Data`: a name followed by "of" heads a phrase that goes on to its employer. */
function nameBeforeOf(ref: SpeakerRef, index: PeopleIndex): PersonMention | undefined {
  const tokens = ref.paragraph.tokens;
  return index.mentions.find(
    (mention) =>
      mention.paragraphIndex === ref.paragraph.index &&
      mention.firstToken >= ref.range.first &&
      mention.lastToken < ref.range.last &&
      tokens[mention.lastToken + 1]?.lower === 'of' &&
      tokens.slice(ref.range.first, mention.firstToken).every((token) => token.capitalized),
  );
}

function isBefore(mention: PersonMention, paragraphIndex: number, tokenIndex: number): boolean {
  return (
    mention.paragraphIndex < paragraphIndex ||
    (mention.paragraphIndex === paragraphIndex && mention.lastToken < tokenIndex)
  );
}

/**
 * The person a he/she stands for: the one person just named (even as an object), else the latest person named as
 * a subject before the pronoun, within reach and of a compatible gender.
 */
function resolvePronoun(ref: SpeakerRef, gender: Gender, index: PeopleIndex): PersonRecord | null {
  const justNamed = personJustNamed(ref, gender, index);
  if (justNamed) return justNamed;
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

/**
 * `Her comments did not impress Tim Collins. "...," he said.`: when the sentence before the pronoun (and its own
 * sentence up to it) names exactly one person outside quotes, of the pronoun's known gender, and no other
 * pronoun of that gender competes for the reference, the pronoun stands for that person.
 */
function personJustNamed(ref: SpeakerRef, gender: Gender, index: PeopleIndex): PersonRecord | null {
  const paragraph = ref.paragraph;
  const sentence = paragraph.sentenceOf[ref.range.first] ?? 0;
  const from = sentence > 0 ? (paragraph.sentenceOf[sentence - 1] ?? 0) : 0;
  const isNear = (mention: PersonMention): boolean =>
    mention.paragraphIndex === paragraph.index
      ? mention.firstToken >= from && mention.lastToken < ref.range.first
      : sentence === 0 && mention.paragraphIndex === paragraph.index - 1 && mention.closesParagraph;
  const people = new Set(index.mentions.filter((mention) => !mention.inQuote && isNear(mention)).map((m) => m.person));
  if (people.size !== 1) return null;
  const [person] = people;
  if (person?.gender !== gender) return null;
  const span = paragraph.tokens.slice(from, ref.range.first).filter((_, offset) => !paragraph.quoted[from + offset]);
  // "His remarks did not impress Tim Collins": another he in play could be the speaker
  if (span.some((token) => ANY_PRONOUN_GENDER[token.lower] === gender)) return null;
  return person;
}
