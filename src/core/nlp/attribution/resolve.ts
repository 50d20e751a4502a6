import { isUnambiguousSpeechVerb } from '../lexicon/speech-verbs.js';
import { isCountryName, isDemonym, isPlaceName, isRoleNoun } from '../lexicon/tags.js';
import {
  ABOUT_LINKS,
  ADDRESSEE_LINKS,
  APPOSITIVE_OPENERS,
  BLOC_WORDS,
  BODY_SPHERES,
  DETERMINERS,
  DOCUMENT_NOUNS,
  FAMILY_NOUNS,
  GENDERED_NOUNS,
  GENDERED_TITLES,
  GROUP_COUNTS,
  GROUP_DATING_WORDS,
  GROUP_LINKS,
  HEAD_PREPOSITIONS,
  INDEFINITE_OPENERS,
  MEMBER_NOUNS,
  ORGANISATION_NOMINALS,
  PARTY_MODIFIERS,
  PARTY_NAMES,
  POLICE_FORCE_WORDS,
  POST_NOMINALS,
  PRESS_DOCUMENT_NOUNS,
  PRESS_NOUNS,
  PRONOUN_GENDER,
  PUBLICATION_WORDS,
  ROLE_EQUIVALENTS,
  SPOKESPERSON_NOUNS,
  STATE_OFFICE_HEADS,
  STUDY_NOUNS,
  TITLE_PHRASES,
  VAGUE_SOURCE_NOUNS,
} from '../lexicon/words.js';
import { normalizeName } from '../names.js';
import type { SpeakerRef } from './cues.js';
import type { ParagraphDoc } from './document.js';
import { type Entity, type EntityIndex, type EntityMention, isNationalityNoun, newEntity } from './entities.js';
import { type PhraseRange, rangeText } from './phrases.js';
import { isPluralRoleNoun } from './roles.js';
import type { Token } from './tokens.js';

/**
 * Stage 6 of the pipeline: the person or organisation a speaker mention stands for. A name is its entity; a he or
 * she is the most salient person before it that agrees in gender (the one already speaking, the subject, the one
 * just named), or nobody when two are about as likely; "it" and "the company" are the organisation in play; a
 * spokesperson of a named body is that body; a vague source ("analysts", "a source") is nobody.
 */

/** How a mention was resolved: the evidence the confidence of an attribution is judged on. */
export type ResolutionPath =
  | 'name'
  | 'name-of'
  | 'pronoun-speaker'
  | 'pronoun-named'
  | 'pronoun-subject'
  | 'pronoun-salience'
  | 'organisation-noun'
  | 'organisation-only'
  | 'organisation-subject'
  | 'organisation-described'
  | 'party'
  | 'body-after'
  | 'spokesperson-named'
  | 'spokesperson-remembered'
  | 'document'
  | 'description-role'
  | 'description-subject'
  | 'description-salience';

/** The entity a mention stands for, and how that was decided. */
export interface Resolution {
  entity: Entity;
  via: ResolutionPath;
}

function found(entity: Entity | null | undefined, via: ResolutionPath): Resolution | null {
  return entity ? { entity, via } : null;
}

/** Where an entity was last in play: named, or credited with a quote or statement. */
export interface Sighting {
  entity: Entity;
  paragraphIndex: number;
  tokenIndex: number;
  /** sentence number in the whole article */
  sentence: number;
  subject: boolean;
  /** credited with a quote or statement here */
  speaker: boolean;
  /** named in a question the writer asks ("Don't they risk more liberal nominees than Obama?") */
  asked?: true;
  /** a body that spoke through a spokesperson of this gender ("a spokesman for the press said") */
  spokesperson?: 'male' | 'female' | 'any';
}

/** Everything the resolution reads besides the mention: the entities and where each was last in play. */
export interface ResolveContext {
  index: EntityIndex;
  /** where entities are named (outside quotes), in document order */
  named: readonly Sighting[];
  /** where entities were credited with a quote or statement, appended in document order as the pipeline goes */
  spoken: Sighting[];
  /** sentence number in the whole article of a token */
  sentenceNumber(paragraph: ParagraphDoc, token: number): number;
  /** the body each kind of spokesperson last spoke for ("spokeswoman" -> BaFin) */
  spokespeople: Map<string, Entity>;
  /** people by the words of their roles, built on first use */
  roleHolders?: Map<string, Entity[]>;
}

/** The head words of titles ("minister", "chancellor", "president"): held by someone the article must name. */
const TITLE_HEADS: ReadonlySet<string> = new Set(TITLE_PHRASES.map((phrase) => phrase.split(' ').pop()!));

/** How many paragraphs back a pronoun or a description may reach for its entity. */
const REACH = 2;
/** How many sightings back a pronoun looks at most: keeps resolution linear in long articles. */
const MAX_SIGHTINGS = 60;
/** How many times the next antecedent's salience the best one must have to be taken. */
const MARGIN = 1.5;
/**
 * The least salience a pronoun's antecedent needs when nothing but salience picks it: a person named two sentences
 * back, or the subject three back. Further, the one meant is more often someone the article never named as a person
 * (fitted on the six tuning sets: of 13 wrong speakers found by salience 6 go, of 42 right ones 2).
 */
const MIN_SALIENCE = 0.2;
/**
 * The least salience the person in play needs for a description no known role matches ("the Dutchman"): named in
 * the sentence before, or the subject of this one (fitted on the tuning sets, where 0.9 missed the manager of a lede
 * called "the Dutchman" in the next paragraph, and 0.5 took no one wrongly).
 */
const MIN_DESCRIPTION_SALIENCE = 0.5;

/** An age used as a noun ("the 24-year-old"). */
const AGE_DESCRIPTION = /^\d{1,3}-year-old$/u;

/** The entity a speaker mention refers to, or null when unsure or when it is someone the article never names. */
export function resolveSpeaker(ref: SpeakerRef, context: ResolveContext): Resolution | null {
  const resolution = resolveMention(ref, context);
  return resolution?.entity.anonymous ? null : resolution;
}

/**
 * The head of a speaker phrase: its last word, or a body's or a spokesperson's noun a preposition follows ("the board
 * of directors" is a board, "a spokesman for the summit" a spokesman).
 */
function headOf(tokens: readonly Token[], range: PhraseRange): Token {
  for (let at = range.first + 1; at < range.last; at++) {
    const before = tokens[at - 1]!;
    if (!HEAD_PREPOSITIONS.has(tokens[at]!.lower) || before.kind !== 'word' || before.capitalized) continue;
    const lower = before.lower;
    if (ORGANISATION_NOMINALS.has(lower) || SPOKESPERSON_NOUNS.has(lower) || VAGUE_SOURCE_NOUNS.has(lower))
      return before;
  }
  return tokens[range.last]!;
}

/** Whether a phrase names a post at a body: a role noun, then "of" right before the body's name ("head of the ..."). */
function headsBody(tokens: readonly Token[], bodyFirst: number): boolean {
  let of = bodyFirst - 1;
  if (tokens[of]?.lower === 'the') of--;
  const post = tokens[of - 1];
  // (the phrase may start after "of": "the outgoing head of [the Office of Government Ethics] said")
  return (
    tokens[of]?.lower === 'of' &&
    of - 1 >= 0 &&
    post?.kind === 'word' &&
    !post.capitalized &&
    isRoleNoun(post.lower) &&
    !SPOKESPERSON_NOUNS.has(post.lower) &&
    !VAGUE_SOURCE_NOUNS.has(post.lower) &&
    !isPluralRoleNoun(post.lower)
  );
}

