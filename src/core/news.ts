import { groupByStory, quoteFingerprint } from './digest/story-entries.js';
import { NewsdeskError } from './errors.js';
import { groupNameVariants } from './name-groups.js';
import type { DigestItem, NewsService, ReadResult, StoryResult, WhoResult } from './news-service.js';
import { editDistance, normalizeName, stripTitles } from './nlp/names.js';
import type { ArticleQueries, ArticleView, PersonMatch, QuoteView, StoryDetail } from './ports.js';
import { normalizeQuery } from './query.js';
import { outletOf } from './store/store-common.js';

const MAX_QUERY = 200;
/** people listed for an ambiguous name (a shared surname) */
const MAX_MATCHES = 5;
/** the most of a person's quotes read to show the same words from several outlets once (deeper pages are not grouped) */
const QUOTE_SCAN = 500;

/**
 * How many of a person's newest quotes to read for a page: enough to fill it when each quote is carried by up to
 * four outlets. A larger read only adds quotes after the smaller one's, so grouping keeps pages stable.
 */
function quoteScan(page: { quoteOffset: number; quoteLimit: number }): number {
  return Math.min(QUOTE_SCAN, (page.quoteOffset + page.quoteLimit) * 4 + 20);
}

/** The core API over a store. Every method is a cheap index lookup: the analysis happened at ingest. */
export function createNewsService(deps: { store: ArticleQueries }): NewsService {
  const { store } = deps;
  return {
    latest: (options) => store.latestStories(options),

    countLatest: () => store.countStories(),

    async story(ref): Promise<StoryResult> {
      const query = normalizeQuery(ref).slice(0, MAX_QUERY);
      if (!query) return { found: false, candidates: [] };
      const found = async (story: StoryDetail): Promise<StoryResult> => ({
        found: true,
        story,
        quoted: await store.quotedInStory(story.id),
      });
      const direct = await store.getArticle(query);
      const candidates = direct ? [] : await store.findArticles(query, 5);
      const chosen = direct ? { id: direct.id } : pickCandidate(candidates, query);
      if (!chosen) {
        // several headlines of one story are still one answer
        const stories = await store.storiesOf(candidates.map((c) => c.id));
        const ids = new Set(candidates.map((c) => stories.get(c.id)?.id ?? c.id));
        const only = candidates[0];
        if (ids.size !== 1 || !only) return { found: false, candidates };
        return found(stories.get(only.id) ?? storyOfOne(only));
      }
      const story = (await store.storiesOf([chosen.id])).get(chosen.id);
      if (story) return found(story);
      const [view] = await store.findArticles(chosen.id, 1);
      return view ? found(storyOfOne(view)) : { found: false, candidates: [] };
    },

    async read(ref): Promise<ReadResult> {
      const query = normalizeQuery(ref).slice(0, MAX_QUERY);
      if (!query) return { found: false, candidates: [] };
      const direct = await store.getArticle(query);
      if (direct) return { found: true, article: direct };
      const candidates = await store.findArticles(query, 5);
      const first = candidates[0];
      const exact = candidates.find((c) => c.title.toLowerCase() === query.toLowerCase());
      const chosen = exact ?? (candidates.length === 1 ? first : undefined);
      if (chosen) {
        const article = await store.getArticle(chosen.id);
        if (article) return { found: true, article };
      }
      return { found: false, candidates };
    },

    search(text, options = {}) {
      return store.search(normalizeQuery(text).slice(0, MAX_QUERY), {
        limit: options.limit ?? 10,
        offset: options.offset ?? 0,
      });
    },

    async who(name, options = {}): Promise<WhoResult> {
      const query = normalizeQuery(name).slice(0, MAX_QUERY);
      const page = {
        quoteLimit: options.quoteLimit ?? 50,
        quoteOffset: options.quoteOffset ?? 0,
        articleLimit: options.articleLimit ?? 20,
      };
      const groups = (await findGroups(store, query)).slice(0, MAX_MATCHES);
      // the same words carried by several outlets are shown once: read enough quotes to group them
      const grouping = page.quoteOffset + page.quoteLimit <= QUOTE_SCAN;
      const read = grouping ? { ...page, quoteLimit: quoteScan(page), quoteOffset: 0 } : page;
      const matches = await Promise.all(
        groups.map(async (group) => {
          const profile = await store.personProfile(
            group.map((m) => m.personKey),
            read,
          );
          if (!grouping) return profile;
          const quotes = groupSameWords(profile.quotes);
          return {
            ...profile,
            quotes: quotes.slice(page.quoteOffset, page.quoteOffset + page.quoteLimit),
            quoteTotal: profile.quoteTotal - (profile.quotes.length - quotes.length),
          };
        }),
      );
      return { query, matches, suggestions: matches.length === 0 ? await suggestNames(store, query) : [] };
    },

    async quotes(terms, options) {
      const query = normalizeQuery(terms).slice(0, MAX_QUERY);
      const page = { limit: options.limit, offset: options.offset };
      if (options.speaker === undefined) {
        const found = await store.searchQuotes(query, page);
        // one speaker's same words carried by several outlets are shown once, as `who` shows them (a surname
        // alone and the full name are one speaker; two people saying the same words are not)
        const quotes = groupSameWords(found.quotes, (quote) => normalizeName(quote.speaker).split(' ').at(-1) ?? '');
        const total = found.total >= 1000 ? found.total : found.total - (found.quotes.length - quotes.length);
        return { query, speaker: null, quotes, total, suggestions: [] };
      }
      const name = normalizeQuery(options.speaker).slice(0, MAX_QUERY);
      const [group] = await findGroups(store, name);
      const [best] = group ?? [];
      if (!group || !best) {
        return { query, speaker: null, quotes: [], total: 0, suggestions: await suggestNames(store, name) };
      }
      const found = await store.searchQuotes(query, { ...page, personKeys: group.map((m) => m.personKey) });
      return { query, speaker: { name: best.name, kind: best.kind }, ...found, suggestions: [] };
    },

    people: (prefix, limit = 25) => store.peopleByPrefix(normalizeName(stripTitles(normalizeQuery(prefix))), limit),

    async digest(options): Promise<DigestItem[]> {
      if (Number.isNaN(options.since.getTime())) throw new NewsdeskError('BAD_INPUT', 'That date is not valid.');
      const articles = await store.articlesSince(options.since, options.limit ?? 50);
      const ids = articles.map((article) => article.id);
      const [quotes, stories] = await Promise.all([store.topQuotes(ids), store.storiesOf(ids)]);
      // one entry per story; nothing counts as delivered before an asked-for digest
      return groupByStory(articles, stories, 0, quotes, { delivered: async () => false, quotesOf: async () => [] });
    },

    stats: () => store.counts(),
  };
}

