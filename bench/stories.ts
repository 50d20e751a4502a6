import type { ParsedArticle } from '../src/core/articles/article.js';
import { articleFromLines } from '../src/core/articles/from-lines.js';
import { analyzeArticleSync, withStoryKeys } from '../src/core/ingest/analyze.js';
import { attributeQuotes } from '../src/core/nlp/attribution/pipeline.js';
import type { AnalyzedArticle, ArticleStore } from '../src/core/ports.js';
import { assignStory } from '../src/core/stories/story-clusterer.js';
import { type PeopleAndQuotes, type StoryFeatures, storyFeatures } from '../src/core/stories/story-features.js';
import { InMemoryStoryIndex } from '../src/core/stories/story-index.js';
import { round, type Summary, summarize } from './stats.js';

/** Articles a day in the simulated stream: a bot following a few dozen busy feeds. */
const PER_DAY = 2000;
/** Articles timed after the store holds `size` clustered ones. */
const MEASURED = 2000;

export interface StoryFigures {
  /** articles already clustered when the measured ones arrive */
  clustered: number;
  /** computing an article's story features at ingest (title and lead terms, names, quote fingerprints), ms */
  features: Summary;
  /** assigning an article to a story (candidate lookup, scoring, story update), ms */
  assign: Summary;
  /** its mean, ms (the budget: 0.2 ms) */
  assignMean: number;
  /** the process's CPU time per assignment, ms: the mean without the waits of a machine shared with other work */
  assignCpu: number;
  /** the same without times (the order window) */
  assignUndated: Summary;
  /** stories open to new articles at the end, and stories made (of the clustered and the measured articles) */
  openStories: number;
  stories: number;
}

/**
 * Story clustering cost per article once `size` articles are clustered. Each article is a base text with the
 * opening paragraph of another one put in its lead, so copies of a text are different articles about one story, and
 * arrive 43 seconds apart (2,000 a day); the people finder's results are taken as stored at ingest.
 */
export async function benchStories(texts: readonly string[], size: number): Promise<StoryFigures> {
  const bases = texts.map((text) => {
    const firstBreak = text.indexOf('\n');
    const article = articleFromLines(text.slice(0, firstBreak).trim(), text, firstBreak);
    return { article, analysis: attributeQuotes(article) };
  });
  const articleAt = (i: number) => mixedArticle(bases, i);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const timeOf = (i: number) => start + Math.round((i * 86_400_000) / PER_DAY);

  const dated = new InMemoryStoryIndex();
  const undated = new InMemoryStoryIndex();
  for (let i = 0; i < size; i++) {
    const { article, analysis } = articleAt(i);
    const features = storyFeatures(article, analysis, timeOf(i));
    assignStory(`a${i}`, features, dated);
    assignStory(`a${i}`, { ...features, time: null }, undated);
  }
  const featureTimes: number[] = [];
  const measured: { id: string; features: StoryFeatures }[] = [];
  for (let i = size; i < size + MEASURED; i++) {
    const { article, analysis } = articleAt(i);
    const t0 = performance.now();
    const features = storyFeatures(article, analysis, timeOf(i));
    featureTimes.push(performance.now() - t0);
    measured.push({ id: `a${i}`, features });
  }
  const cpuBefore = process.cpuUsage();
  const assignTimes = await timeAssignments(dated, measured);
  const cpu = process.cpuUsage(cpuBefore);
  const undatedTimes = await timeAssignments(
    undated,
    measured.map((item) => ({ ...item, features: { ...item.features, time: null } })),
  );
  return {
    clustered: size,
    features: summarize(featureTimes),
    assign: summarize(assignTimes),
    assignMean: round(assignTimes.reduce((sum, t) => sum + t, 0) / assignTimes.length),
    assignCpu: round((cpu.user + cpu.system) / 1000 / assignTimes.length),
    assignUndated: summarize(undatedTimes),
    openStories: dated.openStories,
    stories: new Set(dated.assignments.values()).size,
  };
}

