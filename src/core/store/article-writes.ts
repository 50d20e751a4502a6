import type { Paragraph, Person, Quote, QuoteKind, SpeakerKind } from '../articles/article.js';
import { ANALYSIS_VERSION } from '../ingest/analysis-version.js';
import { rankRoles, roleKey } from '../nlp/attribution/roles.js';
import { nameKeys, normalizeName } from '../nlp/names.js';
import type { AnalyzedArticle } from '../ports.js';
import { KIND_RANK, MAX_LISTED, pickName, quoteScore, unique } from './store-common.js';

/*
 * What storing and forgetting articles writes, decided once for both databases: the article rows,
 * the person aggregates, mentions, lookup keys, quotes and the running totals. The stores only load
 * what these functions ask for and write what they return, each in its own SQL. A new column or
 * table is decided here, once.
 */

/** An article row; JSON columns hold values (each driver encodes them), the flag a boolean. */
export interface ArticleRecord {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  author: string | null;
  published_at: string | null;
  published_approx: boolean;
  dateline: string | null;
  caption: string | null;
  highlights: string[];
  paragraphs: Paragraph[];
  summary: string[];
  short: string;
  summary_method: string;
  /** people and quotes as analysed */
  analysis: { people: Person[]; quotes: Quote[] };
  ingested_at: string;
  /** newest first: the publication time where known, else the arrival time */
  sort_key: string;
  /** the ANALYSIS_VERSION that produced `analysis` (0: before versions were recorded) */
  analysis_version: number;
}

/** Every column of a record type, in a fixed order for SQL; leaving one out (or naming one too many) does not compile. */
function columnsOf<T>(columns: Record<keyof T, true>): (keyof T & string)[] {
  return Object.keys(columns) as (keyof T & string)[];
}

/** `a = excluded.a, ...` for an upsert that replaces every column but the key (both dialects say it so). */
export function setFromExcluded(columns: readonly string[], key: string): string {
  return columns
    .filter((column) => column !== key)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
}

export const ARTICLE_COLUMNS = columnsOf<ArticleRecord>({
  id: true,
  title: true,
  url: true,
  source: true,
  author: true,
  published_at: true,
  published_approx: true,
  dateline: true,
  caption: true,
  highlights: true,
  paragraphs: true,
  summary: true,
  short: true,
  summary_method: true,
  analysis: true,
  ingested_at: true,
  sort_key: true,
  analysis_version: true,
});

/** What the full-text index holds for an article: its title, and its highlights and body. */
export interface SearchText {
  title: string;
  body: string;
}

/**
 * How much a person is given a role across the store: a count of the articles that give it, halving every
 * {@link ROLE_HALF_LIFE_DAYS} days, as of `last` (the newest of those articles), so that the role someone holds
 * now overtakes the one they held for years before.
 */
export interface RoleUse {
  text: string;
  weight: number;
  last: string;
}

/** The aggregate of one person (or organisation) over every stored article that mentions them. */
export interface PersonRecord {
  person_key: string;
  name: string;
  kind: SpeakerKind;
  /** best first (see {@link rankRoleUses}) */
  roles: string[];
  role_uses: RoleUse[];
  aliases: string[];
  article_count: number;
  /** direct and partial quotes; reported speech counted apart */
  quote_count: number;
  reported_count: number;
}

export const PERSON_COLUMNS = columnsOf<PersonRecord>({
  person_key: true,
  name: true,
  kind: true,
  roles: true,
  role_uses: true,
  aliases: true,
  article_count: true,
  quote_count: true,
  reported_count: true,
});

export interface MentionRecord {
  person_key: string;
  article_id: string;
  sort_key: string;
}

export const MENTION_COLUMNS = columnsOf<MentionRecord>({ person_key: true, article_id: true, sort_key: true });

/** One normalised form (full name, surname, alias) a person can be looked up by. */
export interface NameKeyRecord {
  name_key: string;
  person_key: string;
}

export const NAME_KEY_COLUMNS = columnsOf<NameKeyRecord>({ name_key: true, person_key: true });

export interface QuoteRecord {
  article_id: string;
  position: number;
  person_key: string | null;
  speaker: string | null;
  text: string;
  kind: QuoteKind;
  /** offsets of the quote in the article's source text */
  text_start: number;
  text_end: number;
  score: number;
  kind_rank: number;
  sort_key: string;
}

export const QUOTE_COLUMNS = columnsOf<QuoteRecord>({
  article_id: true,
  position: true,
  person_key: true,
  speaker: true,
  text: true,
  kind: true,
  text_start: true,
  text_end: true,
  score: true,
  kind_rank: true,
  sort_key: true,
});