/**
 * The words of a role as descriptions are matched to it, an office about to be held kept whole: "President-elect" is
 * ["president-elect"], so "the president" is someone else and "the president-elect" is them.
 */
function roleWordsOf(text: string): string[] {
  const words = normalizeName(text).split(' ');
  const merged: string[] = [];
  for (const word of words) {
    if ((word === 'elect' || word === 'designate') && merged.length > 0) merged.push(`${merged.pop()}-${word}`);
    else merged.push(word);
  }
  return merged;
}

/** The one person whose roles name the post before the body ("head of the Office of ..."), if only one does. */
function holderOfPostAt(tokens: readonly Token[], body: EntityMention, index: EntityIndex): Entity | null {
  const post = tokens[body.firstToken - (tokens[body.firstToken - 1]?.lower === 'the' ? 3 : 2)]!.lower;
  const bodyKey = normalizeName(body.entity.name);
  const holders = index.entities.filter(
    (entity) =>
      entity.kind === 'person' &&
      [...entity.roles.values()].some((role) => {
        const text = normalizeName(role.text);
        return text.split(' ').includes(post) && text.includes(bodyKey);
      }),
  );
  return holders.length === 1 ? holders[0]! : null;
}

/**
 * Whether the name at `nameFirst` is what a plural of people ("Lawyers", "aides") or a relative ("The uncle", "the
 * brother") is linked to by "for", "to" or "of", inside the phrase from `first` or just before it ("Aides to [Senator
 * Quell] said").
 */
function isGroupAround(tokens: readonly Token[], first: number, nameFirst: number): boolean {
  const link = tokens[first - 1];
  const before = tokens[first - 2];
  if (link && GROUP_LINKS.has(link.lower) && before?.kind === 'word' && isAroundNoun(before)) return true;
  let start = DETERMINERS.has(tokens[first]!.lower) ? first + 1 : first;
  // ("Six former employees of Gov. X": a count and "former" before the group's noun)
  while (start < nameFirst && isGroupCount(tokens[start]!.lower)) start++;
  const group = tokens[start];
  if (group?.kind !== 'word' || !isAroundNoun(group)) return false;
  return tokens.slice(start + 1, nameFirst).some((token) => GROUP_LINKS.has(token.lower));
}

/** A word before a group's noun that counts or dates it ("six", "12", "former", "several"). */
function isGroupCount(lower: string): boolean {
  return GROUP_COUNTS.has(lower) || GROUP_DATING_WORDS.has(lower) || /^\d+$/u.test(lower);
}

/** A plural of people or a relative: those around someone, who are not that someone. */
function isAroundNoun(token: Token): boolean {
  return isPluralRoleNoun(token.lower) || FAMILY_NOUNS.has(token.lower);
}

function resolveMention(ref: SpeakerRef, context: ResolveContext): Resolution | null {
  const tokens = ref.paragraph.tokens;
  const head = headOf(tokens, ref.range);
  const first = tokens[ref.range.first]!;
  if (ref.range.first === ref.range.last) {
    const gender = PRONOUN_GENDER[head.lower];
    if (gender && (head.lower === 'he' || head.lower === 'she')) return resolvePronoun(ref, gender, context);
    // "it said": only an organisation that is the subject or the speaker just before; one merely named is not enough
    if (head.lower === 'it') return resolveOrganisationReference(ref, context, null, true);
    if (['they', 'we', 'i', 'you'].includes(head.lower)) return null;
  }
  // "Microsoft's adviser on the campaign argued": the phrase is what the adviser advises on; the unnamed adviser spoke
  const preposition = tokens[ref.range.first - 1];
  const noun = tokens[ref.range.first - 2];
  if (
    (preposition?.lower === 'on' || preposition?.lower === 'about') &&
    noun?.kind === 'word' &&
    !noun.capitalized &&
    isRoleNoun(noun.lower) &&
    !SPOKESPERSON_NOUNS.has(noun.lower)
  ) {
    return null;
  }
  // "Tova Brennick of research firm Keyline Data": the person before "of", not the employer the phrase ends on
  const employed = nameBeforeOf(ref, context.index);
  if (employed) return found(employed.entity, 'name-of');
  // "Sir Ian Rae KC said": the name ends before the letters after it
  let nameLast = ref.range.last;
  while (nameLast > ref.range.first && POST_NOMINALS.has(tokens[nameLast]!.lower)) nameLast--;
  const named = mentionEndingAt(context.index, ref.paragraph.index, ref.range.first, nameLast);
  if (named && isAddressee(ref, named.firstToken)) return null;
  // "Lawyers for Tulsi Gabbard", "Aides to Senator Quell": people around someone, who speak for nobody named
  if (named?.entity.kind === 'person' && isGroupAround(tokens, ref.range.first, named.firstToken)) return null;
  // "the outgoing head of the Office of Government Ethics said": the one who holds that post, not the office
  if (named?.entity.kind === 'organisation' && headsBody(tokens, named.firstToken)) {
    const holder = holderOfPostAt(tokens, named, context.index);
    return holder ? found(holder, 'description-role') : null;
  }
  // "A new poll of citizens in Mexico says", "a study on Britain found": what a study is about is not its author
  if (named && isStudySubject(ref.paragraph, named.firstToken)) return null;
  if (named) return found(named.entity, 'name');
  // "Labour said", "the Tories said": a party speaks as a body
  const party = partyNamed(tokens, ref.range.first, ref.range.last, PARTY_NAMES);
  if (party) return found(bodyEntity(context, party, rangeText(ref.paragraph, ref.range)), 'party');
  // "Police said", "the police said": the one police force the article names
  if (head.lower === 'police' && (ref.range.first === ref.range.last || first.lower === 'the')) {
    const force = resolveOrganisationReference(ref, context, 'police');
    return force?.via === 'organisation-noun' ? force : null;
  }
  if (VAGUE_SOURCE_NOUNS.has(head.lower) && !first.capitalized) {
    // "analysts at Citigroup wrote", "officials from the ministry": unnamed staff speak for their named body
    return bodyAfter(ref, context);
  }
  // "Price's statement said", "Price's interview continued": a person's own document speaks for them
  const owner = personOwningDocument(ref, context);
  if (owner) return found(owner, 'document');
  if (SPOKESPERSON_NOUNS.has(head.lower)) return resolveSpokesperson(ref, context);
  // "its authors", "its developers": an organisation's people speak for it
  if (first.lower === 'its' && (isRoleNoun(head.lower) || VAGUE_SOURCE_NOUNS.has(head.lower))) {
    return resolveOrganisationReference(ref, context, null);
  }
  const definite = first.lower === 'the' || first.possessive || first.lower === 'its';
  // "the Harbour Gazette newspaper reported": the publication the phrase itself names (not "the US paper": only a
  // publication's name)
  if (PRESS_NOUNS.has(head.lower)) {
    const inside = mentionsWithin(context.index, ref.paragraph.index, ref.range.first, ref.range.last);
    const publication = inside.find((mention) => isPublication(mention.entity));
    if (publication) return found(publication.entity, 'name');
    // "According to the Observer, ... The paper said": the one publication in play
    if (first.lower === 'the' && ref.range.last - ref.range.first === 1) {
      const press = publicationInPlay(ref, context);
      if (press) return found(press, 'organisation-noun');
    }
  }
  if (definite && ORGANISATION_NOMINALS.has(head.lower)) return resolveBodyNoun(ref, context, head.lower);
  // "the report says", "the statement read": a document speaks for the body that issued it
  if (definite && DOCUMENT_NOUNS.has(head.lower)) {
    const body = resolveOrganisationReference(ref, context, null);
    // a country in play is where the report is about, not its author
    const issuer = body?.entity.kind === 'organisation' && !isCountryName(normalizeName(body.entity.name));
    // "the New York Times reported ... The complaint alleged": a newspaper writes reports, not complaints or rulings
    if (issuer && isPublication(body.entity) && !PRESS_DOCUMENT_NOUNS.has(head.lower)) return null;
    if (issuer) return { entity: body.entity, via: 'document' };
    // "Senator X wrote a letter to the board. '...,' the letter said.": the one person who gave it, just before
    const giver = statementIssuer(ref, context, head.lower);
    return giver?.kind === 'person' ? found(giver, 'document') : null;
  }
  // "the Dutchman", "the Scot": a nationality describes the person in play
  const nationality = head.capitalized && first.lower === 'the' && isNationalityNoun(head.lower);
  // "the 24-year-old told Sky Sports": an age describes the person in play
  const age = first.lower === 'the' && AGE_DESCRIPTION.test(head.lower);
  if (definite && (isRoleNoun(head.lower) || nationality || age)) return resolveDescription(ref, context);
  return null;
}

