/**
 * Who said what: the attribution pipeline, from an article's text to its people, organisations and quotes.
 *
 *   1. tokens    document.ts     the headline and paragraphs tokenized; sentence starts from the one splitter
 *   2. quotes    quote-marks.ts  quoted stretches (double marks, and single marks outside them), grouped across
 *                                paragraphs; here each is judged direct, partial or no speech at all (a title, a
 *                                nickname, a slogan)
 *   3. entities  entities.ts     people and organisations: names, roles, genders and every mention
 *   4. cues      cues.ts         the speaker mention a quote's own cue names ("X said", "said X", "X said:",
 *                                "according to X", "X: '...'"), and reported speech ("X said that ...")
 *   5. carry     here            a quote with no cue of its own takes the speaker already speaking: earlier in its
 *                                paragraph, or closing the paragraph before ("He said:", a quote, "X was asked")
 *   6. resolve   resolve.ts      the mention's person or organisation: a name, he/she by salience and gender,
 *                                "the company", a spokesperson's body; nobody when unsure
 *
 * Every stage is linear (or n log n) in the size of the article: scans around a quote are bounded windows, token
 * and mention look-ups are binary searches over sorted arrays, and speakers are recorded in document order.
 * Pure, synchronous; `attributeQuotes` never throws.
 */
import type { ParsedArticle, Person, Quote, Span } from '../../articles/article.js';
import { isWhitespace } from '../clean.js';
import { isReportingVerb, isSpeechVerb } from '../lexicon/speech-verbs.js';
import { isEverydayWord } from '../lexicon/tags.js';
import {
  ASKED_FORMS,
  DASH_MARKS,
  DETERMINERS,
  HEADLINE_VERBS,
  INDEFINITE_OPENERS,
  MONTH_NAMES,
  NAMING_OBJECTS,
  NAMING_VERBS,
  NON_SPEECH_MARKERS,
  RELATIVE_OPENERS,
  STATE_VERBS,
  SUBJECT_PRONOUNS,
  TITLE_SMALL_WORDS,
  WEEKDAYS,
  WHAT_CALLED_VERBS,
} from '../lexicon/words.js';
import { foldText, normalizeName, surnameOf } from '../names.js';

import {
  attributionAfter,
  attributionBefore,
  colonIntroduction,
  findReportedSpeech,
  isVerbLike,
  labelBefore,
  type ReportedSpeech,
  type SpeakerRef,
  subjectOfVerb,
} from './cues.js';
import { type ArticleDoc, buildDocument, type ParagraphDoc, tokenAt } from './document.js';
import { type Entity, type EntityIndex, findEntities, toPerson, transcriptColon } from './entities.js';
import { type PhraseRange, phraseStartingAt } from './phrases.js';
import type { QuoteGroup, QuotePart } from './quote-marks.js';
import {
  anonymousSpeaker,
  noteSpeaker,
  type ResolutionPath,
  type ResolveContext,
  resolvePronoun,
  resolveSpeaker,
  resolveSubjectDescription,
  type Sighting,
} from './resolve.js';
import type { Token } from './tokens.js';
import type { AttributionTrace, CuePath } from './trace.js';

/** At most this many quotes are kept per article: a transcript of thousands is cut, with the rest dropped. */
export const MAX_QUOTES_PER_ARTICLE = 2_000;

/** A point in a paragraph where a speaker was named with a speech cue, used to carry speakers forward. */
interface SpeechEvent {
  tokenIndex: number;
  ref: SpeakerRef;
  /** a quote's own attribution, a closing "He said:" or "X was asked", as opposed to a reported statement */
  quoted: boolean;
}

/** What the pipeline finds in an article. */
export interface Attribution {
  people: Person[];
  quotes: Quote[];
}

/** The pipeline's findings with how each quote's speaker was found (null where none was named). */
export interface TracedAttribution extends Attribution {
  traces: (AttributionTrace | null)[];
}

/** The people, organisations and quotes of an article. Never throws: a bug yields no quotes, not a failed ingest. */
export function attributeQuotes(article: ParsedArticle): Attribution {
  try {
    const { people, quotes } = runPipeline(article);
    return { people, quotes };
  } catch {
    return { people: [], quotes: [] };
  }
}

/**
 * The pipeline without its safety net: throws on an internal error (property tests drive it directly), and says how
 * each speaker was found (the evaluation tallies errors by it).
 */