/** How one write changes the running totals. */
export interface CounterDelta {
  articles: number;
  quotes: number;
  people: number;
}

/**
 * An attributed quote as the quote search index holds it: its words and those of its paragraph (so
 * `/news quotes tariffs` finds "It will hurt farmers" said in a paragraph about tariffs), and who said it.
 */
export interface QuoteTextRecord {
  article_id: string;
  position: number;
  person_key: string;
  body: string;
}

/** Every row that storing new articles writes. */
export interface ArticleWrites {
  articles: { row: ArticleRecord; search: SearchText }[];
  /** aggregates to insert or replace: new people, and people these articles add to */
  persons: PersonRecord[];
  mentions: MentionRecord[];
  nameKeys: NameKeyRecord[];
  quotes: QuoteRecord[];
  /** the attributed quotes, for the quote search index */
  quoteTexts: QuoteTextRecord[];
  delta: CounterDelta;
}

/** The person keys whose stored aggregates {@link planArticleWrites} folds the articles into. */
export function personKeysOf(articles: readonly AnalyzedArticle[]): string[] {
  return unique(articles.flatMap((article) => article.people.map((person) => normalizeName(person.name)))).filter(
    (key) => key !== '',
  );
}

/** Writes that store nothing yet, to be filled. */
export function noWrites(): ArticleWrites {
  return {
    articles: [],
    persons: [],
    mentions: [],
    nameKeys: [],
    quotes: [],
    quoteTexts: [],
    delta: { articles: 0, quotes: 0, people: 0 },
  };
}

/**
 * Decide what storing `articles` (new to the store, each once) writes. `stored` holds the current
 * aggregates of {@link personKeysOf}(articles) that exist; articles are folded in in order.
 */
export function planArticleWrites(
  articles: readonly AnalyzedArticle[],
  stored: ReadonlyMap<string, PersonRecord>,
  ingestedAt: string,
): ArticleWrites {
  // the aggregates these articles change, over `stored` (not a copy of it: callers pass a whole batch's people)
  const persons = new Map<string, PersonRecord>();
  const writes = noWrites();
  for (const article of articles) {
    const sortKey = article.publishedAt ?? ingestedAt;
    writes.articles.push({
      row: articleRecord(article, ingestedAt, sortKey, ANALYSIS_VERSION),
      search: searchText(article),
    });
    const counts = quoteCountsBySpeaker(article.quotes);
    const keyByName = new Map<string, string>();
    for (const person of article.people) {
      const personKey = normalizeName(person.name);
      if (!personKey || keyByName.has(person.name)) continue;
      keyByName.set(person.name, personKey);
      const before = persons.get(personKey) ?? stored.get(personKey);
      if (!before) writes.delta.people++;
      persons.set(personKey, addToPerson(before, personKey, person, counts.get(person.name) ?? NO_QUOTES, sortKey));
      writes.mentions.push({ person_key: personKey, article_id: article.id, sort_key: sortKey });
      writes.nameKeys.push(...nameKeyRecords(personKey, [person]));
    }
    article.quotes.forEach((quote, position) => {
      const personKey = quote.speaker === null ? null : (keyByName.get(quote.speaker) ?? null);
      if (personKey !== null) {
        const paragraph = article.paragraphs[quote.paragraphIndex]?.text ?? '';
        const body = paragraph.includes(quote.text) ? paragraph : `${quote.text}\n${paragraph}`;
        writes.quoteTexts.push({ article_id: article.id, position, person_key: personKey, body });
      }
      writes.quotes.push({
        article_id: article.id,
        position,
        person_key: personKey,
        speaker: quote.speaker,
        text: quote.text,
        kind: quote.kind,
        text_start: quote.start,
        text_end: quote.end,
        score: quoteScore(quote.kind, quote.text, quote.paragraphIndex),
        kind_rank: KIND_RANK[quote.kind],
        sort_key: sortKey,
      });
    });
    writes.delta.articles++;
    writes.delta.quotes += attributedQuotes(article.quotes);
  }
  writes.persons = [...persons.values()];
  return writes;
}

/**
 * What folding a new analysis of a stored article (arrived at `ingestedAt`) into people, mentions, keys and quotes
 * writes: as for a new article, without the article row. The stores first take the old analysis out (its quotes
 * and mentions deleted, its people rebuilt without it).
 */
export function planReanalysisWrites(
  article: AnalyzedArticle,
  stored: ReadonlyMap<string, PersonRecord>,
  ingestedAt: string,
): ArticleWrites {
  const writes = planArticleWrites([article], stored, ingestedAt);
  return { ...writes, articles: [], delta: { ...writes.delta, articles: 0 } };
}