/**
 * Whether a name is what a study a few words before it in its sentence is about ("a poll of citizens in Mexico", "a
 * survey of voters in Ohio"): the study's subject, not its author.
 */
function isStudySubject(paragraph: ParagraphDoc, nameFirst: number): boolean {
  const tokens = paragraph.tokens;
  const link = tokens[nameFirst - 1]?.lower === 'the' ? tokens[nameFirst - 2] : tokens[nameFirst - 1];
  if (link?.kind !== 'word' || link.capitalized || !ABOUT_LINKS.has(link.lower)) return false;
  const floor = Math.max(paragraph.sentenceOf[nameFirst] ?? 0, nameFirst - 8);
  for (let at = nameFirst - 2; at >= floor; at--) {
    const token = tokens[at]!;
    if (token.kind !== 'word' || token.capitalized) return false;
    if (STUDY_NOUNS.has(token.lower)) return true;
  }
  return false;
}

/**
 * "His message to Petrov reads", "the case against Petrov says": a name after a noun and one of these prepositions
 * is who was written to or about, not who speaks.
 */
function isAddressee(ref: SpeakerRef, nameFirst: number): boolean {
  const tokens = ref.paragraph.tokens;
  const link = tokens[nameFirst - 1];
  const noun = tokens[nameFirst - 2];
  return (
    link !== undefined &&
    ADDRESSEE_LINKS.has(link.lower) &&
    noun?.kind === 'word' &&
    !noun.capitalized &&
    noun.lower !== 'according' &&
    !noun.lower.endsWith('ing') &&
    !isUnambiguousSpeechVerb(noun.lower)
  );
}

/** A person's spokesperson, never listed: remembered so that "the spokesman" after them is nobody listed either. */
function someonesSpokesperson(ref: SpeakerRef): Entity {
  return { ...newEntity('person', rangeText(ref.paragraph, ref.range), null), anonymous: true };
}

/** The person named right before a document noun that ends the phrase ("Price's statement"), or null. */
function personOwningDocument(ref: SpeakerRef, context: ResolveContext): Entity | null {
  const tokens = ref.paragraph.tokens;
  const noun = tokens[ref.range.last]!;
  const owner = tokens[ref.range.last - 1];
  if (ref.range.last === ref.range.first || !owner?.possessive || !DOCUMENT_NOUNS.has(noun.lower)) return null;
  const named = mentionEndingAt(context.index, ref.paragraph.index, ref.range.first, ref.range.last - 1);
  return named?.entity.kind === 'person' ? named.entity : null;
}

/** A body whose name says it is a publication ("Arab News", "The Harbour Gazette", "FT"). */
/**
 * The publication "the newspaper" or "the paper" stands for: the one organisation in play in this sentence or the two
 * before that is named as a publication ("According to the Observer, ... The paper said"); never a firm that spoke
 * ("Skyline said ..., the newspaper said" is some paper's).
 */
function publicationInPlay(ref: SpeakerRef, context: ResolveContext): Entity | null {
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const named = new Set<Entity>();
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    if (here - sighting.sentence > 2) break;
    if (isPublication(sighting.entity)) named.add(sighting.entity);
  }
  return named.size === 1 ? [...named][0]! : null;
}

function isPublication(entity: Entity): boolean {
  return (
    entity.kind === 'organisation' &&
    normalizeName(entity.name)
      .split(' ')
      .some((word) => PUBLICATION_WORDS.has(word))
  );
}

/** The name mention of a paragraph ending at `last` and starting inside the phrase, by binary search. */
function mentionEndingAt(
  index: EntityIndex,
  paragraphIndex: number,
  first: number,
  last: number,
): EntityMention | null {
  const list = index.byParagraph.get(paragraphIndex);
  if (!list) return null;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.lastToken < last) low = middle + 1;
    else high = middle;
  }
  const mention = list[low];
  return mention && mention.lastToken === last && mention.firstToken >= first ? mention : null;
}

/** Name mentions of a paragraph lying inside a token range. */
function mentionsWithin(index: EntityIndex, paragraphIndex: number, first: number, last: number): EntityMention[] {
  const list = index.byParagraph.get(paragraphIndex) ?? [];
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.firstToken < first) low = middle + 1;
    else high = middle;
  }
  const found: EntityMention[] = [];
  for (let at = low; at < list.length && list[at]!.lastToken <= last; at++) found.push(list[at]!);
  return found;
}

/** `Cara Diemont of IT firm Dimension Data`: a name followed by "of" heads a phrase that goes on to its employer. */
function nameBeforeOf(ref: SpeakerRef, index: EntityIndex): EntityMention | undefined {
  const tokens = ref.paragraph.tokens;
  return mentionsWithin(index, ref.paragraph.index, ref.range.first, ref.range.last).find(
    (mention) =>
      mention.entity.kind === 'person' &&
      mention.lastToken < ref.range.last &&
      ['of', 'for', 'at', 'with', 'from'].includes(tokens[mention.lastToken + 1]?.lower ?? '') &&
      tokens.slice(ref.range.first, mention.firstToken).every((token) => token.capitalized),
  );
}