export function runPipeline(article: ParsedArticle): TracedAttribution {
  const doc = buildDocument(article);
  const index = findEntities(doc);
  const tails = new Map(doc.paragraphs.map((paragraph) => [paragraph.index, tailStatements(paragraph)]));
  const context = createContext(doc, index, tails);
  const interviewee = intervieweeOf(doc, index);
  const quotes: Quote[] = [];
  const traces: (AttributionTrace | null)[] = [];
  // per paragraph: reported statements and hand-overs found up front, quote attributions appended in order
  const statements = new Map<number, SpeechEvent[]>();
  const attributions = new Map<number, SpeechEvent[]>();
  const groupsByParagraph = new Map<number, QuoteGroup[]>();
  for (const group of doc.groups) {
    const at = group.parts[0]!.paragraphIndex;
    const list = groupsByParagraph.get(at);
    if (list) list.push(group);
    else groupsByParagraph.set(at, [group]);
  }

  // cues whose speaker a quote ruled out (see namedInQuote)
  const refused = new Set<SpeakerRef>();
  const transcript = transcriptLines(doc, index, groupsByParagraph);
  const lines = transcript.size > 0 ? transcript : interviewAnswers(doc, index, groupsByParagraph);
  let kept = 0;
  // one pass in document order, so every speaker is credited before the pronouns after it are resolved
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) continue;
    // `RAMOS: It's heat plus dehydration ...`: a transcript's line (or an interview's answer) is its speaker's words,
    // marks or not
    const line = lines.get(paragraph.index);
    if (line && kept < MAX_QUOTES_PER_ARTICLE) {
      const resolution = resolveSpeaker(line.ref, context);
      quotes.push(makeQuote(paragraph, line.start, line.end, 'direct', resolution?.entity ?? null, line.ref));
      traces.push(resolution ? { cue: line.cue, via: resolution.via } : null);
      kept++;
      // (an answer's speaker was named in another paragraph: the answer's own start is where they speak)
      const at = line.ref.paragraph === paragraph ? line.ref.cueIndex : 0;
      if (resolution) credit(context, paragraph, at, resolution.entity);
      continue;
    }
    const reported = findReportedSpeech(paragraph);
    const events: SpeechEvent[] = reported
      .filter((statement) => isCarryableSubject(statement.speaker))
      .map((statement) => ({ tokenIndex: statement.speaker.cueIndex, ref: statement.speaker, quoted: false }));
    events.push(...handOvers(paragraph), ...(tails.get(paragraph.index) ?? []));
    events.sort((a, b) => a.tokenIndex - b.tokenIndex);
    statements.set(paragraph.index, events);

    const steps: (
      | { at: number; statement: ReportedSpeech }
      | { at: number; tail: SpeakerRef }
      | { at: number; group: QuoteGroup }
      | { at: number; pronoun: 'male' | 'female' }
      | { at: number; description: PhraseRange }
    )[] = [
      ...reported.map((statement) => ({ at: statement.speaker.cueIndex, statement })),
      ...(tails.get(paragraph.index) ?? []).map((tail) => ({ at: tail.tokenIndex, tail: tail.ref })),
      ...subjectPronouns(paragraph),
      ...subjectDescriptions(paragraph),
      ...(groupsByParagraph.get(paragraph.index) ?? []).map((group) => ({
        at: Math.max(0, openToken(paragraph, group.parts[0]!)),
        group,
      })),
    ];
    steps.sort((a, b) => a.at - b.at);
    for (const step of steps) {
      if ('description' in step) {
        // "The Tory leader countered ...": a role holder opening a sentence is in play as its subject
        const ref: SpeakerRef = { paragraph, range: step.description, cue: '', cueIndex: step.at };
        // "One fan, who asked not to be named, ...": someone new, whom the pronouns after are about
        const indefinite = INDEFINITE_OPENERS.has(paragraph.tokens[step.description.first]!.lower);
        const entity = (indefinite ? null : resolveSubjectDescription(ref, context)) ?? anonymousSpeaker(ref, false);
        if (entity) noteSighting(context, paragraph, step.at, entity, false);
        continue;
      }
      if ('pronoun' in step) {
        // "He frequently collaborated with ...": a subject pronoun keeps its person in play, and tells their gender
        const ref: SpeakerRef = { paragraph, range: { first: step.at, last: step.at }, cue: '', cueIndex: step.at };
        const entity = resolvePronoun(ref, step.pronoun, context)?.entity;
        if (!entity) continue;
        if (entity.gender === null) entity.gender = step.pronoun;
        noteSighting(context, paragraph, step.at, entity, false);
        continue;
      }
      if ('tail' in step) {
        // `Tony Blair would lead it, he said.`: whoever says it speaks here, for the pronouns after (not Blair)
        const resolution = resolveSpeaker(step.tail, context);
        if (resolution) credit(context, paragraph, step.at, resolution.entity);
        continue;
      }
      if ('statement' in step) {
        const { statement } = step;
        const resolution = resolveSpeaker(statement.speaker, context);
        if (!resolution) {
          noteAnonymous(context, paragraph, statement.speaker);
          continue;
        }
        if (!statement.unlisted) {
          const start = paragraph.tokens[statement.first]!.start;
          const end = paragraph.tokens[statement.last]!.end;
          quotes.push(makeQuote(paragraph, start, end, 'reported', resolution.entity, statement.speaker));
          traces.push({ cue: 'reported', via: resolution.via });
        }
        credit(context, paragraph, statement.speaker.cueIndex, resolution.entity, statement.speaker);
        continue;
      }
      if (kept >= MAX_QUOTES_PER_ARTICLE) continue;
      const { group } = step;
      const kind = classifyGroup(paragraph, group);
      if (kind === null) continue;
      const attributed = attributeGroup(
        doc,
        group,
        kind,
        statements,
        attributions,
        context.sentenceNumber,
        (paragraphIndex, from, to, anyone) => isNamedBetween(index, doc, paragraphIndex, from, to, anyone),
        interviewee,
      );
      if (kind === 'partial' && attributed === null) continue;
      if (attributed === null && !isStandaloneSpeech(doc, group)) continue;
      const ref = attributed?.ref ?? null;
      const resolved = ref ? resolveSpeaker(ref, context) : null;
      // `"I've had more than a quiet word with Olof," he told Villa's website`: a pronoun or a description is not the
      // one the quote itself names by a given name, for this quote and the quotes that go on from its cue
      const vetoed =
        ref !== null &&
        (refused.has(ref) ||
          (resolved !== null && !resolved.via.startsWith('name') && namedInQuote(doc, group, resolved.entity)));
      if (vetoed) refused.add(ref);
      const resolution = vetoed ? null : resolved;
      const entity = resolution?.entity ?? null;
      for (const part of group.parts) {
        const partParagraph = doc.paragraphs[part.paragraphIndex]!;
        quotes.push(makeQuote(partParagraph, part.textStart, part.textEnd, kind, entity, ref));
        traces.push(resolution && attributed ? { cue: attributed.cue, via: resolution.via } : null);
        kept++;
      }
      if (!ref || DASH_MARKS.has(ref.cue)) continue;
      const last = group.parts[group.parts.length - 1]!;
      const lastParagraph = doc.paragraphs[last.paragraphIndex]!;
      const tokenIndex = tokenAt(lastParagraph, last.close ?? lastParagraph.text.length - 1);
      const list = attributions.get(last.paragraphIndex) ?? [];
      list.push({ tokenIndex, ref, quoted: true });
      attributions.set(last.paragraphIndex, list);
      if (entity) credit(context, lastParagraph, tokenIndex, entity, ref, resolution?.via);
      else noteAnonymous(context, lastParagraph, { ...ref, cueIndex: tokenIndex });
    }
  }

  creditPullQuotes(doc, quotes, traces);
  for (const quote of headlineQuotes(doc, index, quotes)) {
    quotes.push(quote);
    traces.push({ cue: 'headline', via: 'name' });
  }
  const order = quotes.map((_, position) => position);
  order.sort((a, b) => {
    const x = quotes[a]!;
    const y = quotes[b]!;
    return x.paragraphIndex - y.paragraphIndex || x.start - y.start || x.end - y.end;
  });
  // every person named; an organisation only when it speaks (a country or a firm merely mentioned is no speaker)
  const speakers = new Set(quotes.map((quote) => quote.speaker));
  const people = index.entities.filter((entity) => entity.kind === 'person' || speakers.has(entity.name));
  people.push(...index.headlinePeople);
  return {
    people: people.map(toPerson),
    quotes: order.map((position) => quotes[position]!),
    traces: order.map((position) => traces[position] ?? null),
  };
}

/**
 * Sentence numbers over the whole article, and the name mentions as the first sightings of each entity (not as
 * subjects where they are named inside what a sentence ending on its speaker reports).
 */
function createContext(
  doc: ArticleDoc,
  index: EntityIndex,
  tails: ReadonlyMap<number, readonly SpeechEvent[]>,
): ResolveContext {
  const base = new Map<number, number>();
  const numbers = new Map<number, Int32Array>();
  let total = 0;
  for (const paragraph of doc.paragraphs) {
    base.set(paragraph.index, total);
    const ordinal = new Int32Array(paragraph.tokens.length);
    let count = 0;
    for (let token = 0; token < paragraph.tokens.length; token++) {
      if (token > 0 && paragraph.sentenceOf[token] === token) count++;
      ordinal[token] = count;
    }
    numbers.set(paragraph.index, ordinal);
    total += count + 1;
  }
  const sentenceNumber = (paragraph: ParagraphDoc, token: number): number =>
    (base.get(paragraph.index) ?? 0) + (numbers.get(paragraph.index)?.[token] ?? 0);
  // `Tony Blair would lead it, he said.`: who is named in what a sentence reports is not its subject
  const reportedUpTo = new Map<number, number>();
  for (const paragraph of doc.paragraphs) {
    for (const tail of tails.get(paragraph.index) ?? []) {
      reportedUpTo.set(sentenceNumber(paragraph, tail.tokenIndex), tail.ref.range.first);
    }
  }
  const named: Sighting[] = index.mentions
    .filter((mention) => !mention.inQuote)
    .map((mention) => {
      const paragraph = doc.paragraphs[mention.paragraphIndex]!;
      const sentence = sentenceNumber(paragraph, mention.firstToken);
      const reported = mention.firstToken < (reportedUpTo.get(sentence) ?? -1);
      const sighting: Sighting = {
        entity: mention.entity,
        paragraphIndex: mention.paragraphIndex,
        tokenIndex: mention.firstToken,
        sentence,
        subject: mention.subject && !reported,
        speaker: false,
      };
      if (isWritersQuestion(paragraph, mention.firstToken)) sighting.asked = true;
      return sighting;
    });
  return { index, named, spoken: [], sentenceNumber, spokespeople: new Map() };
}

/** Whether the token at `at` is in a sentence of the writer's own that asks a question (it ends on "?" outside marks). */
function isWritersQuestion(paragraph: ParagraphDoc, at: number): boolean {
  const sentence = paragraph.sentenceOf[at];
  let last = at;
  while (last + 1 < paragraph.tokens.length && paragraph.sentenceOf[last + 1] === sentence) last++;
  return paragraph.tokens[last]!.text === '?' && !paragraph.quoted[last];
}

/** Put someone described but not named in play where they speak ("a spokeswoman insisted ..."). */
function noteAnonymous(context: ResolveContext, paragraph: ParagraphDoc, ref: SpeakerRef): void {
  const entity = anonymousSpeaker(ref, true);
  if (entity) noteSighting(context, paragraph, ref.cueIndex, entity, true);
}

/** Credit an entity with speech at a position, for the pronouns that follow. */
/**
 * Note `entity` as speaking at `tokenIndex`; with the cue's `ref`, a body that spoke through "a spokesman for it" is
 * remembered as speaking through a man (so "he said" after it is the body's).
 */
function credit(
  context: ResolveContext,
  paragraph: ParagraphDoc,
  tokenIndex: number,
  entity: Entity,
  ref?: SpeakerRef,
  via?: ResolutionPath,
): void {
  // ("...," he said. after a spokesman's words: the spokesman goes on speaking for the body)
  const pronoun = ref && via === 'spokesperson-remembered' ? ref.paragraph.tokens[ref.range.first]!.lower : '';
  const through = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : ref ? spokespersonGender(ref) : undefined;
  noteSighting(context, paragraph, tokenIndex, entity, true, through);
}

/**
 * The gender of the spokesperson a speaker phrase names ("a spokesman for X": male), if it names one; the phrase may
 * have been cut to the body after "for" or "of".
 */