/** The analysis column of an article: its people and quotes. */
export function analysisOf(article: AnalyzedArticle): ArticleRecord['analysis'] {
  return { people: article.people, quotes: article.quotes };
}

/** The articles still mentioning a person, as analysed: what {@link planPersonRebuild} rebuilds from. */
export interface RemainingMention {
  person_key: string;
  /** the article's analysed people (each article's whole list; the rebuild keeps the person's own entries) */
  people: Person[];
  /** the article's sort key (its publication time, else its arrival) */
  sort_key: string;
}

/** Aggregates rebuilt after deletions: rows to replace, their lookup keys, and people no article mentions. */
export interface PersonRebuild {
  persons: PersonRecord[];
  nameKeys: NameKeyRecord[];
  /** people to delete (each one fewer in the totals) */
  forgotten: string[];
}

/**
 * After articles were deleted: rebuild the aggregates of `keys` from the articles that still
 * mention them, with their quote counts as stored. The stores delete the people's lookup keys
 * first and write back the ones returned.
 */
export function planPersonRebuild(
  keys: readonly string[],
  remaining: readonly RemainingMention[],
  quoteCounts: ReadonlyMap<string, { quotes: number; reported: number }>,
): PersonRebuild {
  const views = new Map<string, { person: Person; when: string }[]>();
  for (const mention of remaining) {
    const own = mention.people
      .filter((person) => normalizeName(person.name) === mention.person_key)
      .map((person) => ({ person, when: mention.sort_key }));
    views.set(mention.person_key, [...(views.get(mention.person_key) ?? []), ...own]);
  }
  const rebuild: PersonRebuild = { persons: [], nameKeys: [], forgotten: [] };
  for (const key of unique([...keys])) {
    const seen = views.get(key) ?? [];
    if (seen.length === 0) {
      rebuild.forgotten.push(key);
      continue;
    }
    const counts = quoteCounts.get(key) ?? NO_QUOTES;
    const people = seen.map((view) => view.person);
    rebuild.nameKeys.push(...nameKeyRecords(key, people));
    let uses: RoleUse[] = [];
    for (const view of [...seen].sort((a, b) => a.when.localeCompare(b.when))) {
      uses = addRoleUses(uses, view.person.roles, view.when);
    }
    const organisations = people.filter((person) => person.kind === 'organisation').length;
    rebuild.persons.push({
      person_key: key,
      name: pickName(people.map((person) => person.name)),
      // what most of the articles make of the name
      kind: organisations * 2 > people.length ? 'organisation' : 'person',
      roles: rankRoleUses(uses),
      role_uses: uses,
      aliases: unique(people.flatMap((person) => person.aliases)).slice(0, MAX_LISTED),
      article_count: seen.length,
      quote_count: counts.quotes,
      reported_count: counts.reported,
    });
  }
  return rebuild;
}

/** Every normalised name key (full names, surnames, aliases) of an article's people. */
export function nameKeysOfPeople(people: readonly Person[]): string[] {
  const keys = new Set<string>();
  for (const person of people) {
    for (const key of [normalizeName(person.name), ...nameKeys(person)]) if (key) keys.add(key);
  }
  return [...keys];
}

/** Add `change` into `total`. */
export function addDelta(total: CounterDelta, change: CounterDelta): void {
  total.articles += change.articles;
  total.quotes += change.quotes;
  total.people += change.people;
}

/** Quotes with a speaker: what the `quotes` total counts. */
function attributedQuotes(quotes: readonly Quote[]): number {
  return quotes.filter((quote) => quote.speaker !== null).length;
}

const NO_QUOTES = { quotes: 0, reported: 0 };

function articleRecord(
  article: AnalyzedArticle,
  ingestedAt: string,
  sortKey: string,
  analysisVersion: number,
): ArticleRecord {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    author: article.author,
    published_at: article.publishedAt,
    published_approx: article.publishedApprox,
    dateline: article.dateline,
    caption: article.caption,
    highlights: article.highlights,
    paragraphs: article.paragraphs,
    summary: article.summary.standard,
    short: article.summary.short,
    summary_method: article.summary.method,
    analysis: analysisOf(article),
    ingested_at: ingestedAt,
    sort_key: sortKey,
    analysis_version: analysisVersion,
  };
}

function searchText(article: AnalyzedArticle): SearchText {
  return { title: article.title, body: [...article.highlights, ...article.paragraphs.map((p) => p.text)].join('\n') };
}