/** Index of the first sighting at or after a position in a sorted list. */
function firstAtOrAfter(sightings: readonly Sighting[], paragraphIndex: number, token: number): number {
  let low = 0;
  let high = sightings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const sighting = sightings[middle]!;
    const before =
      sighting.paragraphIndex < paragraphIndex ||
      (sighting.paragraphIndex === paragraphIndex && sighting.tokenIndex < token);
    if (before) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isLater(a: Sighting, b: Sighting): boolean {
  return a.paragraphIndex > b.paragraphIndex || (a.paragraphIndex === b.paragraphIndex && a.tokenIndex >= b.tokenIndex);
}

/** Sightings (named and spoken) before a position, newest first, within reach. */
function* sightingsBefore(context: ResolveContext, paragraphIndex: number, token: number): Generator<Sighting> {
  let named = firstAtOrAfter(context.named, paragraphIndex, token) - 1;
  let spoken = firstAtOrAfter(context.spoken, paragraphIndex, token) - 1;
  for (let seen = 0; seen < MAX_SIGHTINGS && (named >= 0 || spoken >= 0); seen++) {
    const a = context.named[named];
    const b = context.spoken[spoken];
    const next = a && (!b || isLater(a, b)) ? a : b!;
    if (next === a) named--;
    else spoken--;
    if (next.paragraphIndex < paragraphIndex - REACH) return;
    yield next;
  }
}

/** Record that an entity spoke at a position: later pronouns see the one already speaking. */
export function noteSpeaker(context: ResolveContext, sighting: Sighting): void {
  const spoken = context.spoken;
  // credits come in document order, but a quote running over paragraphs is credited where it ends
  let at = spoken.length;
  while (at > 0 && isLater(spoken[at - 1]!, sighting)) at--;
  spoken.splice(at, 0, sighting);
}

interface Scored {
  entity: Entity;
  score: number;
}

/** The best of several scored entities, or null when none stands out clearly from the next. */
function best(scores: Map<Entity, number>): Entity | null {
  let top: Scored | null = null;
  let next: Scored | null = null;
  for (const [entity, score] of scores) {
    if (top === null || score > top.score) {
      next = top;
      top = { entity, score };
    } else if (next === null || score > next.score) {
      next = { entity, score };
    }
  }
  if (!top) return null;
  if (next && top.score < next.score * MARGIN) return null;
  return top.entity;
}

/** The best of several scored entities when it is also salient enough on its own to be the one meant. */
function salient(scores: Map<Entity, number>): Entity | null {
  const top = best(scores);
  return top && (scores.get(top) ?? 0) >= MIN_SALIENCE ? top : null;
}

/**
 * Salience of the people in play before a position (after Lappin and Leass): each sighting counts for its own
 * sentence and halves with every sentence since; being the subject or the one speaking counts more. A person whose
 * gender is known to differ is ruled out; one whose name only suggests the other gender counts for less.
 */
function salience(ref: SpeakerRef, gender: 'male' | 'female' | null, context: ResolveContext): Map<Entity, number> {
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const reported = namedInWhatIsSaid(ref, context);
  const scores = new Map<Entity, number>();
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    const entity = sighting.entity;
    if (entity.kind !== 'person' || reported?.has(entity)) continue;
    let weight = 1 + (sighting.subject ? 0.8 : 0) + (sighting.speaker ? 1 : 0);
    if (sighting.asked) weight *= 0.5;
    // a person whose gender is unknown may be the one meant, but less surely than one known to agree
    if (gender !== null && entity.gender === null) weight *= 0.5;
    if (gender !== null && entity.gender !== null && entity.gender !== gender) {
      if (entity.genderFirm) continue;
      weight *= 0.25;
    }
    const distance = Math.max(0, here - sighting.sentence);
    // an entity is as salient as its strongest recent sighting
    scores.set(entity, Math.max(scores.get(entity) ?? 0, weight * 0.5 ** Math.min(distance, 12)));
  }
  return scores;
}

/**
 * He or she: the one person of that gender named just before it (`But that was not enough for Mr Sarkozy. "...,"
 * he said.`), else the most salient person before the pronoun that can be of its gender; nobody on a near tie.
 */
export function resolvePronoun(ref: SpeakerRef, gender: 'male' | 'female', context: ResolveContext): Resolution | null {
  // `Blair would lead it, he said. "...," he promised.`: the pronoun goes on from the one that closed the sentence
  // before, whoever that is, and never to someone named in what that one reported
  const tail = tailPronounBefore(ref, gender);
  if (tail) return resolvePronoun(tail, gender, context);
  let resolution =
    found(spokespersonBefore(ref, gender, context), 'spokesperson-remembered') ??
    found(lastSpeakerGoingOn(ref, gender, context), 'pronoun-speaker') ??
    found(justNamed(ref, gender, context), 'pronoun-named') ??
    found(subjectBefore(ref, gender, context), 'pronoun-subject') ??
    found(salient(salience(ref, gender, context)), 'pronoun-salience');
  // `Hannity asked Trump ... "...," he told Hannity.`: the one spoken to is not the one speaking
  const addressee = addresseeOf(ref, context);
  if (resolution && resolution.entity === addressee) {
    const others = salience(ref, gender, context);
    others.delete(addressee);
    resolution = found(salient(others), 'pronoun-salience');
  }
  // the pronoun goes on from someone described but never named: nobody to list
  return resolution?.entity.anonymous ? null : resolution;
}

/** The person named right after the cue as the one spoken to ("told Hannity", "said to Ms Lee"), if any. */
function addresseeOf(ref: SpeakerRef, context: ResolveContext): Entity | null {
  const tokens = ref.paragraph.tokens;
  if (tokens[ref.cueIndex] === undefined || ref.cueIndex <= ref.range.last) return null;
  const first = ref.cueIndex + (tokens[ref.cueIndex + 1]?.lower === 'to' ? 2 : 1);
  const mention = mentionsWithin(context.index, ref.paragraph.index, first, first + 3)[0];
  return mention !== undefined && mention.firstToken === first && mention.entity.kind === 'person'
    ? mention.entity
    : null;
}

/**
 * Someone a speaker phrase describes without naming ("an executive spokeswoman", "a senior official"): put in play
 * so that the pronouns after them do not go to a person named earlier. Null for a phrase that is no person.
 */
export function anonymousSpeaker(ref: SpeakerRef, speaking: boolean): Entity | null {
  const tokens = ref.paragraph.tokens;
  const head = tokens[ref.range.last]!;
  const first = tokens[ref.range.first]!;
  // "a spokeswoman" may be someone new; "the businessman" is someone the reader met before, so only when they speak
  // ("the UCI president said") and still nobody known holds the description are the pronouns after them theirs
  const determined = INDEFINITE_OPENERS.has(first.lower) || (speaking && first.lower === 'the');
  if (head.capitalized || !determined) return null;
  const gendered = GENDERED_TITLES[head.lower];
  const person = gendered !== undefined || SPOKESPERSON_NOUNS.has(head.lower) || isRoleNoun(head.lower);
  if (!person && !(VAGUE_SOURCE_NOUNS.has(head.lower) && !head.lower.endsWith('s'))) return null;
  return {
    kind: 'person',
    name: rangeText(ref.paragraph, ref.range),
    key: '',
    surnameKey: '',
    firstKey: '',
    aliases: new Set(),
    roles: new Map(),
    gender: gendered ?? null,
    genderFirm: gendered !== undefined,
    anonymous: true,
  };
}

/** Verbs that say the one speaking goes on: "he added", "she continued". */
const GOING_ON = new Set(['added', 'adds', 'continued', 'continues', 'went', 'goes']);

/**
 * "He added:", "she continued": the last one of that gender credited with speech, whoever was named since
 * (`PC Furse said: "..." Eccleston-Todd was found guilty (pictured) He added: "..."`).
 */
/**
 * `A spokesman for the Oxford University Press said that ... "...," he said.`: the body the last one to speak in the
 * paragraph spoke for, when that was its spokesperson of the pronoun's gender.
 */