function spokespersonGender(ref: SpeakerRef): Sighting['spokesperson'] {
  const tokens = ref.paragraph.tokens;
  const linked = ['for', 'of', 'at'].includes(tokens[ref.range.first - 1]?.lower ?? '');
  for (let at = linked ? ref.range.first - 2 : ref.range.first; at <= ref.range.last; at++) {
    const word = tokens[at]?.lower ?? '';
    const gender =
      word === 'spokesman' ? 'male' : word === 'spokeswoman' ? 'female' : word === 'spokesperson' ? 'any' : null;
    // ("Patricia Sanders, spokeswoman for the committee": a spokesperson the article names speaks as herself)
    if (gender) return isUnnamedAt(ref.paragraph, at) ? gender : undefined;
  }
  return undefined;
}

/** Whether the noun at `at` opens on a determiner ("A spokesman", "an EU spokesman"), not after a name and a comma. */
function isUnnamedAt(paragraph: ParagraphDoc, at: number): boolean {
  const floor = paragraph.sentenceOf[at] ?? 0;
  for (let back = at - 1; back >= floor && at - back <= 6; back--) {
    const token = paragraph.tokens[back]!;
    if (DETERMINERS.has(token.lower)) return true;
    if (token.kind !== 'word') return false;
  }
  return at - floor <= 6;
}

function noteSighting(
  context: ResolveContext,
  paragraph: ParagraphDoc,
  tokenIndex: number,
  entity: Entity,
  speaker: boolean,
  spokesperson?: Sighting['spokesperson'],
): void {
  noteSpeaker(context, {
    entity,
    paragraphIndex: paragraph.index,
    tokenIndex,
    sentence: context.sentenceNumber(paragraph, tokenIndex),
    subject: true,
    speaker,
    ...(spokesperson ? { spokesperson } : {}),
  });
}

/**
 * Descriptions opening a sentence: definite ones ("The home secretary said", "Scotland's first minister has told")
 * and indefinite ones ("One fan, who asked not to be named, ...").
 */

function subjectDescriptions(paragraph: ParagraphDoc): { at: number; description: PhraseRange }[] {
  const found: { at: number; description: PhraseRange }[] = [];
  const tokens = paragraph.tokens;
  for (let at = 0; at < tokens.length; at++) {
    if (paragraph.sentenceOf[at] !== at || paragraph.quoted[at]) continue;
    const first = tokens[at]!;
    if (first.lower !== 'the' && !first.possessive && !INDEFINITE_OPENERS.has(first.lower)) continue;
    const phrase = phraseStartingAt(paragraph, at);
    if (phrase && phrase.last > at) found.push({ at: phrase.last, description: phrase });
  }
  return found;
}

/** He and she outside quotes: always the subject of some clause, so each keeps its person in play. */
function subjectPronouns(paragraph: ParagraphDoc): { at: number; pronoun: 'male' | 'female' }[] {
  const found: { at: number; pronoun: 'male' | 'female' }[] = [];
  const tokens = paragraph.tokens;
  for (let at = 0; at < tokens.length; at++) {
    const lower = tokens[at]!.lower;
    if ((lower !== 'he' && lower !== 'she') || paragraph.quoted[at]) continue;
    found.push({ at, pronoun: lower === 'he' ? 'male' : 'female' });
  }
  return found;
}

/**
 * Points where a paragraph hands the floor to the quote that follows: a closing "He said:" and a person who "was
 * asked" a question (`Dr Patel was asked whether he would stand again. "I'm sure ..."`, `Asked whether the red card
 * changed the game, Vitale was blunt. "Of course ..."`).
 */
function handOvers(paragraph: ParagraphDoc): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  const tokens = paragraph.tokens;
  if (tokens[tokens.length - 1]?.text === ':') {
    const intro = attributionBefore(paragraph, tokens.length - 1, 8);
    if (intro) {
      events.push({ tokenIndex: tokens.length, ref: intro, quoted: true });
    }
  }
  for (let at = 1; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (paragraph.quoted[at] || token.capitalized || !ASKED_FORMS.has(token.lower)) continue;
    if (!['was', 'were', 'is', 'been', 'being'].includes(tokens[at - 1]!.lower)) continue;
    // "Sanders was asked by host Bill Maher, ...: '...'": the asker is named, and what follows is the question
    if (tokens[at + 1]?.lower === 'by') continue;
    const subject = subjectOfVerb(paragraph, at - 1);
    if (!subject) continue;
    const ref: SpeakerRef = { paragraph, range: subject, cue: token.text, cueIndex: at };
    events.push({ tokenIndex: at, ref, quoted: true });
  }
  for (let at = 0; at < tokens.length; at++) {
    if (paragraph.sentenceOf[at] !== at || tokens[at]!.lower !== 'asked' || paragraph.quoted[at]) continue;
    // the subject after the comma that closes the question
    let comma = at + 1;
    while (comma < tokens.length && paragraph.sentenceOf[comma] === at && tokens[comma]!.text !== ',') comma++;
    if (tokens[comma]?.text !== ',' || paragraph.quoted[comma]) continue;
    const subject = phraseStartingAt(paragraph, comma + 1);
    if (!subject || !tokens[subject.first]!.capitalized || paragraph.quoted[subject.first]) continue;
    const ref: SpeakerRef = { paragraph, range: subject, cue: tokens[at]!.text, cueIndex: at };
    events.push({ tokenIndex: subject.last, ref, quoted: true });
  }
  events.push(...reactionsBeforeQuotes(paragraph));
  return events;
}

/**
 * A short sentence of what someone did, right before a quote with no cue of its own, hands that person the floor:
 * `Mokoena did not hide her frustration. "We were in control ..."`, `He shook his head. "If the boys go ..."`. Only
 * a name or "he"/"she" doing something: not "the court ruled" (a body's act is no reaction), not "was arrested" (done
 * to them: the quote may be anyone's about them), not a speech verb (its own rules).
 */
function reactionsBeforeQuotes(paragraph: ParagraphDoc): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  const tokens = paragraph.tokens;
  for (let start = 0; start < tokens.length; start++) {
    if (paragraph.sentenceOf[start] !== start || paragraph.quoted[start]) continue;
    let end = start;
    while (end + 1 < tokens.length && paragraph.sentenceOf[end + 1] === start) end++;
    const mark = tokens[end + 1];
    if (tokens[end]!.text !== '.' || mark?.kind !== 'punct' || !'"“'.includes(mark.text)) continue;
    if (!paragraph.quoted[end + 2]) continue;
    // narrative alone: a sentence holding a quote has a cue of its own
    if (paragraph.quoted.slice(start, end + 1).some(Boolean)) continue;
    const subject = phraseStartingAt(paragraph, start);
    // ("Mokoena, who took 2 for 41, did not hide her frustration.": the verb past a clause about the subject)
    const verbAt = subject ? afterWhoClause(tokens, subject.last + 1, end) : start;
    if (end - start - (verbAt - (subject?.last ?? start) - 1) > 14) continue;
    const first = tokens[start]!;
    if (!subject || !first.capitalized || paragraph.quoted[subject.last]) continue;
    const pronoun = subject.first === subject.last && (first.lower === 'he' || first.lower === 'she');
    if (!pronoun && (SUBJECT_PRONOUNS.has(first.lower) || DETERMINERS.has(first.lower))) continue;
    // a name: "Gangs ruled his school." opens on an everyday word
    const head = tokens[subject.last]!;
    if (!pronoun && (!head.capitalized || (subject.first === subject.last && isEverydayWord(head.lower)))) continue;
    // a speech verb anywhere makes it a statement, which its own rules read ("Gangs ruled it, Reyes says.")
    if (tokens.slice(start, end).some((token) => token.kind === 'word' && isSpeechVerb(token.lower))) continue;
    const verb = tokens[verbAt];
    if (verb?.kind !== 'word' || verb.capitalized || STATE_VERBS.has(verb.lower) || isSpeechVerb(verb.lower)) continue;
    if (!isVerbLike(verb.lower)) continue;
    const ref: SpeakerRef = { paragraph, range: subject, cue: verb.text, cueIndex: verbAt };
    events.push({ tokenIndex: end, ref, quoted: true });
  }
  return events;
}

/** The token after a ", who ...," clause starting at `at` (before `end`), or `at` when there is none. */
function afterWhoClause(tokens: readonly Token[], at: number, end: number): number {
  if (tokens[at]?.text !== ',' || tokens[at + 1]?.lower !== 'who') return at;
  for (let index = at + 2; index < end; index++) if (tokens[index]!.text === ',') return index + 1;
  return at;
}