function quoteCountsBySpeaker(quotes: readonly Quote[]): Map<string, { quotes: number; reported: number }> {
  const counts = new Map<string, { quotes: number; reported: number }>();
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const count = counts.get(quote.speaker) ?? { quotes: 0, reported: 0 };
    if (quote.kind === 'reported') count.reported++;
    else count.quotes++;
    counts.set(quote.speaker, count);
  }
  return counts;
}

/**
 * What most articles make of a name, the stored kind standing for every article before this one (as a rebuild
 * counts them); a tie goes to the newest analysis. One article taking "a Trump spokesman said" for a body's words
 * leaves a person of a thousand articles a person. An analysis too old to say keeps the stored kind.
 */
function mergedKind(row: PersonRecord, kind: SpeakerKind | undefined): SpeakerKind {
  if (kind === undefined) return row.kind;
  const organisations = (row.kind === 'organisation' ? row.article_count : 0) + (kind === 'organisation' ? 1 : 0);
  const total = row.article_count + 1;
  if (organisations * 2 === total) return kind;
  return organisations * 2 > total ? 'organisation' : 'person';
}

/** One article's view of a person folded into the aggregate: counts add up, names and roles merge. */
function addToPerson(
  row: PersonRecord | undefined,
  personKey: string,
  person: Person,
  counts: { quotes: number; reported: number },
  when: string,
): PersonRecord {
  const uses = addRoleUses(row?.role_uses ?? [], person.roles, when);
  if (!row) {
    return {
      person_key: personKey,
      name: person.name,
      kind: person.kind ?? 'person',
      roles: rankRoleUses(uses),
      role_uses: uses,
      aliases: person.aliases.slice(0, MAX_LISTED),
      article_count: 1,
      quote_count: counts.quotes,
      reported_count: counts.reported,
    };
  }
  return {
    person_key: personKey,
    name: pickName([row.name, person.name]),
    kind: mergedKind(row, person.kind),
    roles: rankRoleUses(uses),
    role_uses: uses,
    aliases: unique([...row.aliases, ...person.aliases]).slice(0, MAX_LISTED),
    article_count: row.article_count + 1,
    quote_count: row.quote_count + counts.quotes,
    reported_count: row.reported_count + counts.reported,
  };
}

/** How many days it takes for a role's weight to halve once no article gives it any more. */
export const ROLE_HALF_LIFE_DAYS = 180;
/** Roles kept per person: the weakest go first. */
const MAX_ROLE_USES = 40;
const DAY_MS = 86_400_000;

function decay(fromIso: string, toIso: string): number {
  const days = (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
  return Number.isFinite(days) ? 0.5 ** (Math.max(0, days) / ROLE_HALF_LIFE_DAYS) : 1;
}

/**
 * Fold the roles one article gives (at `when`) into a person's role uses: one use per role and article, variants
 * of one role ("UK Chancellor", "UK chancellor") counted as one, each weight brought forward to the newer time.
 */
export function addRoleUses(uses: readonly RoleUse[], roles: readonly string[], when: string): RoleUse[] {
  const byKey = new Map(uses.map((use) => [roleKey(use.text), { ...use }]));
  for (const key of new Set(roles.map(roleKey))) {
    const text = roles.find((role) => roleKey(role) === key)!;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { text, weight: 1, last: when });
    else if (when >= known.last) {
      known.weight = known.weight * decay(known.last, when) + 1;
      known.last = when;
    } else {
      known.weight += decay(when, known.last);
    }
  }
  return [...byKey.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_ROLE_USES);
}

/**
 * A person's roles best first: each role's weight as of the newest article giving any of them (most used and most
 * recent first), variants folded as {@link rankRoles} folds them across articles ("Prime Minister" into "British Prime
 * Minister", but never "President" into "former President"), ties to the more recent.
 */
export function rankRoleUses(uses: readonly RoleUse[]): string[] {
  const newest =
    uses
      .map((use) => use.last)
      .sort()
      .at(-1) ?? '';
  return rankRoles(
    uses.map((use) => ({
      text: use.text,
      count: use.weight * decay(use.last, newest),
      order: -Date.parse(use.last) || 0,
    })),
    true,
  );
}

/** The lookup keys of a person: their key, and each view's name keys (surname, aliases), once each. */
function nameKeyRecords(personKey: string, views: readonly Person[]): NameKeyRecord[] {
  const keys = new Set([personKey, ...views.flatMap((view) => nameKeys(view))]);
  return [...keys].filter((key) => key !== '').map((key) => ({ name_key: key, person_key: personKey }));
}