function spokespersonBefore(ref: SpeakerRef, gender: 'male' | 'female', context: ResolveContext): Entity | null {
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    if (sighting.paragraphIndex !== ref.paragraph.index) return null;
    // (`..., said David Theriault of Ubisense. He said`: a person of the pronoun's gender named since is who speaks)
    const person = sighting.entity.kind === 'person' && !sighting.entity.anonymous;
    if (person && (sighting.entity.gender === null || sighting.entity.gender === gender)) return null;
    if (!sighting.speaker) continue;
    const through = sighting.spokesperson;
    return through === gender || through === 'any' ? sighting.entity : null;
  }
  return null;
}

function lastSpeakerGoingOn(ref: SpeakerRef, gender: 'male' | 'female', context: ResolveContext): Entity | null {
  const cue = ref.cue.toLowerCase().split(' ')[0] ?? '';
  if (!GOING_ON.has(cue)) return null;
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    // a new paragraph about someone else hands "he added" to them
    if (sighting.paragraphIndex !== ref.paragraph.index) return null;
    if (!sighting.speaker || sighting.entity.kind !== 'person') continue;
    const entity = sighting.entity;
    if (entity.gender !== null && entity.gender !== gender) continue;
    return entity;
  }
  return null;
}

/**
 * The subject the pronoun continues (centering): the one person of its gender (any, for null) who is the subject or
 * the speaker in its own sentence before it, else in the sentence before (`Dan McLaughlin agreed with Matthews.
 * "...," he wrote.`).
 */
function subjectBefore(ref: SpeakerRef, gender: 'male' | 'female' | null, context: ResolveContext): Entity | null {
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const reported = namedInWhatIsSaid(ref, context);
  for (const sentence of isTailPronoun(ref) ? [here - 1] : [here, here - 1]) {
    // the subjects of that sentence whose gender fits; failing any, one whose gender is only a name list's guess
    // ("Pat McQuaid" guessed a woman is still "he")
    const subjects = new Set<Entity>();
    const guessed = new Set<Entity>();
    for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
      if (sighting.sentence < sentence) break;
      if (sighting.sentence !== sentence || !(sighting.subject || sighting.speaker)) continue;
      if (reported?.has(sighting.entity)) continue;
      const entity = sighting.entity;
      if (entity.kind !== 'person') continue;
      if (entity.gender === null || gender === null || entity.gender === gender) subjects.add(entity);
      else if (!entity.genderFirm) guessed.add(entity);
    }
    const fitting = subjects.size > 0 ? subjects : guessed;
    if (fitting.size === 1) return [...fitting][0]!;
    if (fitting.size > 1) return null;
  }
  return null;
}

/**
 * The people named in what a sentence ending on its pronoun reports (`Tony Blair would lead it, he said.`: Blair), who
 * are not the one saying it, wherever else they were named; null for any other pronoun.
 */
function namedInWhatIsSaid(ref: SpeakerRef, context: ResolveContext): Set<Entity> | null {
  if (!isTailPronoun(ref)) return null;
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const reported = new Set<Entity>();
  // (by name: "He hoped Jay-Z would ..., he added." is still the "He" who opened the sentence)
  for (const sighting of context.named) {
    if (sighting.paragraphIndex !== ref.paragraph.index || sighting.tokenIndex >= ref.range.first) continue;
    if (context.sentenceNumber(ref.paragraph, sighting.tokenIndex) === here) reported.add(sighting.entity);
  }
  return reported;
}

/**
 * `Tony Blair would lead the campaign, he said.`: a pronoun between a comma and the speech verb that ends the sentence
 * closes what was said, and the people named in what was said are not who says it (a writer would have named them).
 */
function isTailPronoun(ref: SpeakerRef): boolean {
  const tokens = ref.paragraph.tokens;
  const after = tokens[ref.range.last + 1];
  return (
    ref.range.first === ref.range.last &&
    tokens[ref.range.first - 1]?.text === ',' &&
    after?.kind === 'word' &&
    isUnambiguousSpeechVerb(after.lower) &&
    tokens[ref.range.last + 2]?.text === '.'
  );
}

/**
 * The pronoun of the same gender that closes the sentence right before the one of `ref` in its paragraph (`..., he
 * said.`), when nothing outside quotation marks stands between that sentence and the pronoun but an opening mark.
 */
function tailPronounBefore(ref: SpeakerRef, gender: 'male' | 'female'): SpeakerRef | null {
  const paragraph = ref.paragraph;
  const tokens = paragraph.tokens;
  const start = paragraph.sentenceOf[ref.range.first] ?? 0;
  // the sentence before ends on ", he said ." right before this one
  const stop = start - 1;
  const pronoun = tokens[stop - 2];
  if (start < 4 || tokens[stop]?.text !== '.' || paragraph.quoted[stop] || pronoun === undefined) return null;
  if (PRONOUN_GENDER[pronoun.lower] !== gender || tokens[stop - 3]?.text !== ',') return null;
  if (!isUnambiguousSpeechVerb(tokens[stop - 1]!.lower)) return null;
  // between the two, only the quote the pronoun's own cue is for
  for (let index = start; index < ref.range.first; index++) {
    if (!paragraph.quoted[index] && tokens[index]!.kind === 'word') return null;
  }
  const tail: SpeakerRef = {
    paragraph,
    range: { first: stop - 2, last: stop - 2 },
    cue: tokens[stop - 1]!.text,
    cueIndex: stop - 1,
  };
  return isTailPronoun(tail) ? tail : null;
}

/** How many tokens back a competing pronoun is looked for. */
const COMPETITOR_WINDOW = 60;

/**
 * The one person of the pronoun's gender named in the sentence before it (or its own sentence up to it), when no
 * other pronoun of that gender in those sentences could be pointing elsewhere.
 */
function justNamed(ref: SpeakerRef, gender: 'male' | 'female', context: ResolveContext): Entity | null {
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const reported = namedInWhatIsSaid(ref, context);
  const named = new Set<Entity>();
  const guessed = new Set<Entity>();
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    if (sighting.sentence < here - 1) break;
    if (reported?.has(sighting.entity)) continue;
    // one already speaking is not "just named", unless never named at all
    if ((sighting.speaker && !sighting.entity.anonymous) || sighting.entity.kind !== 'person') continue;
    const entity = sighting.entity;
    // "A spokesman said Mr Galloway ... and that he was": the one named since the unnamed speaker is meant
    if (entity.anonymous && named.size > 0) continue;
    // `But what if Obama ...? "...," he said.`: the writer's question hands over to the one answering
    if (sighting.asked) continue;
    if (entity.gender !== null && entity.gender !== gender) {
      // one whose gender only the large name list guessed otherwise, if nobody fits better
      if (!entity.genderFirm) guessed.add(entity);
      continue;
    }
    named.add(entity);
  }
  if (named.size === 0 && guessed.size === 1) named.add([...guessed][0]!);
  if (named.size !== 1) return null;
  const tokens = ref.paragraph.tokens;
  const from = Math.max(0, ref.range.first - COMPETITOR_WINDOW);
  for (let at = ref.range.first - 1; at >= from; at--) {
    if (ref.paragraph.quoted[at]) continue;
    if (context.sentenceNumber(ref.paragraph, at) < here - 1) break;
    if (PRONOUN_GENDER[tokens[at]!.lower] === gender) return null;
  }
  return [...named][0]!;
}

/**
 * A body whose name ends in a noun of another sphere than `noun`: "State Department" is not "the campaign", nor
 * "Labour Party" "the company" ("the company" is "Vestey Group", "the government" the "Finance Ministry").
 */
