import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres } from '../../src/adapters/store/postgres/database.js';
import { PG_MIGRATIONS } from '../../src/adapters/store/postgres/migrations.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/article-store.js';
import { MIGRATIONS } from '../../src/adapters/store/sqlite/schema.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { ANALYSIS_VERSION } from '../../src/core/ingest/analysis-version.js';
import { articleId } from '../../src/core/ingest/analyze.js';
import { reanalyzeStore, startReanalysis } from '../../src/core/ingest/reanalyze.js';
import type { AnalyzedArticle, ArticleStore } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { fileRecord, replaceFile } from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

const ANALYSIS_STEP = 'analysis versions, organisations among speakers, role uses';
const ANALYSIS_SQLITE = MIGRATIONS.find((m) => m.name === ANALYSIS_STEP)!.version;
const ANALYSIS_PG = PG_MIGRATIONS.find((m) => m.name === ANALYSIS_STEP)!.version;

/**
 * A store written by the release before analysis versions (and stories): its analysis knew no organisations and no role ranking, so "the Home
 * Office said" went unattributed and the people carried no kind. The schema step that added analysis versions is
 * taken back out before the store is opened again, as the previous release left it.
 */
function previousReleaseArticles(): AnalyzedArticle[] {
  const visas = articleFromLines(
    'Visa rules unchanged',
    [
      'Home Secretary Joan Harper defended the visa rules on Monday.',
      '"The rules have not changed," the Home Office said.',
      '"We are reviewing every case," a Home Office spokesman said.',
    ].join('\n'),
  );
  const budget = articleFromLines(
    'Budget row',
    ['Joan Harper, the home secretary, met the chancellor.', '"We will not back down," Ms Harper said.'].join('\n'),
  );
  const old = (article: typeof visas, people: AnalyzedArticle['people'], quotes: AnalyzedArticle['quotes']) => ({
    ...article,
    id: articleId(article),
    summary: { standard: [article.paragraphs[0]!.text], short: article.title, method: 'extractive' },
    people,
    quotes,
  });
  return [
    old(
      visas,
      [{ name: 'Joan Harper', aliases: [], roles: ['Home Secretary'] }],
      [
        {
          text: 'The rules have not changed',
          kind: 'direct',
          speaker: null,
          speakerMention: null,
          cue: null,
          start: visas.paragraphs[1]!.start + 1,
          end: visas.paragraphs[1]!.start + 27,
          paragraphIndex: 1,
        },
      ],
    ),
    old(budget, [{ name: 'Joan Harper', aliases: ['Harper'], roles: [] }], []),
  ];
}

async function expectReanalysed(store: ArticleStore, articles: AnalyzedArticle[]): Promise<void> {
  const [visas] = articles;
  const before = await store.counts();
  const seq = await store.maxSeq();
  const ingestedAt = (await store.getArticle(visas!.id))?.ingestedAt;
  expect(await store.countStale(ANALYSIS_VERSION)).toBe(2);
  expect(await store.peopleByKey('home office')).toEqual([]);

  const logger = createTestLogger();
  const result = await reanalyzeStore({ store, logger, clock: new FixedClock(), batchSize: 1 });

  // both articles are put into stories too, after their analysis
  expect(result).toEqual({ reanalyzed: 2, clustered: 2, failed: 0, complete: true });
  expect(await store.countUnclustered()).toBe(0);
  expect(await store.countStale(ANALYSIS_VERSION)).toBe(0);
  expect(logger.text()).toContain('re-analysis finished');
  // the organisation now speaks, and is found as one
  expect(await store.peopleByKey('home office')).toMatchObject([{ name: 'Home Office', kind: 'organisation' }]);
  const stored = await store.getArticle(visas!.id);
  expect(stored?.quotes.filter((quote) => quote.kind !== 'reported').map((quote) => quote.speaker)).toEqual([
    'Home Office',
    'Home Office',
  ]);
  expect((await store.counts()).quotes).toBeGreaterThan(before.quotes);
  expect((await store.counts()).articles).toBe(before.articles);
  // Joan Harper is one person across both articles, her role given by both first
  const [harper] = await store.peopleByKey('joan harper');
  expect(harper).toMatchObject({ name: 'Joan Harper', kind: 'person', articleCount: 2 });
  const profile = await store.personProfile([harper!.personKey], { quoteLimit: 5, quoteOffset: 0, articleLimit: 5 });
  expect(profile.roles[0]?.toLowerCase()).toBe('home secretary');
  expect(profile.quotes.map((quote) => quote.text)).toEqual(['We will not back down']);
  // nothing arrived again: digests and alerts go by arrival
  expect(await store.maxSeq()).toBe(seq);
  expect(stored?.ingestedAt).toBe(ingestedAt);
  // a second run finds nothing to do
  expect(await reanalyzeStore({ store, logger, clock: new FixedClock() })).toEqual({
    reanalyzed: 0,
    clustered: 0,
    failed: 0,
    complete: true,
  });
}