/**
 * Sentences that end on their speaker (`Gangs ruled the school, Reyes says.`, `..., he recalls.`): statements made
 * content first, whose speaker a quote right after them with no cue of its own goes on with.
 */
function tailStatements(paragraph: ParagraphDoc): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  const tokens = paragraph.tokens;
  for (let at = 2; at + 1 < tokens.length; at++) {
    const verb = tokens[at]!;
    if (tokens[at + 1]!.text !== '.' || paragraph.quoted[at] || verb.kind !== 'word' || verb.capitalized) continue;
    if (!isSpeechVerb(verb.lower)) continue;
    const subject = subjectOfVerb(paragraph, at);
    // the content comes first, set off by a comma before the subject
    if (!subject || tokens[subject.first - 1]?.text !== ',' || paragraph.quoted[subject.first - 2]) continue;
    const ref: SpeakerRef = { paragraph, range: subject, cue: verb.text, cueIndex: at };
    if (isCarryableSubject(ref)) events.push({ tokenIndex: at, ref, quoted: false });
  }
  return events;
}

/** A reported-speech subject worth carrying to a later quote: a name, a pronoun or a determined phrase. */
function isCarryableSubject(ref: SpeakerRef): boolean {
  const first = ref.paragraph.tokens[ref.range.first]!;
  return (
    first.capitalized ||
    SUBJECT_PRONOUNS.has(first.lower) ||
    ['the', 'a', 'an', 'his', 'her', 'their'].includes(first.lower)
  );
}

function makeQuote(
  paragraph: ParagraphDoc,
  localStart: number,
  localEnd: number,
  kind: Quote['kind'],
  entity: Entity | null,
  ref: SpeakerRef | null,
): Quote {
  return {
    text: paragraph.text.slice(localStart, localEnd),
    kind,
    speaker: entity?.name ?? null,
    speakerMention: ref ? mentionSpan(ref) : null,
    cue: ref?.cue || null,
    start: paragraph.offset + localStart,
    end: paragraph.offset + localEnd,
    paragraphIndex: paragraph.index,
  };
}

function mentionSpan(ref: SpeakerRef): Span {
  const tokens = ref.paragraph.tokens;
  const start = tokens[ref.range.first]!.start;
  const end = tokens[ref.range.last]!.end;
  return {
    text: ref.paragraph.text.slice(start, end),
    start: ref.paragraph.offset + start,
    end: ref.paragraph.offset + end,
  };
}

/** Token index of a part's opening mark, or -1 for a part that continues without one. */
function openToken(paragraph: ParagraphDoc, part: QuotePart): number {
  return part.open === null ? -1 : tokenAt(paragraph, part.open);
}

function closeToken(paragraph: ParagraphDoc, part: QuotePart): number | null {
  // (the last token of the mark: a two-character '' may be two tokens)
  return part.close === null ? null : tokenAt(paragraph, part.end - 1);
}

/** How many unquoted tokens before the opening mark the classification looks at. */
const CLASSIFY_WINDOW = 8;

/**
 * Direct when the quote stands as its own clause (sentence start, after a colon, "said," or a speaker's label),
 * partial when a few quoted words are woven into a sentence, null when the marks are not speech at all.
 */
function classifyGroup(paragraph: ParagraphDoc, group: QuoteGroup): Quote['kind'] | null {
  const part = group.parts[0]!;
  const open = openToken(paragraph, part);
  const tokens = paragraph.tokens;
  const floor = paragraph.sentenceOf[Math.max(open, 0)] ?? 0;
  // the few unquoted tokens right before the mark, nearest last, and whether more lie before them
  const before: (typeof tokens)[number][] = [];
  let index = open - 1;
  for (; index >= floor && before.length < CLASSIFY_WINDOW; index--) {
    if (!paragraph.quoted[index]) before.unshift(tokens[index]!);
  }
  const onlyOneBefore = before.length === 1 && index < floor;
  const quoteText = quotedText(paragraph, part);
  const wordCount = countWords(quoteText, 9);
  const markers = tokens.slice(Math.max(floor, open - 3), Math.max(open, 0)).map((token) => token.lower);
  if (markers.some((word) => NON_SPEECH_MARKERS.has(word)) && wordCount <= 8) return null;
  if (wordCount <= 3 && isNicknameBeforeName(paragraph, part, quoteText)) return null;

  const last = before[before.length - 1];
  const nearVerb = before.slice(-6).some((token) => isSpeechVerb(token.lower) || token.lower === 'according');
  const startsClause =
    last === undefined ||
    last.text === ':' ||
    (['’', '‘', "'"].includes(last.text) && onlyOneBefore) ||
    ((last.text === ',' || last.text === '—' || last.text === '–') && nearVerb) ||
    (last.kind === 'word' && isSpeechVerb(last.lower)) ||
    (open >= 0 && labelBefore(paragraph, open) !== null);
  if (startsClause && !usedAsNoun(paragraph, part)) return 'direct';
  // `Mr Hale said ‘something snapped’ and ...`: words quoted right after a speech verb that the sentence goes on
  // from are part of what was said, not a name used as a noun
  const afterVerb = last?.kind === 'word' && isSpeechVerb(last.lower);
  if (startsClause && !afterVerb) return null;
  return isTitleCased(quoteText) && !isNamedBySpeaker(paragraph, open) ? null : 'partial';
}

/**
 * `calling them "Fake News"`, `what he called a "Historic Peace Agreement"`, `calling "Little Adam" one of ...`: a
 * name someone gives (a naming verb with its object, or its participle right before the mark), not a title.
 */
function isNamedBySpeaker(paragraph: ParagraphDoc, quoteOpen: number): boolean {
  const tokens = paragraph.tokens;
  // `calling them "Fake News" and "Presidential Harassment!"`: the second name is framed as the first
  const open = coordinatedOpen(paragraph, quoteOpen);
  const before = tokens[open - 1];
  if (before === undefined || before.capitalized || paragraph.quoted[open - 1]) return false;
  if (before.lower.endsWith('ing') && NAMING_VERBS.has(before.lower)) return true;
  const verb = tokens[open - 2];
  return (
    NAMING_OBJECTS.has(before.lower) &&
    verb !== undefined &&
    !verb.capitalized &&
    !paragraph.quoted[open - 2] &&
    NAMING_VERBS.has(verb.lower) &&
    !STATE_VERBS.has(tokens[open - 3]?.lower ?? '')
  );
}