async function timeAssignments(
  index: InMemoryStoryIndex,
  items: readonly { id: string; features: StoryFeatures }[],
): Promise<number[]> {
  const times: number[] = [];
  for (const { id, features } of items) {
    const t0 = performance.now();
    assignStory(id, features, index);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Base text `i mod n` with the opening paragraph of another one (varying with the copy) as its second paragraph. */
function mixedArticle(
  bases: readonly { article: ParsedArticle; analysis: PeopleAndQuotes }[],
  i: number,
): { article: ParsedArticle; analysis: PeopleAndQuotes } {
  const base = bases[i % bases.length]!;
  const other = bases[(i * 7919 + 13) % bases.length]!;
  const extra = other.article.paragraphs[0];
  if (extra === undefined) return base;
  const [first, ...rest] = base.article.paragraphs;
  const paragraphs = first === undefined ? [extra] : [first, extra, ...rest];
  return { article: { ...base.article, paragraphs }, analysis: base.analysis };
}

export function formatStoryFigures(figures: StoryFigures): string {
  const fmt = (s: Summary) => `${s.median.toFixed(3).padStart(9)} ${s.p99.toFixed(3).padStart(9)}`;
  const meanSize = round((figures.clustered + figures.assign.runs) / Math.max(figures.stories, 1), 1);
  return `${String(figures.clustered).padEnd(9)} ${fmt(figures.features)}  ${fmt(figures.assign)} ${figures.assignMean.toFixed(3).padStart(7)} ${figures.assignCpu.toFixed(3).padStart(7)}  ${fmt(figures.assignUndated)}  ${String(figures.openStories).padStart(6)} ${String(meanSize).padStart(9)}`;
}

/** The header of `formatStoryFigures` rows. */
export function storyFiguresHeader(): string {
  return 'clustered  features ms (median p99)  assign ms (median p99 mean cpu)  undated (median p99)  open   mean size';
}

/** What clustering adds to writing articles, in one way of writing them: ms per article, medians. */
export interface MarginalCost {
  /** writing with clustering held back (the articles are clustered afterwards, untimed) */
  held: number;
  /** writing with clustering, in the same transaction, as ingest does */
  clustered: number;
  /** the difference: what clustering adds per article, but for the fold (the budget: 0.2 ms) */
  adds: number;
  /**
   * the addition of the pending document frequencies to story_df, once per DF_FOLD_EVERY articles: what the
   * transaction that did it took beyond the median of its kind, spread over the articles it folded (null: none
   * happened among these writes). The medians leave it out.
   */
  fold: number | null;
  /** `adds` and `fold`: what clustering adds per article, all told */
  addsWithFold: number;
}

/** The story counters the bench reads and sets beside the store. */
export interface StoryCounters {
  /** hold clustering back: the stories watermark set to `value` */
  setWatermark(value: number): Promise<void>;
  /** the articles clustered when story_df last took the pending document frequencies */
  folded(): Promise<number>;
}

export interface StoredStoryFigures {
  /** articles stored (and clustered) before the measured ones */
  stored: number;
  database: string;
  /** one article per transaction, as a feed item is written */
  single: MarginalCost;
  /** fifty per transaction, as a folder batch is written */
  batched: MarginalCost;
}

/**
 * What story clustering adds to writing articles to a store holding `stored` ones. The measured articles are
 * written in alternation: with clustering held back (the watermark set one short, as in a store of an older
 * release; they are clustered right after, timed apart) and with clustering in the write transaction, as ingest does.
 * The difference of the two medians is the cost of clustering, with its reads, its writes and the extra pages the
 * commit writes, and without the transaction it shares with the articles (medians: a checkpoint or a collection
 * that lands on one write says nothing of clustering). The fold of the document frequencies, which lands on one
 * transaction in DF_FOLD_EVERY articles, is measured on that transaction and added spread over its articles. The
 * articles carry the story keys their analysis computed (the `features` figure of `benchStories`), as ingest hands
 * them to the store.
 */
export async function benchStoredStories(
  store: ArticleStore,
  database: string,
  texts: readonly string[],
  stored: number,
  counters: StoryCounters,
  measured = 1000,
): Promise<StoredStoryFigures> {
  const articles = texts.slice(0, measured * 2).flatMap((text, i) => {
    const firstBreak = text.indexOf('\n');
    const parsed = articleFromLines(`${text.slice(0, firstBreak).trim()} [story bench ${i}]`, text, firstBreak);
    // with the story keys the analysis hands the store, as ingest writes articles
    return [
      withStoryKeys({ ...analyzeArticleSync(parsed), publishedAt: new Date(Date.now() + i * 43_000).toISOString() }),
    ];
  });
  let file = 0;
  /** ms of the write transaction and, held back, of the one that clusters the batch; whether either folded */
  const write = async (
    batch: AnalyzedArticle[],
    hold: boolean,
  ): Promise<{ write: number; backlog: number; folded: number }> => {
    const foldedBefore = await counters.folded();
    const watermark = hold ? await store.maxSeq() : 0;
    if (hold) await counters.setWatermark(watermark - 1);
    const changes = batch.map((article) => {
      const name = `/bench/stories-${file++}`;
      return { record: { path: name, size: 1, mtimeMs: 1, hash: name }, articles: [article] };
    });
    const t0 = performance.now();
    await store.applyFiles(changes);
    const elapsed = performance.now() - t0;
    let backlog = 0;
    if (hold) {
      await counters.setWatermark(watermark);
      const t1 = performance.now();
      await store.clusterBacklog(batch.length);
      backlog = performance.now() - t1;
    }
    return { write: elapsed, backlog, folded: (await counters.folded()) - foldedBefore };
  };
  const marginal = async (batches: AnalyzedArticle[][]): Promise<MarginalCost> => {
    const held: number[] = [];
    const clustered: number[] = [];
    const backlogs: number[] = [];
    const folds: { ms: number; held: boolean; articles: number }[] = [];
    for (const [i, batch] of batches.entries()) {
      const hold = i % 2 === 0;
      const times = await write(batch, hold);
      if (hold) {
        held.push(times.write / batch.length);
        backlogs.push(times.backlog);
      } else clustered.push(times.write / batch.length);
      if (times.folded > 0) folds.push({ ms: hold ? times.backlog : times.write, held: hold, articles: times.folded });
    }
    const heldMedian = summarize(held).median;
    const clusteredMedian = summarize(clustered).median;
    const adds = round(clusteredMedian - heldMedian);
    // the fold's transaction beside the median one of its kind (every batch here is as large)
    const size = batches[0]?.length ?? 1;
    const backlogMedian = summarize(backlogs).median;
    let foldMs = 0;
    let foldArticles = 0;
    for (const fold of folds) {
      foldMs += Math.max(0, fold.ms - (fold.held ? backlogMedian : clusteredMedian * size));
      foldArticles += fold.articles;
    }
    const fold = foldArticles === 0 ? null : round(foldMs / foldArticles);
    return {
      held: heldMedian,
      clustered: clusteredMedian,
      adds,
      fold,
      addsWithFold: round(adds + (fold ?? 0)),
    };
  };
  const first = articles.slice(0, measured);
  const second = articles.slice(measured);
  const batches: AnalyzedArticle[][] = [];
  for (let i = 0; i < second.length; i += 50) batches.push(second.slice(i, i + 50));
  return {
    stored,
    database,
    single: await marginal(first.map((article) => [article])),
    batched: await marginal(batches),
  };
}

/** The header of `formatStoredStoryFigures` rows. */
export function storedStoryFiguresHeader(): string {
  return 'stored    database   one per transaction (held clustered adds fold all)     fifty per transaction (held clustered adds fold all)';
}

export function formatStoredStoryFigures(f: StoredStoryFigures): string {
  const fmt = (c: MarginalCost) =>
    [c.held, c.clustered, c.adds].map((v) => v.toFixed(3).padStart(9)).join(' ') +
    ` ${(c.fold === null ? '-' : c.fold.toFixed(3)).padStart(6)} ${c.addsWithFold.toFixed(3).padStart(6)}`;
  return `${String(f.stored).padEnd(9)} ${f.database.padEnd(9)} ${fmt(f.single)}            ${fmt(f.batched)}`;
}

/**
 * A store of `size` articles built quickly (each base text analysed once, copies under new titles and ids written
 * in batches of 100, clustered as they are written), then `benchStoredStories` on it. For
 * `npm run bench -- --stories-at 100000 [--postgres URL]`, which measures this alone.
 */
export async function benchStoredStoriesAt(
  texts: readonly string[],
  size: number,
  store: ArticleStore,
  database: string,
  counters: StoryCounters,
  measured = 1000,
): Promise<StoredStoryFigures & { ingestMsPerArticle: number }> {
  const analysed = texts.map((text) => {
    const firstBreak = text.indexOf('\n');
    return analyzeArticleSync(articleFromLines(text.slice(0, firstBreak).trim(), text, firstBreak));
  });
  const start = Date.now() - Math.round((size * 86_400_000) / PER_DAY);
  const t0 = performance.now();
  for (let i = 0; i < size; i += 100) {
    const batch = Array.from({ length: Math.min(100, size - i) }, (_, j) => {
      const n = i + j;
      const base = analysed[n % analysed.length]!;
      const round = Math.floor(n / analysed.length);
      return {
        ...base,
        id: `${base.id.slice(0, 16)}-${n}`,
        title: round === 0 ? base.title : `${base.title} (${round})`,
        publishedAt: new Date(start + Math.round((n * 86_400_000) / PER_DAY)).toISOString(),
      };
    });
    await store.applyFiles([{ record: { path: `/bench/s${i}`, size: 1, mtimeMs: 1, hash: `s${i}` }, articles: batch }]);
  }
  const ingestMsPerArticle = round((performance.now() - t0) / size);
  const figures = await benchStoredStories(store, database, texts, size, counters, measured);
  return { ...figures, ingestMsPerArticle };
}