function namesOtherKind(entity: Entity, noun: string): boolean {
  const head = normalizeName(entity.name).split(' ').pop() ?? '';
  const named = BODY_SPHERES.get(head);
  const meant = BODY_SPHERES.get(noun);
  return named !== undefined && meant !== undefined && named !== meant;
}

/**
 * "it said", "the company said", "the commission said": the organisation in play. One whose name holds the noun
 * ("the commission" -> "European Commission") first, else the only organisation named within reach.
 */
function resolveOrganisationReference(
  ref: SpeakerRef,
  context: ResolveContext,
  noun: string | null,
  subjectOnly = false,
): Resolution | null {
  const here = context.sentenceNumber(ref.paragraph, ref.range.first);
  const organisations: Entity[] = [];
  const subjects = new Map<number, Set<Entity>>();
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    if (sighting.entity.kind !== 'organisation') continue;
    if (!organisations.includes(sighting.entity)) organisations.push(sighting.entity);
    // ("the government said" is not the subject just before when that is a firm)
    if (
      (sighting.subject || sighting.speaker) &&
      here - sighting.sentence <= 1 &&
      !(noun && namesOtherKind(sighting.entity, noun))
    ) {
      const set = subjects.get(sighting.sentence) ?? new Set<Entity>();
      set.add(sighting.entity);
      subjects.set(sighting.sentence, set);
    }
  }
  if (noun !== null) {
    // "police" is also a force named "Constabulary"
    // ("the bloc" is the union or the alliance named)
    const nouns = noun === 'police' ? POLICE_FORCE_WORDS : noun === 'bloc' ? BLOC_WORDS : new Set([noun]);
    const holdsNoun = (entity: Entity): boolean =>
      normalizeName(entity.name)
        .split(' ')
        .some((word) => nouns.has(word));
    const named = organisations.filter(holdsNoun);
    if (named.length === 1) return found(named[0], 'organisation-noun');
    // "a spokeswoman for the bureau" with the bureau named further back than the reach: still the bureau, and never
    // another body that happens to be in reach
    if (named.length === 0) {
      const earlier = context.index.entities.filter(
        (entity) => entity.kind === 'organisation' && holdsNoun(entity) && isNamedBefore(entity, ref, context),
      );
      if (earlier.length === 1) return found(earlier[0], 'organisation-noun');
      if (earlier.length > 1) return null;
    }
  }
  // "the newspaper reported" is a publication ("Arab News"), never the airline it reports on
  if (noun !== null && PRESS_NOUNS.has(noun)) {
    const publications = organisations.filter(isPublication);
    return publications.length === 1 ? found(publications[0], 'organisation-only') : null;
  }
  // ("the campaign said" is not the State Department: a body whose name ends in a kind of body of its own is not
  // what another kind names)
  const only = organisations.length === 1 ? organisations[0]! : null;
  if (only && !subjectOnly && (noun === null || !namesOtherKind(only, noun))) return found(only, 'organisation-only');
  // the one organisation that is the subject or the speaker in this sentence or the one before
  for (const sentence of [here, here - 1]) {
    const set = subjects.get(sentence);
    if (set?.size === 1) return found([...set][0], 'organisation-subject');
    if (set && set.size > 1) return null;
  }
  return null;
}

/**
 * The named body after a source phrase: "analysts at Citigroup", "a spokesman for the Home Office", "a spokeswoman
 * for the bank". A person there ("a spokesman for Mr Trump") or nothing named gives nobody.
 */
function bodyAfter(ref: SpeakerRef, context: ResolveContext): Resolution | null {
  const paragraph = ref.paragraph;
  const tokens = paragraph.tokens;
  const linker = tokens[ref.range.last + 1]?.lower;
  if (linker !== 'for' && linker !== 'of' && linker !== 'at' && linker !== 'from' && linker !== 'with') return null;
  const after = mentionsWithin(context.index, paragraph.index, ref.range.last + 2, ref.range.last + 8);
  if (after[0]) return after[0].entity.kind === 'organisation' ? found(after[0].entity, 'body-after') : null;
  // "a spokesman for the Conservatives", "a spokeswoman for the Labour Party"
  for (let last = ref.range.last + 2; last <= ref.range.last + 4 && tokens[last]?.capitalized; last++) {
    const party = partyNamed(tokens, ref.range.last + 2, last, PARTY_NAMES);
    if (party && !tokens[last + 1]?.capitalized) return found(bodyEntity(context, party), 'body-after');
  }
  const noun = tokens
    .slice(ref.range.last + 2, ref.range.last + 6)
    .find((token) => ORGANISATION_NOMINALS.has(token.lower));
  const body = noun ? resolveOrganisationReference(ref, context, noun.lower) : null;
  return body ? { entity: body.entity, via: 'body-after' } : null;
}

/**
 * "a Home Office spokesman", "a spokeswoman for the bank", "the company's spokesman", "BaFin's spokeswoman", and
 * later "the spokeswoman": the body they speak for. A spokesperson of a person, or of nobody named, is nobody.
 */
function resolveSpokesperson(ref: SpeakerRef, context: ResolveContext): Resolution | null {
  const paragraph = ref.paragraph;
  const tokens = paragraph.tokens;
  const noun = tokens[ref.range.last]!.lower;
  const remember = (body: Entity | null | undefined): Resolution | null => {
    if (body) context.spokespeople.set(noun, body);
    return found(body, 'spokesperson-named');
  };
  // "the prime minister's official spokesperson", "Acme's spokeswoman": the owner before the phrase
  const before = tokens[ref.range.first - 1];
  if (before?.possessive) {
    if (ORGANISATION_NOMINALS.has(before.lower)) {
      return remember(resolveOrganisationReference(ref, context, before.lower)?.entity);
    }
    const owner = mentionEndingAt(context.index, paragraph.index, 0, ref.range.first - 1);
    return owner?.entity.kind === 'organisation' ? remember(owner.entity) : null;
  }
  const inside = mentionsWithin(context.index, paragraph.index, ref.range.first, ref.range.last);
  const body = inside.find((mention) => mention.entity.kind === 'organisation');
  if (body) return remember(body.entity);
  if (inside.some((mention) => mention.entity.kind === 'person')) return null;
  const linked = tokens[ref.range.last + 1]?.lower;
  if (linked === 'for' || linked === 'of' || linked === 'at') return remember(bodyAfter(ref, context)?.entity);
  // "the company's spokesman", "its spokeswoman"
  const owner = tokens
    .slice(ref.range.first, ref.range.last)
    .find((token) => token.possessive || token.lower === 'its');
  if (owner) {
    if (owner.lower !== 'its' && !ORGANISATION_NOMINALS.has(owner.lower)) {
      // "the prime minister's spokesman": a person's spokesman is no body's, and neither is "the spokesman" after him
      context.spokespeople.set(noun, someonesSpokesperson(ref));
      return null;
    }
    return remember(resolveOrganisationReference(ref, context, owner.lower === 'its' ? null : owner.lower)?.entity);
  }
  // "a Labour spokesman", "a Republican spokeswoman": the party (but "a Republican representative" is a member of
  // the House, someone the article has not named)
  const party = partyNamed(tokens, ref.range.first, ref.range.last - 1, PARTY_NAMES_BEFORE_SPOKESPERSON);
  if (party && MEMBER_NOUNS.has(noun)) return null;
  if (party) return remember(bodyEntity(context, party));
  // "A Health Board spokesperson": a body named by a word no organisation of the article matches is nobody known
  // (not "A police spokesman" opening its sentence: a capitalized determiner names nothing)
  const capitalizedWord = (token: Token): boolean =>
    token.capitalized && !token.possessive && !DETERMINERS.has(token.lower);
  if (tokens.slice(ref.range.first, ref.range.last).some(capitalizedWord)) return null;
  // "an executive spokeswoman" for the Scottish Executive; "a council spokeswoman" for no body named is nobody
  const modifier = tokens
    .slice(ref.range.first, ref.range.last)
    .find((token) => !DETERMINERS.has(token.lower) && !isRoleModifier(token.lower));
  if (modifier) {
    const body = resolveOrganisationReference(ref, context, modifier.lower);
    return body?.via === 'organisation-noun' ? remember(body.entity) : null;
  }
  // "Hale thanked delegates in a statement. '...,' the statement read.": the one who gave it, in this sentence or the
  // one before
  if (DOCUMENT_NOUNS.has(noun)) {
    const issuer = statementIssuer(ref, context, noun);
    if (issuer) return found(issuer, 'document');
  }
  // "the spokeswoman said" after "a BaFin spokeswoman said", or with one body in play
  const remembered = context.spokespeople.get(noun);
  if (remembered) return found(remembered, 'spokesperson-remembered');
  const only = resolveOrganisationReference(ref, context, null);
  return only ? { entity: only.entity, via: 'spokesperson-remembered' } : null;
}