/** The number of words in a text, counted up to `limit`. */
function countWords(text: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length && count < limit; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * `on CBS's "Face the Nation"`, `a "Commander-in-Chief Forum"`: a few words woven into a sentence with every
 * word capitalized name a show, an event, a work or a nickname, not something someone said.
 */
function isTitleCased(quoteText: string): boolean {
  if (quoteText.length > 200) return false;
  const words = quoteText
    .replace(/[.,!?…:;]+$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  // ("Fox & Friends": a sign between the words is no word)
  return words.every(
    (word, position) =>
      /^[\p{Lu}\d]/u.test(word) ||
      (position > 0 && (TITLE_SMALL_WORDS.has(word.toLowerCase()) || !/\p{L}/u.test(word))),
  );
}

/**
 * `mocked "Little Marco" Rubio`, `"Lyin' Ted" Cruz`: a few words in marks with no stop of their own, right before a
 * capitalized name outside the marks, are a nickname of that name, not something said.
 */
function isNicknameBeforeName(paragraph: ParagraphDoc, part: QuotePart, quoteText: string): boolean {
  // (the quote's text has its closing comma trimmed: read up to the closing mark, as `"Today," Trump announced`)
  if (part.close === null || !isTitleCased(quoteText)) return false;
  if (/[.,!?…:;—–-]\s*$/u.test(paragraph.text.slice(part.textStart, part.close))) return false;
  const close = tokenAt(paragraph, part.end - 1);
  const next = paragraph.tokens[close + 1];
  // (not `said "No" Tuesday`: a day or a month after the marks is when)
  return (
    next?.kind === 'word' &&
    next.capitalized &&
    !paragraph.quoted[close + 1] &&
    !isSpeechVerb(next.lower) &&
    !SUBJECT_PRONOUNS.has(next.lower) &&
    !WEEKDAYS.has(next.lower) &&
    !MONTH_NAMES.has(next.lower)
  );
}

/** `"Whatever gets the job done" is my new motto`: a quote followed by its predicate is a thing, not speech. */
function usedAsNoun(paragraph: ParagraphDoc, part: QuotePart): boolean {
  // the trailing comma is trimmed from the quote text, so read up to the closing mark
  if (
    part.close === null ||
    /[.,!?…—–\-:;]\s*$/u.test(paragraph.text.slice(Math.max(part.textStart, part.close - 4), part.close))
  ) {
    return false;
  }
  const close = tokenAt(paragraph, part.end - 1);
  const next = paragraph.tokens[close + 1];
  if (next?.kind !== 'word') return false;
  // `"..." before the vote, Kessler said`: a reporter's tail before the attribution
  if (attributionAfter(paragraph, close, '') !== null) return false;
  return (
    !next.capitalized &&
    !isSpeechVerb(next.lower) &&
    !['he', 'she', 'they', 'we', 'i', 'the', 'a', 'an'].includes(next.lower)
  );
}

/** Find the speaker mention of a quote: its own cues first, then the speaker carried from just before it. */
function attributeGroup(
  doc: ArticleDoc,
  group: QuoteGroup,
  kind: Quote['kind'],
  statements: ReadonlyMap<number, SpeechEvent[]>,
  attributions: ReadonlyMap<number, SpeechEvent[]>,
  sentenceNumber: ResolveContext['sentenceNumber'],
  namedBetween: NamedBetween,
  interviewee: SpeakerRef | null,
): { ref: SpeakerRef; cue: CuePath } | null {
  const paragraphs = doc.paragraphs;
  const first = group.parts[0]!;
  const firstParagraph = paragraphs[first.paragraphIndex]!;
  const open = openToken(firstParagraph, first);
  // `because “...,” she said`: a partial closed by its own cue belongs to that cue, not to an earlier verb
  if (kind === 'partial') {
    // `under what Mr. Hedge called "the prior economy model," the club charged`: a frame right before the words, "what
    // X called", names whose they are over the cue after them
    const called = open >= 0 ? whatXCalled(firstParagraph, open) : null;
    if (called) return { ref: called, cue: 'framing' };
    const after = immediateAttribution(firstParagraph, first);
    // `Biden told Netanyahu that he expects "a de-escalation," the White House said`: words inside what an earlier
    // verb of the sentence reports are that verb's subject's, not the outer source's
    const inner = after && open >= 0 ? innerStatement(firstParagraph, open) : undefined;
    if (inner !== undefined) return inner ? { ref: inner, cue: 'reported' } : null;
    if (after) return { ref: after, cue: 'immediate' };
  }
  if (open >= 0) {
    // `called the umpire a "liar" and a "thief"`: a partial joined to the one before it shares its cue
    const from = kind === 'partial' ? coordinatedOpen(firstParagraph, open) : open;
    const before = attributionBefore(firstParagraph, from, kind === 'partial' ? 40 : 10, kind === 'partial');
    // `figures Mr. Trump dismissed on the trail as misleading: "...," press secretary Sean Spicer said`: a cue that
    // interrupts the quote names its speaker over a verb some words before the colon
    const interrupting =
      before && kind === 'direct' && from - before.cueIndex > 3 ? attributionAfterPart(doc, first, ',') : null;
    if (interrupting) return { ref: interrupting, cue: afterCue(interrupting) };
    const framing = kind === 'partial' && before !== null && !isSpeechVerb(before.cue.split(' ')[0]!);
    // `Trump wants to strip officials of clearances for making "baseless" claims, his press secretary said.`: the
    // sentence's own closing cue says whose words the framed ones are
    const closing = framing ? sentenceClosingCue(firstParagraph, first) : null;
    if (closing) return { ref: closing, cue: afterCue(closing) };
    if (before) return { ref: before, cue: framing ? 'framing' : 'before' };
    if (kind === 'direct') {
      const label = labelBefore(firstParagraph, open);
      if (label) return { ref: label, cue: 'label' };
    }
  }
  for (const part of group.parts) {
    const after = attributionAfterPart(doc, part);
    if (after) return { ref: after, cue: afterCue(after) };
  }
  if (kind === 'partial') {
    const closing = sentenceClosingCue(firstParagraph, first);
    if (closing) return { ref: closing, cue: afterCue(closing) };
  }
  // a word or two in marks with no cue of its own is as often the reporter's scare quote as the speaker's word;
  // a longer phrase goes on from the one speaking ("The report said ... It found numbers 'rising only slowly'")
  if (kind === 'partial' && countWords(quotedText(firstParagraph, first), PARTIAL_CARRY_WORDS) < PARTIAL_CARRY_WORDS) {
    return null;
  }
  // an excerpt of another text speaks only for a source that introduces it ("Ward stated:")
  const carried = carriedSpeaker(
    doc,
    first,
    open,
    first.excerpt,
    kind === 'partial',
    statements,
    attributions,
    sentenceNumber,
    namedBetween,
  );
  if (!carried) {
    // in a question-and-answer interview, an answer in marks after a question is the interviewee's
    const asked = paragraphs[first.paragraphIndex - 1];
    if (interviewee && kind === 'direct' && open <= 0 && asked && isQuestionParagraph(asked)) {
      return { ref: interviewee, cue: 'interview' };
    }
    // last of all, the subject of a sentence that hands over to the quote with a colon
    const introduced = kind === 'direct' && open >= 0 ? colonIntroduction(firstParagraph, open) : null;
    return introduced ? { ref: introduced, cue: 'colon' } : null;
  }
  return {
    ref: carried,
    cue: carried.paragraph.index === first.paragraphIndex ? 'carried-paragraph' : 'carried-previous',
  };
}

/**
 * The attribution right after a part of a quote (`"...," she said`), if any; with `only`, only after a quote whose
 * last character inside the marks is that one.
 */
function attributionAfterPart(doc: ArticleDoc, part: QuoteGroup['parts'][number], only?: string): SpeakerRef | null {
  const paragraph = doc.paragraphs[part.paragraphIndex]!;
  const close = closeToken(paragraph, part);
  if (close === null) return null;
  const end = part.close ?? part.textEnd;
  const last = paragraph.text
    .slice(Math.max(part.textStart, end - 4), end)
    .trim()
    .slice(-1);
  return only === undefined || last === only ? attributionAfter(paragraph, close, last) : null;
}

/**
 * The opening mark of the partial quote that `open`'s is joined to by "and" or "or" (`a "liar" and a "thief"`), or
 * `open` itself.
 */
function coordinatedOpen(paragraph: ParagraphDoc, open: number): number {
  const tokens = paragraph.tokens;
  let at = open - 1;
  while (at >= 0 && !paragraph.quoted[at] && DETERMINERS.has(tokens[at]!.lower)) at--;
  if (at < 1 || paragraph.quoted[at] || (tokens[at]!.lower !== 'and' && tokens[at]!.lower !== 'or')) return open;
  at--;
  if (!paragraph.quoted[at]) return open;
  while (at > 0 && paragraph.quoted[at - 1]) at--;
  return at;
}

/** A transcript's line or an interview's answer: whose words, and where they are. */
interface TranscriptLine {
  ref: SpeakerRef;
  start: number;
  end: number;
  cue: 'label' | 'interview';
}

/** How many labelled lines make an article (or part of one) a transcript. */
const TRANSCRIPT_LINES = 2;

/**
 * The lines of a transcript (`TAPPER: Do you think ...`, `RAMOS: It's heat ...`): paragraphs that open with the
 * label of someone the article names, a colon, and words in no quote marks, where the article has at least two of
 * them. Each is what the label's person said, from after the colon to the paragraph's end.
 */
function transcriptLines(
  doc: ArticleDoc,
  index: EntityIndex,
  groupsByParagraph: ReadonlyMap<number, readonly QuoteGroup[]>,
): Map<number, TranscriptLine> {
  const lines = new Map<number, TranscriptLine>();
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading || groupsByParagraph.has(paragraph.index)) continue;
    const label = index.byParagraph.get(paragraph.index)?.[0];
    if (label === undefined || label.firstToken !== 0 || label.entity.kind !== 'person') continue;
    const tokens = paragraph.tokens;
    const colonAt = transcriptColon(tokens, label.lastToken);
    if (colonAt === null) continue;
    const colon = tokens[colonAt]!;
    // a label in capitals, as transcripts set them (not "Harper: cuts plan a disgrace", a headline's way)
    if (!tokens.slice(0, label.lastToken + 1).every((token) => !/\p{Ll}/u.test(token.text))) continue;
    let start = colon.end;
    while (start < paragraph.text.length && isWhitespace(paragraph.text.charCodeAt(start))) start++;
    const end = paragraph.text.trimEnd().length;
    if (end - start < 2) continue;
    const ref: SpeakerRef = {
      paragraph,
      range: { first: label.firstToken, last: label.lastToken },
      cue: ':',
      cueIndex: colonAt,
    };
    lines.set(paragraph.index, { ref, start, end, cue: 'label' });
  }
  return lines.size >= TRANSCRIPT_LINES ? lines : new Map();
}