describe('re-analysis of a SQLite store written by the previous release', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function previousReleaseStore() {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-reanalyze-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    const articles = previousReleaseArticles();
    const writer = openSqliteStore({ path, clock: new FixedClock() });
    await replaceFile(writer, fileRecord('old.txt'), articles);
    // the steps after it (the quote index and follows, stories) go too
    writer.db.exec(`DROP TABLE quote_fts; DROP TABLE follow_deliveries; DROP TABLE follows;
      DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
      DELETE FROM counters WHERE name LIKE 'stories%';
      DROP INDEX articles_by_analysis;
      ALTER TABLE articles DROP COLUMN analysis_version;
      ALTER TABLE persons DROP COLUMN kind;
      ALTER TABLE persons DROP COLUMN role_uses;`);
    writer.db.pragma(`user_version = ${ANALYSIS_SQLITE - 1}`);
    await writer.close();
    return { store: openSqliteStore({ path, clock: new FixedClock() }), articles };
  }

  it('gives every article the current analysis from its stored text, keeping arrival and counts right', async () => {
    const { store, articles } = await previousReleaseStore();
    try {
      await expectReanalysed(store, articles);
    } finally {
      await store.close();
    }
  });

  it('leaves the work to the process that holds its claim, and takes it over once that claim is stale', async () => {
    const { store } = await previousReleaseStore();
    try {
      const claims = createSqliteWorkClaims(store.db);
      const clock = new FixedClock();
      await claims.claim(`reanalyze:${ANALYSIS_VERSION}`, 'other:1', clock.now(), new Date(0));
      const blocked = startReanalysis({ store, logger: createTestLogger(), clock, claims, owner: 'me:2' });
      expect(await blocked.done).toEqual({ reanalyzed: 0, clustered: 0, failed: 0, complete: false });
      expect(await store.countStale(ANALYSIS_VERSION)).toBe(2);
      // ten minutes on, the other process has not renewed its claim
      clock.advance(10 * 60_000);
      const taken = startReanalysis({ store, logger: createTestLogger(), clock, claims, owner: 'me:2' });
      expect(await taken.done).toMatchObject({ reanalyzed: 2, complete: true });
      expect(await claims.holder?.(`reanalyze:${ANALYSIS_VERSION}`)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('stops between batches when the bot shuts down, and goes on at the next start', async () => {
    const { store } = await previousReleaseStore();
    try {
      const claims = createSqliteWorkClaims(store.db);
      const run = startReanalysis({
        store,
        logger: createTestLogger(),
        clock: new FixedClock(),
        claims,
        owner: 'me:1',
        batchSize: 1,
      });
      await run.stop();
      const first = await run.done;
      expect(first?.reanalyzed).toBeLessThan(2);
      const again = await reanalyzeStore({ store, logger: createTestLogger(), clock: new FixedClock() });
      expect((first?.reanalyzed ?? 0) + again.reanalyzed).toBe(2);
      expect(await store.countStale(ANALYSIS_VERSION)).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describePg('re-analysis of a PostgreSQL store written by the previous release', () => {
  it('gives every article the current analysis from its stored text, keeping arrival and counts right', async () => {
    const database = await createTestDatabase();
    const pool = createPgPool({ url: database.url, max: 2 });
    try {
      await migratePostgres(pool);
      const articles = previousReleaseArticles();
      await replaceFile(createPgArticleStore(pool, new FixedClock()), fileRecord('old.txt'), articles);
      // the steps after it (the quote index and follows, stories) go too
      await pool.query(`DROP TABLE quote_search, follow_deliveries, follows;
        DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
        DELETE FROM counters WHERE name LIKE 'stories%';
        DROP INDEX articles_by_analysis;
        ALTER TABLE articles DROP COLUMN analysis_version;
        ALTER TABLE persons DROP COLUMN kind, DROP COLUMN role_uses;
        DELETE FROM schema_migrations WHERE version >= ${ANALYSIS_PG}`);
      await migratePostgres(pool);
      await expectReanalysed(createPgArticleStore(pool, new FixedClock()), articles);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