/**
 * Quotes in order, the same words (by several outlets) once, with how many other outlets carry them; `speakerOf`
 * keeps different speakers' quotes apart when the list has several.
 */
function groupSameWords(quotes: readonly QuoteView[], speakerOf: (quote: QuoteView) => string = () => ''): QuoteView[] {
  const groups = new Map<string, { quote: QuoteView; outlets: Set<string> }>();
  for (const quote of quotes) {
    const key = `${speakerOf(quote)}|${quoteFingerprint(quote.text)}`;
    const outlet = outletOf({ source: quote.articleSource ?? null, url: quote.articleUrl }) ?? quote.articleId;
    const group = groups.get(key);
    if (group) group.outlets.add(outlet);
    else groups.set(key, { quote, outlets: new Set([outlet]) });
  }
  return [...groups.values()].map(({ quote, outlets }) =>
    outlets.size > 1 ? { ...quote, alsoIn: outlets.size - 1 } : quote,
  );
}

/** The candidate a reference names: the one whose title it is, or the only one. */
function pickCandidate(candidates: readonly ArticleView[], query: string): ArticleView | undefined {
  const exact = candidates.find((c) => c.title.toLowerCase() === query.toLowerCase());
  return exact ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/** An article not (yet) put into a story: a story of its own. */
function storyOfOne(article: ArticleView): StoryDetail {
  const outlet = article.source ?? null;
  return { id: article.id, outlets: outlet ? [outlet] : [], size: 1, articles: [{ ...article, seq: 0 }] };
}

/**
 * The persons a query names, each the name variants a reader takes for one person, trying the query as typed and
 * without titles ("Secretary Rubio"). A full name also gathers the variants stored under its surname ("Paul D. Ryan"
 * finds "Paul Ryan" and the "Ryan" of articles that never give his first name), keeping only the persons the query
 * itself matched.
 */
async function findGroups(store: ArticleQueries, query: string): Promise<PersonMatch[][]> {
  if (!query) return [];
  for (const candidate of [query, stripTitles(query)]) {
    const key = normalizeName(candidate);
    if (!key) continue;
    const found = await store.peopleByKey(key);
    if (found.length === 0) continue;
    const surname = key.split(' ').at(-1) ?? key;
    if (surname === key) return groupNameVariants(found);
    const matched = new Set(found.map((match) => match.personKey));
    const bearers = (await store.peopleByKey(surname)).filter((match) => !matched.has(match.personKey));
    return groupNameVariants([...found, ...bearers]).filter((group) =>
      group.some((match) => matched.has(match.personKey)),
    );
  }
  return [];
}

/** Close names for a query that matched nobody, nearest first. */
async function suggestNames(store: ArticleQueries, query: string): Promise<string[]> {
  const key = normalizeName(stripTitles(query));
  if (key.length < 2) return [];
  const budget = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const scored: { key: string; distance: number }[] = [];
  const buckets = bucketsOf(await store.personKeys());
  // typos rarely hit the first letter; checking only names that share it keeps a miss cheap on big stores
  for (const candidate of buckets.get(key[0] ?? '') ?? []) {
    if (Math.abs(candidate.length - key.length) > budget) continue;
    const distance = editDistance(key, candidate, budget);
    if (distance <= budget) scored.push({ key: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  const names: string[] = [];
  for (const { key: candidate } of scored) {
    for (const person of await store.peopleByKey(candidate)) {
      if (!names.includes(person.name)) names.push(person.name);
    }
    if (names.length >= 5) break;
  }
  return names.slice(0, 5);
}

const bucketCache = new WeakMap<readonly string[], Map<string, string[]>>();

/** Name keys grouped by first letter, computed once per list (the store returns the same list until it changes). */
function bucketsOf(keys: readonly string[]): Map<string, string[]> {
  let buckets = bucketCache.get(keys);
  if (!buckets) {
    buckets = new Map();
    for (const key of keys) {
      const first = key[0] ?? '';
      const bucket = buckets.get(first);
      if (bucket) bucket.push(key);
      else buckets.set(first, [key]);
    }
    bucketCache.set(keys, buckets);
  }
  return buckets;
}