const QUESTION_LABEL = /^\s*Q\s*[:.]\s/u;
const ANSWER_LABEL = /^\s*A\s*[:.]\s+/u;

/**
 * An interview set as questions and answers (`Q: Will prices rise?` / `A: Not this year.`): each answer is the words
 * of the guest: the one person the article names before the questions start, or of several the one the headline
 * names. Empty unless the article has a question and two answers so labelled, and a guest.
 */
function interviewAnswers(
  doc: ArticleDoc,
  index: EntityIndex,
  groupsByParagraph: ReadonlyMap<number, readonly QuoteGroup[]>,
): Map<number, TranscriptLine> {
  const answers = new Map<number, TranscriptLine>();
  const firstQuestion = doc.paragraphs.find((paragraph) => QUESTION_LABEL.test(paragraph.text));
  if (firstQuestion === undefined) return answers;
  // the guest: the one person the introduction names, or of several the one the headline names ("Q&A with Vice
  // President Joe Biden"); else whose answers they are is a guess, and a wrong speaker is worse than none
  const introduced = index.mentions.filter(
    (mention) => mention.entity.kind === 'person' && !mention.inQuote && mention.paragraphIndex < firstQuestion.index,
  );
  const people = [...new Set(introduced.map((mention) => mention.entity))];
  const headline = foldText(doc.headline?.text ?? '');
  const guests =
    people.length === 1 ? people : people.filter((person) => headline.includes(foldText(surnameOf(person.name))));
  if (guests.length !== 1) return answers;
  const named = introduced.find((mention) => mention.entity === guests[0])!;
  const ref: SpeakerRef = {
    paragraph: doc.paragraphs[named.paragraphIndex]!,
    range: { first: named.firstToken, last: named.lastToken },
    cue: ':',
    cueIndex: named.lastToken,
  };
  for (const paragraph of doc.paragraphs) {
    const label = ANSWER_LABEL.exec(paragraph.text);
    if (paragraph.heading || !label || groupsByParagraph.has(paragraph.index)) continue;
    const end = paragraph.text.trimEnd().length;
    if (end - label[0].length >= 2)
      answers.set(paragraph.index, { ref, start: label[0].length, end, cue: 'interview' });
  }
  return answers.size >= TRANSCRIPT_LINES ? answers : new Map();
}

/** A paragraph that is a question put by the writer: it ends on "?" and quotes nobody. */
function isQuestionParagraph(paragraph: ParagraphDoc): boolean {
  const tokens = paragraph.tokens;
  return tokens.length > 0 && tokens[tokens.length - 1]!.text === '?' && !paragraph.quoted.includes(1);
}

/** How many question-and-answer pairs make an article an interview. */
const INTERVIEW_PAIRS = 2;
const OPENS_WITH_QUOTE = /^\s*["“‘']/u;

/**
 * The person an interview is with: in an article of questions each answered by a paragraph that opens with a quote,
 * the first person the article names (`Maeve Donnelly has sold ... We spoke to her.`). Null for other articles.
 */
function intervieweeOf(doc: ArticleDoc, index: EntityIndex): SpeakerRef | null {
  let pairs = 0;
  for (let at = 1; at < doc.paragraphs.length && pairs < INTERVIEW_PAIRS; at++) {
    const answer = doc.paragraphs[at]!;
    if (isQuestionParagraph(doc.paragraphs[at - 1]!) && OPENS_WITH_QUOTE.test(answer.text)) pairs++;
  }
  if (pairs < INTERVIEW_PAIRS) return null;
  const first = index.mentions.find((mention) => mention.entity.kind === 'person' && !mention.inQuote);
  if (!first) return null;
  const paragraph = doc.paragraphs[first.paragraphIndex]!;
  return { paragraph, range: { first: first.firstToken, last: first.lastToken }, cue: '?', cueIndex: first.lastToken };
}

/** Tokens a sentence may go on with after its closing cue's verb and speaker (`said on Monday in a statement`). */
const CLOSING_CUE_TAIL = 6;

/**
 * `The plan is "a mess" and must go, Brandt said.`: a partial quote in a sentence that ends on its own cue (after
 * a comma, with no other quote between) is the words of the one that cue names.
 */
function sentenceClosingCue(paragraph: ParagraphDoc, part: QuotePart): SpeakerRef | null {
  const close = closeToken(paragraph, part);
  if (close === null) return null;
  const tokens = paragraph.tokens;
  const start = paragraph.sentenceOf[close];
  let end = close + 1;
  while (end < tokens.length && paragraph.sentenceOf[end] === start) end++;
  // the comma before the cue: the last one, or the one before an appositive, whose name is preferred
  // (`, Rep. Ann Ross, the party's whip, said`)
  let found: SpeakerRef | null = null;
  for (let at = end - 1, commas = 0; at > close + 1 && commas < 3; at--) {
    if (paragraph.quoted[at]) return null;
    if (tokens[at]!.text !== ',') continue;
    commas++;
    const ref = attributionAfter(paragraph, at - 1, '');
    if (ref && closesSentence(paragraph, ref, end)) found = ref;
  }
  return found;
}

/** Whether a cue ends its sentence (`end`: the index after it), but for a few words such as `on Monday`. */
function closesSentence(paragraph: ParagraphDoc, ref: SpeakerRef, end: number): boolean {
  const last = Math.max(ref.cueIndex, ref.range.last);
  if (end - last - 1 > CLOSING_CUE_TAIL) return false;
  for (let index = last + 1; index < end; index++) {
    const token = paragraph.tokens[index]!;
    if (token.lower === 'that' || token.text === ',' || token.text === ':' || isSpeechVerb(token.lower)) return false;
  }
  return true;
}

/** The fewest words a partial quote with no cue of its own needs to go on with the speaker before it. */
const PARTIAL_CARRY_WORDS = 3;

function quotedText(paragraph: ParagraphDoc, part: QuotePart): string {
  return paragraph.text.slice(part.textStart, part.textEnd);
}

/** Which kind of cue after a quote named the speaker: "X said", "said X", or a name alone. */
function afterCue(ref: SpeakerRef): CuePath {
  if (DASH_MARKS.has(ref.cue) || ref.cue === ',') return 'signature';
  return ref.cueIndex < ref.range.first ? 'inverted' : 'after';
}

/** The cue right after a part that ends in a comma inside its marks (`“...,” she said`), if any. */
function immediateAttribution(paragraph: ParagraphDoc, part: QuotePart): SpeakerRef | null {
  if (
    part.close === null ||
    !/,\s*$/u.test(paragraph.text.slice(Math.max(part.textStart, part.close - 3), part.close))
  ) {
    return null;
  }
  return attributionAfter(paragraph, tokenAt(paragraph, part.end - 1), ',');
}

/**
 * Whether the quoted words name the person by their given name alone ("a quiet word with Olof", "we all want Mike to
 * get better"): not followed by a capitalized word or a particle, so "I'm Bill de Blasio" and "Tony Blair" do not count.
 */
function namedInQuote(doc: ArticleDoc, group: QuoteGroup, entity: Entity): boolean {
  if (entity.kind !== 'person') return false;
  const given = entity.name.split(' ')[0] ?? '';
  if (given.length < 3 || entity.name === given || !/^\p{Lu}\p{Ll}+$/u.test(given)) return false;
  const alone = new RegExp(`(?<![\\p{L}'’])${given}(?![\\p{L}'’]|\\s+(?:\\p{Lu}|de |van |von |bin |al-))`, 'u');
  return group.parts.some((part) => alone.test(quotedText(doc.paragraphs[part.paragraphIndex]!, part)));
}

/** The subject of "what X called" (or dubbed, termed) right before the quote opening at `open`, if any. */
function whatXCalled(paragraph: ParagraphDoc, open: number): SpeakerRef | null {
  const tokens = paragraph.tokens;
  const verb = open - 1;
  if (!WHAT_CALLED_VERBS.has(tokens[verb]?.lower ?? '') || paragraph.quoted[verb]) return null;
  const subject = subjectOfVerb(paragraph, verb);
  if (!subject) return null;
  // (the phrase found may have taken "under what" in)
  let what = subject.first - 1;
  for (let at = subject.first; at < subject.last; at++) if (tokens[at]!.lower === 'what') what = at;
  if (tokens[what]?.lower !== 'what' || what + 1 > subject.last) return null;
  return { paragraph, range: { first: what + 1, last: subject.last }, cue: tokens[verb]!.text, cueIndex: verb };
}

/**
 * The speaker of a reported statement whose clause runs into the quote opening at `open` (`X told Y that he expects
 * "..."`); null when that clause is a document's or another thing's, told by "which" or "that" (`a fact sheet, which
 * said the staffers became sick "..."`); undefined when the quote is in no reported clause.
 */
function innerStatement(paragraph: ParagraphDoc, open: number): SpeakerRef | null | undefined {
  const statement = findReportedSpeech(paragraph).find((found) => found.last + 1 === open);
  if (statement && statement.speaker.cueIndex < open && isCarryableSubject(statement.speaker)) return statement.speaker;
  const floor = paragraph.sentenceOf[open] ?? 0;
  for (let at = open - 1; at > floor; at--) {
    if (paragraph.quoted[at]) return undefined;
    const token = paragraph.tokens[at]!;
    if (token.kind !== 'word' || token.capitalized || !isReportingVerb(token.lower)) continue;
    const before = paragraph.tokens[at - 1]!.lower;
    return before === 'which' || before === 'that' ? null : undefined;
  }
  return undefined;
}

/** Whether a paragraph names somebody as a subject (or `anyone`: in any place) outside quotes strictly between two tokens. */
type NamedBetween = (paragraphIndex: number, from: number, to: number, anyone: boolean) => boolean;

function isNamedBetween(
  index: EntityIndex,
  doc: ArticleDoc,
  paragraphIndex: number,
  from: number,
  to: number,
  anyone: boolean,
): boolean {
  const mentions = index.byParagraph.get(paragraphIndex);
  if (!mentions) return false;
  const paragraph = doc.paragraphs[paragraphIndex]!;
  // mentions are in token order: find the first after `from`
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.firstToken <= from) low = middle + 1;
    else high = middle;
  }
  for (let at = low; at < mentions.length && mentions[at]!.firstToken < to; at++) {
    const mention = mentions[at]!;
    if ((anyone || mention.subject) && !paragraph.quoted[mention.firstToken]) return true;
  }
  return false;
}