/**
 * Who gave the statement "the statement" refers to: the subject of the sentence, this one or the one before in the
 * paragraph, that mentions a statement ("X said in a statement", "X, in a statement, thanked ..."). Null unless one.
 */
function statementIssuer(ref: SpeakerRef, context: ResolveContext, noun: string): Entity | null {
  const paragraph = ref.paragraph;
  const here = context.sentenceNumber(paragraph, ref.range.first);
  let mentioned = -1;
  for (let at = ref.range.first - 1; at >= 0; at--) {
    if (context.sentenceNumber(paragraph, at) < here - 1) break;
    if (!paragraph.quoted[at] && paragraph.tokens[at]!.lower === noun) {
      mentioned = at;
      break;
    }
  }
  if (mentioned < 0) return null;
  const sentence = context.sentenceNumber(paragraph, mentioned);
  // everyone named before the statement in that sentence: one, its subject, gave it ("Hale and Ode" are two)
  const named = new Set<Entity>();
  let subject: Entity | null = null;
  for (const sighting of sightingsBefore(context, paragraph.index, mentioned)) {
    if (sighting.paragraphIndex !== paragraph.index || sighting.sentence < sentence) break;
    named.add(sighting.entity);
    if (sighting.subject) subject = sighting.entity;
  }
  return named.size === 1 ? subject : null;
}

/** The party a run of tokens names, determiners aside ("the Tories", "a Conservative"), or null. */
function partyNamed(
  tokens: readonly Token[],
  first: number,
  last: number,
  names: Readonly<Record<string, string>>,
): string | null {
  let from = first;
  while (from <= last && DETERMINERS.has(tokens[from]!.lower)) from++;
  if (from > last || !tokens[from]!.capitalized) return null;
  const words: string[] = [];
  for (let at = from; at <= last; at++) words.push(tokens[at]!.lower);
  const phrase = words.join(' ');
  return Object.hasOwn(names, phrase) ? names[phrase]! : null;
}

/** The words that name a party before a spokesperson: its names and its labels ("a Republican spokeswoman"). */
const PARTY_NAMES_BEFORE_SPOKESPERSON: Readonly<Record<string, string>> = { ...PARTY_NAMES, ...PARTY_MODIFIERS };

/**
 * The article's entity for a body the text names only in words no name finder takes up (a party, "Ukraine's foreign
 * ministry"), added the first time it speaks; `said` is how the text named it.
 */
function bodyEntity(context: ResolveContext, name: string, said?: string): Entity {
  let known = context.index.entities.find((entity) => entity.kind === 'organisation' && entity.name === name);
  if (!known) {
    known = newEntity('organisation', name, null);
    context.index.entities.push(known);
  }
  const surface = said?.replace(/^the\s+/iu, '');
  if (surface && surface !== name) known.aliases.add(surface);
  return known;
}

/**
 * "the ministry said", "Ukraine's foreign ministry said", "Biden's campaign said": the body a phrase headed by a kind of
 * body names, described by its country or in play, never one of another owner or another kind.
 */