/** The last event of a sorted list before a token, by binary search. */
function lastBefore(events: readonly SpeechEvent[] | undefined, token: number): SpeechEvent | null {
  if (!events || events.length === 0) return null;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.tokenIndex < token) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? events[low - 1]! : null;
}

/**
 * The speaker carried to an unattributed quote: the last speaker named earlier in its paragraph
 * ("X," he said. "Y."), or, for a quote that opens its paragraph, the speaker that closes the paragraph before.
 */
function carriedSpeaker(
  doc: ArticleDoc,
  part: QuotePart,
  open: number,
  introOnly: boolean,
  partial: boolean,
  statements: ReadonlyMap<number, SpeechEvent[]>,
  attributions: ReadonlyMap<number, SpeechEvent[]>,
  sentenceNumber: ResolveContext['sentenceNumber'],
  namedBetween: NamedBetween,
): SpeakerRef | null {
  const here = part.paragraphIndex;
  if (!introOnly) {
    const statement = lastBefore(statements.get(here), open);
    const attribution = lastBefore(attributions.get(here), open);
    const latest =
      statement && attribution
        ? statement.tokenIndex > attribution.tokenIndex
          ? statement
          : attribution
        : (statement ?? attribution);
    // the speaker of a sentence or two before, not of a paragraph of many (copy whose breaks were lost is one), and
    // only while nobody else has been named since: a new name may have taken the floor (for a partial quote, a name
    // in any place: the phrase may be quoted from someone the sentence only mentions)
    const paragraph = doc.paragraphs[here]!;
    const near =
      latest && sentenceNumber(paragraph, Math.max(open, 0)) - sentenceNumber(paragraph, latest.tokenIndex) <= 2;
    // (the speaker's own name, "Smith said" after the quote, is no one new)
    const since =
      latest && latest.ref.paragraph.index === here ? Math.max(latest.tokenIndex, latest.ref.range.last) : 0;
    if (latest && near && !namedBetween(here, since, open, partial)) return latest.ref;
    if (latest) return null;
  }
  if (open > 0) return null;
  const previous = doc.paragraphs[here - 1];
  if (!previous || previous.heading) return null;
  // only a quote, "He said:" or a question put to someone, closing the paragraph before, hands the floor on
  const lastSentence = previous.sentenceOf[previous.tokens.length - 1] ?? 0;
  const candidates = [
    lastBefore(attributions.get(previous.index), Number.MAX_SAFE_INTEGER),
    lastBefore(
      (statements.get(previous.index) ?? []).filter((event) => event.quoted),
      Number.MAX_SAFE_INTEGER,
    ),
  ].filter(
    (event): event is SpeechEvent =>
      event !== null &&
      (!introOnly || event.tokenIndex === previous.tokens.length) &&
      event.tokenIndex >= lastSentence &&
      event.ref.cueIndex >= lastSentence,
  );
  candidates.sort((a, b) => b.tokenIndex - a.tokenIndex);
  return candidates[0]?.ref ?? null;
}

/** An unattributed quote is kept (with no speaker) only when it reads as speech: a sentence of several words. */
function isStandaloneSpeech(doc: ArticleDoc, group: QuoteGroup): boolean {
  const part = group.parts[0]!;
  const paragraph = doc.paragraphs[part.paragraphIndex]!;
  const text = paragraph.text.slice(part.textStart, part.textEnd);
  return group.parts.length > 1 || countWords(text, 3) >= 3 || /[.!?…,]$/u.test(text);
}

/**
 * Pull quotes: a paragraph that is nothing but a few words in marks repeating words quoted in another paragraph (a
 * subheading such as `'We have to act now'` over the section that quotes them) is said by whoever those words are
 * quoted from, not by the one speaking in the paragraph before it.
 */
function creditPullQuotes(doc: ArticleDoc, quotes: Quote[], traces: (AttributionTrace | null)[]): void {
  const folded = quotes.map((quote) => foldText(quote.text));
  for (const [position, quote] of quotes.entries()) {
    const paragraph = doc.paragraphs[quote.paragraphIndex]!;
    const alone = paragraph.text.trim().length <= quote.text.length + 3;
    const words = folded[position]!;
    if (!alone || quote.kind === 'reported' || words.split(' ').length < 3) continue;
    const source = quotes.findIndex(
      (other, at) =>
        other.paragraphIndex !== quote.paragraphIndex &&
        other.kind !== 'reported' &&
        folded[at]!.length > words.length &&
        ` ${folded[at]} `.includes(` ${words} `),
    );
    if (source < 0) continue;
    const from = quotes[source]!;
    quotes[position] = { ...quote, speaker: from.speaker, speakerMention: from.speakerMention, cue: from.cue };
    const trace = traces[source];
    traces[position] = trace ? { cue: 'pull-quote', via: trace.via } : null;
  }
}

/**
 * Quotes in the headline: `Harper: Cuts plan 'a disgrace'` is Harper's, `'We will win,' says Blair` is Blair's.
 * The speaker must be someone the body names; a headline quote the body repeats for the same speaker is dropped.
 */