function resolveBodyNoun(ref: SpeakerRef, context: ResolveContext, noun: string): Resolution | null {
  // ("The Russian defence ministry" after Ukraine's: the country the phrase names says which)
  const described = describedBody(ref, context);
  if (described) return described;
  const body = resolveOrganisationReference(ref, context, noun);
  if (!body) return null;
  // ("Paris's city council said", "Biden's campaign said" is no body of another's)
  const owner = ownerWord(ref);
  const names = [body.entity.name, ...body.entity.aliases].map(normalizeName);
  if (owner && !names.some((name) => name.split(' ').includes(owner))) return null;
  // ("the company's board said" is no ministry's)
  const tokens = ref.paragraph.tokens;
  const ownerNoun = tokens[ref.range.first + 1];
  const owned =
    tokens[ref.range.first]!.lower === 'the' && ownerNoun?.possessive ? ownerNoun.lower.replace(/['’]s?$/u, '') : null;
  return owned && namesOtherKind(body.entity, owned) ? null : body;
}

/** The owner a body's phrase names with an "'s" ("Paris's city council": paris; "Biden's campaign": biden). */
function ownerWord(ref: SpeakerRef): string | null {
  const tokens = ref.paragraph.tokens;
  const owner = tokens[ref.range.first]!;
  if (ref.range.first >= ref.range.last || !owner.capitalized || !owner.possessive) return null;
  return normalizeName(owner.text.replace(/['’]s?$/u, ''));
}

/**
 * "Ukraine's foreign ministry said", "the Russian defence ministry said": a body a country's name or its adjective
 * describes, which wire copy names no other way, speaks as that body (named as the article words it). Only a state's
 * bodies ("ministry", "government", "embassy", ...), and only a country, never a city or a person, owns them.
 */
function describedBody(ref: SpeakerRef, context: ResolveContext): Resolution | null {
  const tokens = ref.paragraph.tokens;
  const head = tokens[ref.range.last]!;
  if (head.capitalized || BODY_SPHERES.get(head.lower) !== 'public' || ref.range.last - ref.range.first > 4)
    return null;
  let at = ref.range.first;
  if (tokens[at]!.lower === 'the') at++;
  const owner = tokens[at]!;
  const country = owner.possessive
    ? isCountryName(normalizeName(owner.text.replace(/['’]s?$/u, '')))
    : owner.capitalized && isDemonym(owner.lower);
  if (!country) return null;
  for (let word = at + 1; word < ref.range.last; word++) {
    if (tokens[word]!.kind !== 'word' || tokens[word]!.capitalized) return null;
  }
  const name = ref.paragraph.text.slice(owner.start, head.end);
  return found(bodyEntity(context, name), 'organisation-described');
}

/** A word before a spokesperson noun that tells their standing, not whom they speak for ("a senior spokesman"). */
function isRoleModifier(lower: string): boolean {
  return APPOSITIVE_OPENERS.has(lower) || lower === 'press' || lower === 'official';
}

/** A role's own words, with the words a description may use for them after. */
function withEquivalents(own: readonly string[]): string[] {
  return [...own, ...own.flatMap((word) => ROLE_EQUIVALENTS[word] ?? [])];
}

/** The people whose roles hold a word, from an index built on first use. */
function holdersOf(word: string, context: ResolveContext): readonly Entity[] {
  if (!context.roleHolders) {
    context.roleHolders = new Map();
    for (const entity of context.index.entities) {
      if (entity.kind !== 'person') continue;
      for (const role of entity.roles.values()) {
        for (const roleWord of new Set(withEquivalents(roleWordsOf(role.text)))) {
          const list = context.roleHolders.get(roleWord);
          if (list) list.push(entity);
          else context.roleHolders.set(roleWord, [entity]);
        }
      }
    }
  }
  return context.roleHolders.get(word) ?? [];
}

/**
 * "the secretary said", "the Liverpool manager said": the person whose roles hold the description's head noun, the
 * one in play most recently when several do. A gendered head ("the actress") must agree.
 */
/**
 * A description opening a sentence ("The home secretary said ...", "The Tory leader countered ..."): the one person
 * holding that role, to keep them in play for the pronouns that follow. Null when nobody or several hold it.
 */
export function resolveSubjectDescription(ref: SpeakerRef, context: ResolveContext): Entity | null {
  const head = ref.paragraph.tokens[ref.range.last]!;
  // "The company also unveiled ...": the body the noun names, in play for an "it" after it
  if (
    !head.capitalized &&
    ORGANISATION_NOMINALS.has(head.lower) &&
    ref.paragraph.tokens[ref.range.first]!.lower === 'the'
  ) {
    const body = resolveOrganisationReference(ref, context, head.lower);
    // (only one that has acted before: "the company" is not an event's name the article merely mentions)
    if (body?.via !== 'organisation-only') return body?.entity ?? null;
    for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
      if (sighting.entity === body.entity && (sighting.subject || sighting.speaker)) return body.entity;
    }
    return null;
  }
  if (!isRoleNoun(head.lower)) return null;
  return resolveDescription(ref, context, true)?.entity ?? null;
}

function resolveDescription(ref: SpeakerRef, context: ResolveContext, holdersOnly = false): Resolution | null {
  const tokens = ref.paragraph.tokens;
  const head = tokens[ref.range.last]!.lower;
  const gender = GENDERED_TITLES[head] ?? null;
  // "the man": never a woman the name lists are sure of (a name they are unsure of may still be his)
  const nounGender = GENDERED_NOUNS[head];
  const kept = tokens
    .slice(ref.range.first, ref.range.last + 1)
    .filter((token) => !DETERMINERS.has(token.lower) && !token.possessive);
  const words = kept.map((token) => token.lower);
  // "the UCI president" for the one whose role is plain "president" ("its president Pat McQuaid"): a body's name
  // before the head narrows a bare role, and contradicts none
  const named = new Set(kept.filter((token) => token.capitalized).map((token) => token.lower));
  const holds = (entity: Entity): boolean =>
    entity.kind === 'person' &&
    (gender === null || entity.gender === null || entity.gender === gender) &&
    [...entity.roles.values()].some((role) => {
      const own = roleWordsOf(role.text);
      const roleWords = withEquivalents(own);
      const bare = own.length === 1;
      return (
        roleWords.includes(head) &&
        // ("the president-elect" is not the vice president-elect)
        (!own.includes('vice') || words.includes('vice')) &&
        words.every(
          (word) =>
            roleWords.includes(word) ||
            /\d/u.test(word) ||
            (bare && named.has(word)) ||
            // "the Vermont senator" for "US Senator": where the office is held narrows it
            (named.has(word) && isPlaceName(word)),
        )
      );
    });
  for (const sighting of sightingsBefore(context, ref.paragraph.index, ref.range.first)) {
    if (holds(sighting.entity)) return found(sighting.entity, 'description-role');
  }
  // a holder the article names only later is not who "the actress" before them means
  const holders = holdersOf(head, context).filter((entity) => holds(entity) && isNamedBefore(entity, ref, context));
  if (holders.length === 1) return found(holders[0], 'description-role');
  if (holders.length > 1 || holdersOnly) return null;
  // a title ("the prime minister", "the chancellor") names whoever holds it: nobody in the article is said to
  if (TITLE_HEADS.has(head)) return null;
  // "said the 74-year-old comedian": a description no known role matches stands for the person in play, when one
  // clearly is
  // a bare "the man" or "the woman" is someone the article does not name, more often than the one in play (but "the
  // man who built his career on ..." describes someone)
  if (nounGender && words.length === 1 && tokens[ref.range.last + 1]?.lower !== 'who') return null;
  // "a lot of the athletes said", "the two men said": a group, never the one athlete in play
  const counted = tokens.slice(ref.range.first, ref.range.last).some((token) => GROUP_COUNTS.has(token.lower));
  if (isPluralRoleNoun(head) || counted) return null;
  const scores = salience(ref, gender, context);
  for (const entity of scores.keys()) {
    if (nounGender && entity.genderFirm && entity.gender !== null && entity.gender !== nounGender)
      scores.delete(entity);
    // ("President Trump's physician ... the military doctor said": a president is not described as a doctor)
    else if (holdsOtherTitle(entity, head)) scores.delete(entity);
  }
  // "the former Old Trafford boss" is not the boss the article is about now, and who else it is salience cannot tell
  const formerly = words.includes('former') || words.includes('ex');
  if (formerly && [...scores.keys()].some((entity) => holdsNow(entity, head))) return null;
  // "Campbell agreed ... '...,' said the Newport-based athlete": the one person who is the subject just before
  const subject = subjectBefore(ref, gender ?? nounGender ?? null, context);
  if (subject && scores.has(subject)) return found(subject, 'description-subject');
  const chosen = best(scores);
  return chosen && (scores.get(chosen) ?? 0) >= MIN_DESCRIPTION_SALIENCE ? found(chosen, 'description-salience') : null;
}

/**
 * Whether a person holds an office of state ("President", "Prime Minister") whose words do not hold this role noun
 * ("doctor"): "President Trump's physician ... the military doctor said" is not the president.
 */
function holdsOtherTitle(entity: Entity, head: string): boolean {
  if (!isRoleNoun(head)) return false;
  return [...entity.roles.values()].some((role) => {
    const words = roleWordsOf(role.text);
    const last = words[words.length - 1] ?? '';
    return STATE_OFFICE_HEADS.has(last) && !words.includes('former') && !withEquivalents(words).includes(head);
  });
}

/** Whether a person holds a role with this head word that the article does not call former ("Manchester United boss"). */
function holdsNow(entity: Entity, head: string): boolean {
  return [...entity.roles.values()].some((role) => {
    const own = roleWordsOf(role.text);
    return (
      withEquivalents([own[own.length - 1]!]).includes(head) && !own.some((word) => word === 'former' || word === 'ex')
    );
  });
}

/** Whether the article names an entity before a speaker mention. */
function isNamedBefore(entity: Entity, ref: SpeakerRef, context: ResolveContext): boolean {
  const first = context.named.find((sighting) => sighting.entity === entity);
  return (
    first !== undefined &&
    (first.paragraphIndex < ref.paragraph.index ||
      (first.paragraphIndex === ref.paragraph.index && first.tokenIndex < ref.range.first))
  );
}