function headlineQuotes(doc: ArticleDoc, index: EntityIndex, body: readonly Quote[]): Quote[] {
  const headline = doc.headline;
  if (!headline || doc.headlineGroups.length === 0) return [];
  const found: Quote[] = [];
  const label = headlineLabel(headline);
  // a headline holds a few quotes at most; a pathological one is not worth more
  for (const group of doc.headlineGroups.slice(0, 10)) {
    const part = group.parts[0]!;
    const open = openToken(headline, part);
    const close = closeToken(headline, part);
    const quoteText = headline.text.slice(part.textStart, part.close ?? part.textEnd);
    const text = headline.text.slice(part.textStart, part.textEnd);
    const kind = isTitleCased(text) ? 'partial' : 'direct';
    const few = kind === 'partial' || countWords(text, 5) < 5;
    // the first cue whose speaker the body names: `Trump says he told Navy to 'shoot down' boats` passes over "he"
    // (a headline's pronoun has no one before it) to the subject
    const after = () => (close !== null ? attributionAfter(headline, close, quoteText.trim().slice(-1)) : null);
    // `Democrats: GOP reaction to Trump tweet 'a disgrace'`: a label's quote in the words after its colon is the
    // label's, or nobody's, never a name's inside those words; a quote in a sentence after them is not the label's
    // (`McCain: Why Biden will eulogize his friend. 'If he needed my help, I'd go'`)
    const labelled = label !== null && open > label.cueIndex;
    const sameSentence = labelled && headline.sentenceOf[open] === headline.sentenceOf[label.cueIndex];
    const refs = sameSentence
      ? [after, () => label]
      : [
          after,
          () => (open >= 0 ? attributionBefore(headline, open, 10) : null),
          () => (labelled ? null : label),
          () => headlineSubject(headline, open, close, index),
          () => (open >= 0 && few ? headlineOpeningSpeaker(headline, open, index) : null),
          () => (open >= 0 ? headlineJoinedSpeaker(headline, open, index) : null),
        ];
    let ref: SpeakerRef | null = null;
    let entity: Entity | null = null;
    for (const next of refs) {
      ref = next();
      entity = ref ? entityNamedBy(ref, index) : null;
      if (entity) break;
    }
    if (!ref || !entity) continue;
    const folded = foldText(text);
    // the body quoting the same words says it already (a reported statement in the body is no quote of them)
    const repeated = (quote: Quote) =>
      quote.kind !== 'reported' && quote.speaker === entity.name && foldText(quote.text).includes(folded);
    if (body.some(repeated)) continue;
    found.push(makeQuote(headline, part.textStart, part.textEnd, kind, entity, ref));
  }
  return found;
}

/**
 * The subject of a headline that sets its quote off with a colon: `Biden denies allegation: 'This never happened'`
 * (the quote ends the headline) or `'I like the idea': Trump will consider testifying` (it opens it). The subject is
 * a name the body knows (four words at most), right before a verb of speech or reaction; a possessive is no subject
 * (`Trump's Lawyer Says: '...'`).
 */
function headlineSubject(
  headline: ParagraphDoc,
  open: number,
  close: number | null,
  index: EntityIndex,
): SpeakerRef | null {
  const tokens = headline.tokens;
  let start: number;
  if (open > 0 && tokens[open - 1]!.text === ':') {
    if (close === null || tokens.slice(close + 1).some((token) => token.kind === 'word')) return null;
    start = 0;
  } else if (open === 0 && close !== null && tokens[close + 1]?.text === ':') {
    start = close + 2;
  } else {
    return null;
  }
  for (let last = start; last < start + 4 && last < tokens.length; last++) {
    const token = tokens[last]!;
    if (token.kind !== 'word' || !token.capitalized || token.possessive || headline.quoted[last]) return null;
    const next = tokens[last + 1];
    if (next?.kind !== 'word' || headline.quoted[last + 1]) return null;
    if (!isSpeechVerb(next.lower) && !HEADLINE_VERBS.has(next.lower)) continue;
    const ref: SpeakerRef = { paragraph: headline, range: { first: start, last }, cue: next.text, cueIndex: last + 1 };
    if (entityNamedBy(ref, index)) return ref;
  }
  return null;
}

/**
 * `Trump Says He Told Navy to 'Shoot Down' Boats`: the name that opens the headline before a speech verb, for a few
 * quoted words later in it.
 */
function headlineOpeningSpeaker(headline: ParagraphDoc, open: number, index: EntityIndex): SpeakerRef | null {
  const tokens = headline.tokens;
  for (let last = 0; last < 4 && last + 1 < open; last++) {
    const token = tokens[last]!;
    if (token.kind !== 'word' || !token.capitalized || token.possessive || headline.quoted[last]) return null;
    const next = tokens[last + 1]!;
    if (next.kind !== 'word' || !isHeadlineSpeechVerb(next.lower)) continue;
    const ref: SpeakerRef = { paragraph: headline, range: { first: 0, last }, cue: next.text, cueIndex: last + 1 };
    return entityNamedBy(ref, index) ? ref : null;
  }
  return null;
}

/** A headline's speech verb in its present or past tense ("Says", "Told"), not a base form that is also a noun ("state"). */
function isHeadlineSpeechVerb(lower: string): boolean {
  return isSpeechVerb(lower) && /(?:s|ed|said|told|wrote)$/u.test(lower);
}

/**
 * `Harris has 'robust' talks, tells migrants: 'do not come'`: a speech verb in a clause joined to the headline's
 * first (by a comma or "and", no relative pronoun before it) speaks for the name that opens the headline.
 */
function headlineJoinedSpeaker(headline: ParagraphDoc, open: number, index: EntityIndex): SpeakerRef | null {
  const tokens = headline.tokens;
  let verb = -1;
  for (let at = open - 1; at >= Math.max(1, open - 5); at--) {
    const token = tokens[at]!;
    if (headline.quoted[at] || token.kind !== 'word') continue;
    if (isHeadlineSpeechVerb(token.lower)) {
      verb = at;
      break;
    }
  }
  const joint = tokens[verb - 1];
  if (verb < 2 || (joint?.text !== ',' && joint?.lower !== 'and')) return null;
  // (`Roberts rebukes Schumer; Trump slams lawmaker, says '...'`: the clause after a semicolon opens on its own name)
  const clause = tokens.slice(0, verb).findLastIndex((token) => token.text === ';') + 1;
  if (tokens.slice(clause, verb).some((token) => RELATIVE_OPENERS.has(token.lower))) return null;
  for (let last = clause; last < clause + 4 && last < verb - 2; last++) {
    const token = tokens[last]!;
    if (token.kind !== 'word' || !token.capitalized || token.possessive || headline.quoted[last]) return null;
    const ref: SpeakerRef = {
      paragraph: headline,
      range: { first: clause, last },
      cue: tokens[verb]!.text,
      cueIndex: verb,
    };
    if (entityNamedBy(ref, index)) return ref;
  }
  return null;
}

/** `Harper: ...`: a name (two words at most) opening the headline before a colon. */
function headlineLabel(headline: ParagraphDoc): SpeakerRef | null {
  const tokens = headline.tokens;
  for (let at = 1; at <= 3 && at < tokens.length; at++) {
    if (tokens[at]!.text !== ':') continue;
    const words = tokens.slice(0, at);
    if (
      !words.every((token) => token.kind === 'word' && token.capitalized && !headline.quoted[tokens.indexOf(token)])
    ) {
      return null;
    }
    return { paragraph: headline, range: { first: 0, last: at - 1 }, cue: ':', cueIndex: at };
  }
  return null;
}

/** The body's entity a headline mention names: by full name, surname or organisation name. */
function entityNamedBy(ref: SpeakerRef, index: EntityIndex): Entity | null {
  const tokens = ref.paragraph.tokens;
  const phrase = tokens.slice(ref.range.first, ref.range.last + 1);
  // "Harper's aide says", "Harper campaign says": a lowercase head after the name is someone else
  if (!phrase[phrase.length - 1]?.capitalized || phrase.slice(0, -1).some((token) => token.possessive)) return null;
  const words = phrase.filter((token) => token.capitalized);
  const last = words[words.length - 1];
  if (!last) return null;
  const key = normalizeName(words.map((token) => token.text.replace(/['’]s?$/u, '')).join(' '));
  const surname = normalizeName(last.text.replace(/['’]s?$/u, ''));
  const byName = index.entities.filter((entity) => entity.key === key || normalizeName(entity.name) === key);
  if (byName.length === 1) return byName[0]!;
  const bySurname = index.entities.filter((entity) => entity.kind === 'person' && entity.surnameKey === surname);
  if (bySurname.length === 1) return bySurname[0]!;
  // "AOC fires back": the initials of the one person whose name they spell (Alexandria Ocasio-Cortez)
  const letters = words.length === 1 ? last.text.replace(/['’]s?$/u, '') : '';
  if (!/^\p{Lu}{2,4}$/u.test(letters)) return null;
  const byInitials = index.entities.filter(
    (entity) => entity.kind === 'person' && personInitials(entity.name) === letters,
  );
  return byInitials.length === 1 ? byInitials[0]! : null;
}

/**
 * A person's initials as nicknames spell them: every part counted, hyphenated parts and particles too
 * ("Alexandria Ocasio-Cortez" -> "AOC", "Mohammed bin Salman" -> "MBS"); entities.ts has a body's, which skips small
 * words ("International Monetary Fund" -> "imf").
 */
function personInitials(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((part) => /^\p{L}/u.test(part))
    .map((part) => part[0]!.toUpperCase())
    .join('');
}
