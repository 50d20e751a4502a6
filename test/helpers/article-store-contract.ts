import { describe, expect, it } from 'vitest';
import type { Person, Quote } from '../../src/core/articles/article.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { createNewsService } from '../../src/core/news.js';
import type { AnalyzedArticle, ArticleStore, FileChange, FileRecord } from '../../src/core/ports.js';
import type { FixedClock } from '../fakes/fixed-clock.js';

/** What a store factory gives each test: an empty store, the clock it reads, and how to dispose of it. */
export interface ContractStore {
  store: ArticleStore;
  clock: FixedClock;
  close(): Promise<void>;
}

/** An analysed article with a one-paragraph body mentioning its title; override any field. */
export function makeArticle(id: string, title: string, overrides: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  const body = `${title}. Body text about ${title.toLowerCase()}.`;
  return {
    id,
    title,
    url: `https://news.example/${id}`,
    source: 'Example News',
    author: null,
    publishedAt: null,
    publishedApprox: false,
    dateline: null,
    caption: null,
    highlights: [],
    paragraphs: [{ text: body, start: 0, end: body.length, kind: 'body' }],
    summary: { standard: [body], short: body, method: 'extractive' },
    people: [],
    quotes: [],
    ...overrides,
  };
}

export function makeQuote(
  text: string,
  speaker: string | null,
  kind: Quote['kind'] = 'direct',
  paragraphIndex = 0,
): Quote {
  return { text, kind, speaker, speakerMention: null, cue: 'said', start: 0, end: text.length, paragraphIndex };
}

export function fileRecord(path: string, hash = path): FileRecord {
  return { path, size: 1, mtimeMs: 1, hash };
}

/** Replace one file's articles, the way the file source does. */
export function replaceFile(store: ArticleStore, record: FileRecord, articles: AnalyzedArticle[]): Promise<void> {
  return store.applyFiles([{ record, articles }]);
}

/** One article's top quote, through the batch method the digests use. */
async function topQuote(store: ArticleStore, articleId: string) {
  return (await store.topQuotes([articleId])).get(articleId) ?? null;
}

const ruiz: Person = { name: 'Marta Ruiz', aliases: ['Ruiz', 'Minister Ruiz'], roles: ['Finance Minister'] };

/**
 * The behaviour every ArticleStore implementation shares. `open` gives an empty store for each test
 * (SQLite in memory, or PostgreSQL on a freshly emptied database).
 */
export function articleStoreContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name} (article store contract)`, () => {
    /** Run `test` on a fresh store and dispose of it whatever happens. */
    const withStore = (test: (opened: ContractStore) => Promise<void>) => async () => {
      const opened = await open();
      try {
        await test(opened);
      } finally {
        await opened.close();
      }
    };

    it(
      'lists newest first by publication time, with a working cursor',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('a.txt'), [
          makeArticle('a1', 'Old news', { publishedAt: '2025-01-01T00:00:00.000Z' }),
          makeArticle('a2', 'Newer news', { publishedAt: '2025-06-01T00:00:00.000Z' }),
          makeArticle('a3', 'Newest news', { publishedAt: '2025-12-01T00:00:00.000Z' }),
        ]);
        const first = await store.latest({ limit: 2 });
        expect(first.items.map((a) => a.id)).toEqual(['a3', 'a2']);
        expect(first.next).not.toBeNull();
        const second = await store.latest({ limit: 2, cursor: first.next ?? undefined });
        expect(second.items.map((a) => a.id)).toEqual(['a1']);
        expect(second.next).toBeNull();
      }),
    );

    it(
      'pages articles with the same time by id, and places undated articles at their arrival time',
      withStore(async ({ store, clock }) => {
        clock.set('2025-06-15T00:00:00.000Z');
        const same = '2025-06-01T00:00:00.000Z';
        await replaceFile(store, fileRecord('a.txt'), [
          makeArticle('b1', 'One', { publishedAt: same }),
          makeArticle('b3', 'Three', { publishedAt: same }),
          makeArticle('b2', 'Two', { publishedAt: same }),
          makeArticle('b4', 'Undated'),
          makeArticle('b5', 'Older', { publishedAt: '2025-06-10T00:00:00.000Z' }),
        ]);
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.latest({ limit: 2, cursor });
          ids.push(...page.items.map((a) => a.id));
          cursor = page.next ?? undefined;
        } while (cursor);
        expect(ids).toEqual(['b4', 'b5', 'b3', 'b2', 'b1']);
      }),
    );

    it(
      'refuses a cursor it did not make',
      withStore(async ({ store }) => {
        const error = await store.latest({ limit: 2, cursor: 'not-a-cursor' }).catch((e: unknown) => e);
        expect(isNewsdeskError(error) && error.code).toBe('BAD_INPUT');
      }),
    );

    it(
      'returns a stored article exactly as it was analysed, with its origins',
      withStore(async ({ store, clock }) => {
        const stored = makeArticle('f1', 'Full article', {
          author: 'A. Writer',
          publishedAt: '2025-03-01T08:30:00.000Z',
          publishedApprox: true,
          dateline: 'LISBON',
          caption: 'A photo (Agency)',
          highlights: ['First point', 'Second point'],
          paragraphs: [
            { text: 'HEADING', start: 0, end: 7, kind: 'heading' },
            { text: 'Ruiz spoke.', start: 8, end: 19, kind: 'body' },
          ],
          summary: { standard: ['Ruiz spoke.'], short: 'Ruiz spoke.', method: 'extractive' },
          people: [ruiz],
          quotes: [makeQuote('We will balance it', 'Marta Ruiz', 'direct', 1)],
        });
        await replaceFile(store, fileRecord('full.txt'), [stored]);
        const { id, ...rest } = stored;
        expect(await store.getArticle('f1')).toEqual({
          id,
          ...rest,
          origins: ['full.txt'],
          ingestedAt: clock.now().toISOString(),
        });
        expect(await store.getArticle('missing')).toBeNull();
      }),
    );

    it(
      "gives each quote its article's date and whether that date is approximate",
      withStore(async ({ store }) => {
        const approximate = makeArticle('d1', 'Budget talks resume', {
          publishedAt: '2025-03-01T08:30:00.000Z',
          publishedApprox: true,
          people: [ruiz],
          quotes: [makeQuote('We will balance it', 'Marta Ruiz', 'direct', 0)],
        });
        const exact = makeArticle('d2', 'Budget passes', {
          publishedAt: '2025-03-02T09:00:00.000Z',
          people: [ruiz],
          quotes: [makeQuote('It is balanced', 'Marta Ruiz', 'direct', 0)],
        });
        await replaceFile(store, fileRecord('dates.txt'), [approximate, exact]);
        const [match] = await store.peopleByKey('marta ruiz');
        const profile = await store.personProfile([match?.personKey ?? ''], {
          quoteLimit: 5,
          quoteOffset: 0,
          articleLimit: 5,
        });
        expect(profile.quotes.map((q) => [q.text, q.publishedAt, q.publishedApprox])).toEqual([
          ['It is balanced', '2025-03-02T09:00:00.000Z', false],
          ['We will balance it', '2025-03-01T08:30:00.000Z', true],
        ]);
        expect((await topQuote(store, 'd1'))?.publishedApprox).toBe(true);
      }),
    );

    it(
      'keeps an article found in two files until both are gone',
      withStore(async ({ store }) => {
        const shared = makeArticle('s1', 'Shared story');
        await replaceFile(store, fileRecord('one.txt'), [shared]);
        await replaceFile(store, fileRecord('two.json'), [shared]);
        expect((await store.counts()).articles).toBe(1);
        expect((await store.getArticle('s1'))?.origins).toEqual(['one.txt', 'two.json']);
        await store.removeFile('one.txt');
        expect((await store.getArticle('s1'))?.origins).toEqual(['two.json']);
        await store.removeFile('two.json');
        expect(await store.getArticle('s1')).toBeNull();
        expect((await store.search('shared', { limit: 5, offset: 0 })).total).toBe(0);
      }),
    );

    it(
      'shares one article between a file and a feed item, the feed URL as its origin',
      withStore(async ({ store }) => {
        const story = makeArticle('o1', 'Story in two places');
        await replaceFile(store, fileRecord('local.txt'), [story]);
        await replaceFile(store, fileRecord('https://feeds.example/rss#item-7'), [story]);
        expect((await store.getArticle('o1'))?.origins).toEqual(['https://feeds.example/rss#item-7', 'local.txt']);
        await store.removeFile('local.txt');
        expect((await store.counts()).articles).toBe(1);
      }),
    );

    it(
      'replaces the articles of an edited file and drops what the edit removed',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('f.txt', 'v1'), [
          makeArticle('x1', 'First version'),
          makeArticle('x2', 'Kept story'),
        ]);
        await replaceFile(store, fileRecord('f.txt', 'v2'), [
          makeArticle('x3', 'Second version'),
          makeArticle('x2', 'Kept story'),
        ]);
        const titles = (await store.latest({ limit: 10 })).items.map((a) => a.title);
        expect(titles.sort()).toEqual(['Kept story', 'Second version']);
        expect((await store.file('f.txt'))?.hash).toBe('v2');
        expect(await store.getArticle('x1')).toBeNull();
      }),
    );

    it(
      're-ingests an unchanged file without duplicating or renumbering anything',
      withStore(async ({ store, clock }) => {
        const articles = [
          makeArticle('i1', 'Idempotent one', { people: [ruiz], quotes: [makeQuote('Balanced', 'Marta Ruiz')] }),
          makeArticle('i2', 'Idempotent two'),
        ];
        await replaceFile(store, fileRecord('i.txt'), articles);
        const before = {
          counts: await store.counts(),
          seq: await store.maxSeq(),
          latest: await store.latest({ limit: 5 }),
        };
        clock.advance(60_000);
        await replaceFile(store, fileRecord('i.txt'), articles);
        await store.applyFiles([{ record: fileRecord('i.txt'), articles }]);
        expect(await store.counts()).toEqual(before.counts);
        expect(await store.maxSeq()).toBe(before.seq);
        expect(await store.latest({ limit: 5 })).toEqual(before.latest);
        expect(
          (await store.personProfile(['marta ruiz'], { quoteLimit: 10, quoteOffset: 0, articleLimit: 10 })).quoteTotal,
        ).toBe(1);
      }),
    );

    it(
      'records a touched file without reading its articles again',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('t.txt', 'h1'), [makeArticle('t1', 'Touched')]);
        const keys = await store.personKeys();
        await store.applyFiles([{ record: { path: 't.txt', size: 9, mtimeMs: 42.5, hash: 'h1' }, articles: null }]);
        expect(await store.file('t.txt')).toEqual({ path: 't.txt', size: 9, mtimeMs: 42.5, hash: 'h1' });
        expect((await store.files()).get('t.txt')?.mtimeMs).toBe(42.5);
        expect((await store.counts()).articles).toBe(1);
        expect(await store.personKeys()).toBe(keys);
      }),
    );

    it(
      'applies several files in one call as if one after another, a path listed twice included',
      withStore(async ({ store }) => {
        const changes: FileChange[] = [
          { record: fileRecord('m1.txt', 'a'), articles: [makeArticle('m1', 'Batch one')] },
          { record: fileRecord('m2.txt', 'a'), articles: [makeArticle('m2', 'Batch two')] },
          { record: fileRecord('m1.txt', 'b'), articles: [makeArticle('m3', 'Batch three')] },
          { record: { ...fileRecord('m2.txt', 'a'), mtimeMs: 7 }, articles: null },
        ];
        await store.applyFiles(changes);
        expect([...(await store.files()).keys()].sort()).toEqual(['m1.txt', 'm2.txt']);
        expect((await store.file('m1.txt'))?.hash).toBe('b');
        expect((await store.file('m2.txt'))?.mtimeMs).toBe(7);
        expect((await store.latest({ limit: 10 })).items.map((a) => a.id).sort()).toEqual(['m2', 'm3']);
        expect((await store.counts()).articles).toBe(2);
        await store.applyFiles([]);
      }),
    );

    it(
      'forgets a removed file, and removing an unknown file changes nothing',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('gone.txt'), [makeArticle('g1', 'Going away')]);
        await store.removeFile('never-seen.txt');
        expect((await store.counts()).articles).toBe(1);
        await store.removeFile('gone.txt');
        expect(await store.file('gone.txt')).toBeNull();
        expect((await store.files()).size).toBe(0);
        expect(await store.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
      }),
    );

    it(
      'numbers articles in arrival order and lists those after a watermark, oldest first',
      withStore(async ({ store }) => {
        expect(await store.maxSeq()).toBe(0);
        await replaceFile(store, fileRecord('s1.txt'), [makeArticle('n1', 'First arrival')]);
        const first = await store.maxSeq();
        await replaceFile(store, fileRecord('s2.txt'), [
          makeArticle('n2', 'Second arrival'),
          makeArticle('n3', 'Third'),
        ]);
        const last = await store.maxSeq();
        expect(last).toBeGreaterThan(first);
        const after = await store.articlesAfterSeq(first, last, 10);
        expect(after.map((a) => a.id)).toEqual(['n2', 'n3']);
        expect(after[0]?.seq).toBeGreaterThan(first);
        expect((await store.articlesAfterSeq(0, first, 10)).map((a) => a.id)).toEqual(['n1']);
        expect((await store.articlesAfterSeq(0, last, 2)).map((a) => a.id)).toEqual(['n1', 'n2']);
      }),
    );

    it(
      'finds people by full name, surname, alias and accent-free spelling, with their quotes',
      withStore(async ({ store }) => {
        const orban: Person = { name: 'Viktor Orbán', aliases: ['Orbán'], roles: ['Hungarian Prime Minister'] };
        await replaceFile(store, fileRecord('p.txt'), [
          makeArticle('p1', 'Budget talks', {
            publishedAt: '2025-03-01T00:00:00.000Z',
            people: [ruiz, orban],
            quotes: [
              makeQuote('The budget is balanced', 'Marta Ruiz'),
              makeQuote('growth will return', 'Marta Ruiz', 'reported'),
              makeQuote('Nobody said this', null),
            ],
          }),
        ]);
        const news = createNewsService({ store });
        for (const query of ['Marta Ruiz', 'ruiz', 'Minister Ruiz', 'RUIZ']) {
          const result = await news.who(query);
          expect(
            result.matches.map((m) => m.name),
            query,
          ).toEqual(['Marta Ruiz']);
        }
        const [found] = (await news.who('Ruiz')).matches;
        expect(found?.roles).toEqual(['Finance Minister']);
        expect(found?.quotes.map((q) => [q.kind, q.text])).toEqual([
          ['direct', 'The budget is balanced'],
          ['reported', 'growth will return'],
        ]);
        expect((await news.who('Orban')).matches[0]?.name).toBe('Viktor Orbán');
        expect((await news.who('orbán')).matches[0]?.name).toBe('Viktor Orbán');
      }),
    );

    it(
      "orders a person's quotes verbatim before reported, newest first within each, and pages them",
      withStore(async ({ store }) => {
        const dated = (id: string, publishedAt: string, quotes: Quote[]) =>
          makeArticle(id, `Story ${id}`, { publishedAt, people: [ruiz], quotes });
        await replaceFile(store, fileRecord('q.txt'), [
          dated('q1', '2025-01-01T00:00:00.000Z', [
            makeQuote('old direct', 'Marta Ruiz'),
            makeQuote('old reported', 'Marta Ruiz', 'reported'),
          ]),
          dated('q2', '2025-05-01T00:00:00.000Z', [
            makeQuote('new reported', 'Marta Ruiz', 'reported'),
            makeQuote('new partial', 'Marta Ruiz', 'partial'),
          ]),
          dated('q3', '2025-03-01T00:00:00.000Z', [makeQuote('middle direct', 'Marta Ruiz')]),
        ]);
        const page = { quoteLimit: 10, quoteOffset: 0, articleLimit: 2 };
        const profile = await store.personProfile(['marta ruiz'], page);
        expect(profile.quotes.map((q) => q.text)).toEqual([
          'middle direct',
          'old direct',
          'new partial',
          'new reported',
          'old reported',
        ]);
        expect(profile.quoteTotal).toBe(5);
        expect(profile.articleCount).toBe(3);
        expect(profile.articles.map((a) => a.id)).toEqual(['q2', 'q3']);
        expect(profile.quotes[0]).toMatchObject({ articleId: 'q3', articleTitle: 'Story q3', speaker: 'Marta Ruiz' });
        const second = await store.personProfile(['marta ruiz'], { ...page, quoteLimit: 2, quoteOffset: 2 });
        expect(second.quotes.map((q) => q.text)).toEqual(['new partial', 'new reported']);
      }),
    );

    it(
      'merges a surname-only person into the full name as one profile',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('k.txt'), [
          makeArticle('k1', 'Full name story', { people: [{ name: 'Marta Ruiz', aliases: [], roles: ['Minister'] }] }),
          makeArticle('k2', 'Surname story', {
            people: [{ name: 'Ruiz', aliases: [], roles: ['party leader'] }],
            quotes: [makeQuote('Said by surname', 'Ruiz')],
          }),
        ]);
        const profile = await store.personProfile(['marta ruiz', 'ruiz', 'nobody'], {
          quoteLimit: 10,
          quoteOffset: 0,
          articleLimit: 10,
        });
        expect(profile).toMatchObject({ name: 'Marta Ruiz', aliases: ['Ruiz'], articleCount: 2, quoteTotal: 1 });
        expect(profile.articles.map((a) => a.id).sort()).toEqual(['k1', 'k2']);
        expect(await store.personProfile(['nobody'], { quoteLimit: 1, quoteOffset: 0, articleLimit: 1 })).toEqual({
          name: '',
          kind: 'person',
          aliases: [],
          roles: [],
          articles: [],
          articleCount: 0,
          quotes: [],
          quoteTotal: 0,
        });
      }),
    );

    it(
      'shows one person named in several ways as one, with the quotes of every way',
      withStore(async ({ store }) => {
        const vortley = (id: string, name: string, quote: string) =>
          makeArticle(id, `Story ${id}`, {
            people: [{ name, aliases: [], roles: [] }],
            quotes: [makeQuote(quote, name)],
          });
        await replaceFile(store, fileRecord('v.txt'), [
          vortley('v1', 'Anselm Vortley', 'First words'),
          vortley('v2', 'Anselm J. Vortley', 'Second words'),
          vortley('v3', 'Vortley', 'Third words'),
          vortley('v4', 'Anselm Vortley', 'Fourth words'),
        ]);
        const found = await createNewsService({ store }).who('Vortley');
        expect(found.matches.map((m) => [m.name, m.quoteTotal])).toEqual([['Anselm Vortley', 4]]);
        // any way of writing the full name finds the whole person, the surname alone included
        for (const name of ['Anselm J. Vortley', 'Anselm Vortley']) {
          const full = await createNewsService({ store }).who(name);
          expect(full.matches.map((m) => [m.name, m.quoteTotal])).toEqual([['Anselm Vortley', 4]]);
        }
        // the roles of every way of writing the name, ranked as one person's: no variant listed twice
        await replaceFile(store, fileRecord('w.txt'), [
          makeArticle('w1', 'Story w1', { people: [{ name: 'Anselm Vortley', aliases: [], roles: ['Minister'] }] }),
          makeArticle('w2', 'Story w2', { people: [{ name: 'Anselm Vortley', aliases: [], roles: ['minister'] }] }),
          makeArticle('w3', 'Story w3', { people: [{ name: 'Vortley', aliases: [], roles: ['Finance Minister'] }] }),
        ]);
        expect((await createNewsService({ store }).who('Vortley')).matches[0]?.roles).toEqual(['Finance Minister']);
      }),
    );

    it(
      'suggests close names for a near miss and lists both people sharing a surname',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('p.txt'), [
          makeArticle('p1', 'Two Kims', {
            people: [
              { name: 'Kim Jong Un', aliases: [], roles: [] },
              { name: 'Marta Ruiz', aliases: ['Ruiz'], roles: [] },
              { name: 'Carlos Ruiz', aliases: ['Ruiz'], roles: [] },
            ],
          }),
        ]);
        const news = createNewsService({ store });
        expect((await news.who('Ruiz')).matches.map((m) => m.name).sort()).toEqual(['Carlos Ruiz', 'Marta Ruiz']);
        const miss = await news.who('Ruuiz');
        expect(miss.matches).toEqual([]);
        expect(miss.suggestions).toContain('Marta Ruiz');
        expect((await news.who('Zzyzx')).suggestions).toEqual([]);
      }),
    );

    it(
      'autocompletes people by prefix of any name part, most quoted first',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('p.txt'), [
          makeArticle('p1', 'Quotes', {
            people: [ruiz, { name: 'Rustem Umerov', aliases: ['Umerov'], roles: [] }],
            quotes: [makeQuote('We agreed', 'Rustem Umerov'), makeQuote('Again', 'Rustem Umerov')],
          }),
        ]);
        const news = createNewsService({ store });
        expect((await news.people('ru')).map((p) => p.name)).toEqual(['Rustem Umerov', 'Marta Ruiz']);
        expect((await news.people('umer'))[0]).toMatchObject({ name: 'Rustem Umerov', quoteCount: 2, articleCount: 1 });
        expect((await news.people('')).length).toBe(2);
        expect(await store.peopleByPrefix('zz', 5)).toEqual([]);
      }),
    );

    it(
      'keeps article, people and quote totals right through inserts and deletions',
      withStore(async ({ store }) => {
        const withQuotes = (id: string) =>
          makeArticle(id, `Story ${id}`, {
            people: [ruiz],
            quotes: [makeQuote('The budget is balanced', 'Marta Ruiz'), makeQuote('unattributed words', null)],
          });
        await replaceFile(store, fileRecord('a.txt'), [withQuotes('c1'), withQuotes('c2')]);
        expect(await store.counts()).toEqual({ articles: 2, people: 1, quotes: 2 });
        await store.removeFile('a.txt');
        expect(await store.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
        expect((await createNewsService({ store }).who('Ruiz')).matches).toEqual([]);
        expect(await store.personKeys()).toEqual([]);
      }),
    );

    it(
      'rebuilds a person from the articles that remain when one is deleted',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('one.txt'), [
          makeArticle('r1', 'First', {
            people: [{ name: 'Marta Ruiz', aliases: ['Minister Ruiz'], roles: ['Finance Minister'] }],
          }),
        ]);
        await replaceFile(store, fileRecord('two.txt'), [
          makeArticle('r2', 'Second', { people: [{ name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['party leader'] }] }),
        ]);
        const news = createNewsService({ store });
        expect((await news.who('Minister Ruiz')).matches[0]?.roles).toEqual(['Finance Minister', 'party leader']);
        await store.removeFile('one.txt');
        const [found] = (await news.who('Marta Ruiz')).matches;
        expect(found).toMatchObject({
          name: 'Marta Ruiz',
          roles: ['party leader'],
          aliases: ['Ruiz'],
          articleCount: 1,
        });
        expect(await store.peopleByKey('minister ruiz')).toEqual([]);
        expect(await store.nameKeysOf('r2')).toEqual(expect.arrayContaining(['marta ruiz', 'ruiz']));
        expect(await store.nameKeysOf('r1')).toEqual([]);
      }),
    );

    it(
      'returns the same name key list until the store changes',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('a.txt'), [makeArticle('v1', 'One', { people: [ruiz] })]);
        const first = await store.personKeys();
        expect([...first].sort()).toEqual(['marta ruiz', 'minister ruiz', 'ruiz']);
        expect(await store.personKeys()).toBe(first);
        await replaceFile(store, fileRecord('b.txt'), [
          makeArticle('v2', 'Two', { people: [{ name: 'Rustem Umerov', aliases: [], roles: [] }] }),
        ]);
        const second = await store.personKeys();
        expect(second).not.toBe(first);
        expect(second).toEqual(expect.arrayContaining(['rustem umerov', 'umerov', 'ruiz']));
      }),
    );

    it(
      'searches full text without letting user input inject query syntax',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('s.txt'), [
          makeArticle('q1', 'Ukraine peace talks in Florida'),
          makeArticle('q2', 'Energy prices'),
        ]);
        const ids = async (text: string) =>
          (await store.search(text, { limit: 5, offset: 0 })).hits.map((h) => h.article.id);
        expect(await ids('ukraine talks')).toEqual(['q1']);
        expect(await ids('ukr')).toEqual(['q1']);
        expect(await ids('UKRAINE, Florida!')).toEqual(['q1']);
        for (const hostile of ['"unbalanced OR NEAR(', "'; DROP TABLE articles; --", 'a & !b | c:*', '!!!', '']) {
          expect((await store.search(hostile, { limit: 5, offset: 0 })).total, hostile).toBe(0);
        }
        expect((await store.counts()).articles).toBe(2);
      }),
    );

    it(
      'matches searches regardless of accents and case, with a snippet around the match',
      withStore(async ({ store }) => {
        const text = `${'Filler before the match. '.repeat(12)}Viktor Orbán met the mayor of Pécs on Monday. ${'Filler after. '.repeat(12)}`;
        await replaceFile(store, fileRecord('a.txt'), [
          makeArticle('h1', 'Regional visit', { paragraphs: [{ text, start: 0, end: text.length, kind: 'body' }] }),
        ]);
        for (const query of ['orban', 'ORBÁN', 'pecs mayor']) {
          const result = await store.search(query, { limit: 5, offset: 0 });
          expect(
            result.hits.map((h) => h.article.id),
            query,
          ).toEqual(['h1']);
          expect(result.hits[0]?.snippet).toContain('Viktor Orbán met the mayor');
        }
      }),
    );

    it(
      'ranks a title match above a body-only match, and highlights are searchable',
      withStore(async ({ store }) => {
        const bodyOnly = 'The committee discussed many things, including a tariff review, at length.';
        await replaceFile(store, fileRecord('r.txt'), [
          makeArticle('t1', 'Committee meeting', {
            paragraphs: [{ text: bodyOnly, start: 0, end: bodyOnly.length, kind: 'body' }],
          }),
          makeArticle('t2', 'Tariff review announced', { publishedAt: '2020-01-01T00:00:00.000Z' }),
          makeArticle('t3', 'Fisheries', { highlights: ['Quota dispute with neighbours'] }),
        ]);
        const result = await store.search('tariff', { limit: 5, offset: 0 });
        expect(result.hits.map((h) => h.article.id)).toEqual(['t2', 't1']);
        expect(result).toMatchObject({ total: 2, ranked: 2 });
        expect((await store.search('quota', { limit: 5, offset: 0 })).hits.map((h) => h.article.id)).toEqual(['t3']);
        const paged = await store.search('tariff', { limit: 1, offset: 1 });
        expect(paged.hits.map((h) => h.article.id)).toEqual(['t1']);
        expect(paged.total).toBe(2);
      }),
    );

    it(
      'ranks only the newest 200 matches and stops counting at 1000',
      withStore(async ({ store }) => {
        const many = Array.from({ length: 1005 }, (_, i) =>
          makeArticle(`w${String(i).padStart(4, '0')}`, `Weather report ${i}`),
        );
        await store.applyFiles([{ record: fileRecord('many.txt'), articles: many }]);
        const result = await store.search('weather', { limit: 3, offset: 0 });
        expect(result.total).toBe(1000);
        expect(result.ranked).toBe(200);
        const newest = new Set(many.slice(-200).map((a) => a.id));
        const all = await store.search('weather', { limit: 200, offset: 0 });
        expect(all.hits.every((h) => newest.has(h.article.id))).toBe(true);
        expect((await store.search('weather', { limit: 5, offset: 200 })).hits).toEqual([]);
      }),
    );

    it(
      'finds articles by id prefix or by all the words of their title',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('f.txt'), [
          makeArticle('a81465b85111eb58', 'Ceasefire talks resume in Geneva'),
          makeArticle('b7f0c2d9e1aa0001', 'Geneva motor show opens', { publishedAt: '2025-01-01T00:00:00.000Z' }),
        ]);
        expect((await store.findArticles('A81465', 5)).map((a) => a.id)).toEqual(['a81465b85111eb58']);
        expect((await store.findArticles('ceasefire geneva', 5)).map((a) => a.id)).toEqual(['a81465b85111eb58']);
        expect((await store.findArticles('geneva', 5)).map((a) => a.id).sort()).toEqual([
          'a81465b85111eb58',
          'b7f0c2d9e1aa0001',
        ]);
        // body words do not make a title match
        expect(await store.findArticles('body text', 5)).toEqual([]);
        expect(await store.findArticles('%', 5)).toEqual([]);
      }),
    );

    it(
      "picks an article's most newsworthy attributed direct quote",
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('t.txt'), [
          makeArticle('tq', 'Quotes of varying weight', {
            people: [ruiz],
            quotes: [
              makeQuote('Short one', 'Marta Ruiz'),
              makeQuote('We will not raise taxes on working families this year', 'Marta Ruiz', 'direct', 3),
              makeQuote('An unattributed but long direct quote with many words in it', null),
              makeQuote('taxes will fall for everyone next year as planned', 'Marta Ruiz', 'reported'),
            ],
          }),
          makeArticle('none', 'No quotes'),
        ]);
        expect(await topQuote(store, 'tq')).toMatchObject({
          text: 'We will not raise taxes on working families this year',
          kind: 'direct',
          speaker: 'Marta Ruiz',
          articleId: 'tq',
        });
        expect(await topQuote(store, 'none')).toBeNull();
      }),
    );

    it(
      'gives the top quotes of several articles at once, none for an article without one',
      withStore(async ({ store }) => {
        const quoted = (id: string, text: string) =>
          makeArticle(id, `Story ${id}`, { people: [ruiz], quotes: [makeQuote(text, 'Marta Ruiz')] });
        await replaceFile(store, fileRecord('m.txt'), [
          quoted('m1', 'The first story has this to say about the budget'),
          quoted('m2', 'The second story says something else about it'),
          makeArticle('m3', 'No quotes here'),
        ]);
        const quotes = await store.topQuotes(['m1', 'm2', 'm3', 'missing']);
        expect([...quotes.keys()].sort()).toEqual(['m1', 'm2']);
        expect(quotes.get('m2')).toMatchObject({
          articleId: 'm2',
          text: 'The second story says something else about it',
        });
        expect(await store.topQuotes([])).toEqual(new Map());
      }),
    );

    it(
      'breaks a tie between equally newsworthy quotes by their place in the article',
      withStore(async ({ store }) => {
        const quotes = ['second', 'first', 'third'].map((word) =>
          makeQuote(`The ${word} of three quotes of equal weight here`, 'Marta Ruiz'),
        );
        await replaceFile(store, fileRecord('t.txt'), [
          makeArticle('tie', 'Three equal quotes', { people: [ruiz], quotes }),
        ]);
        expect((await topQuote(store, 'tie'))?.text).toBe('The second of three quotes of equal weight here');
      }),
    );

    it(
      'returns articles that arrived after a time, oldest first',
      withStore(async ({ store, clock }) => {
        clock.set('2025-12-01T00:00:00Z');
        await replaceFile(store, fileRecord('a.txt'), [makeArticle('d1', 'Early')]);
        clock.set('2025-12-02T00:00:00Z');
        await replaceFile(store, fileRecord('b.txt'), [makeArticle('d2', 'Late')]);
        expect((await store.articlesSince(new Date('2025-12-01T12:00:00Z'), 10)).map((a) => a.id)).toEqual(['d2']);
        expect((await store.articlesSince(new Date('2025-11-01T00:00:00Z'), 10)).map((a) => a.id)).toEqual([
          'd1',
          'd2',
        ]);
        expect((await store.getArticle('d2'))?.ingestedAt).toBe('2025-12-02T00:00:00.000Z');
      }),
    );

    it(
      'finds quotes by their words or their paragraph’s, by speaker, newest arrival first, and keeps the index in step with re-analysis and removal',
      withStore(async ({ store }) => {
        const vance: Person = { name: 'Luis Vance', aliases: [], roles: [] };
        const paragraphs = [
          {
            text: 'Ruiz spoke about tariffs on steel. "It will hurt farmers," she said.',
            start: 0,
            end: 70,
            kind: 'body',
          },
          { text: 'Vance on the harbour: "The ferries run on time."', start: 71, end: 120, kind: 'body' },
        ] as AnalyzedArticle['paragraphs'];
        await replaceFile(store, fileRecord('q1.txt'), [
          makeArticle('q1', 'Tariffs', {
            paragraphs,
            people: [ruiz, vance],
            quotes: [
              makeQuote('It will hurt farmers', 'Marta Ruiz', 'direct', 0),
              makeQuote('The ferries run on time.', 'Luis Vance', 'direct', 1),
              makeQuote('Unattributed tariffs talk', null),
            ],
          }),
        ]);
        await replaceFile(store, fileRecord('q2.txt'), [
          makeArticle('q2', 'More tariffs', {
            people: [ruiz],
            quotes: [makeQuote('Tariffs are a tax on families', 'Marta Ruiz')],
          }),
        ]);
        // the paragraph's words find a quote whose own words do not match; unattributed quotes are not indexed
        const all = await store.searchQuotes('tariffs', { limit: 10, offset: 0 });
        expect(all.quotes.map((q) => q.text)).toEqual(['Tariffs are a tax on families', 'It will hurt farmers']);
        expect(all.total).toBe(2);
        const byRuiz = await store.searchQuotes('ferries', { personKeys: ['marta ruiz'], limit: 10, offset: 0 });
        expect(byRuiz.quotes).toEqual([]);
        const byVance = await store.searchQuotes('ferri', { personKeys: ['luis vance'], limit: 10, offset: 0 });
        expect(byVance.quotes.map((q) => [q.speaker, q.articleId])).toEqual([['Luis Vance', 'q1']]);
        expect((await store.searchQuotes('tariffs', { limit: 1, offset: 1 })).quotes.map((q) => q.articleId)).toEqual([
          'q1',
        ]);
        // re-analysis replaces the article's quotes in the index, and its place in arrival order stays
        await store.replaceAnalyses([
          makeArticle('q1', 'Tariffs', {
            paragraphs,
            people: [ruiz],
            quotes: [makeQuote('Steel tariffs hurt', 'Marta Ruiz')],
          }),
        ]);
        expect((await store.searchQuotes('tariffs', { limit: 10, offset: 0 })).quotes.map((q) => q.text)).toEqual([
          'Tariffs are a tax on families',
          'Steel tariffs hurt',
        ]);
        expect((await store.searchQuotes('ferries', { limit: 10, offset: 0 })).total).toBe(0);
        await store.removeFile('q2.txt');
        expect((await store.searchQuotes('tariffs', { limit: 10, offset: 0 })).quotes.map((q) => q.articleId)).toEqual([
          'q1',
        ]);
      }),
    );

    it(
      'tells which articles after a watermark a search finds',
      withStore(async ({ store }) => {
        await replaceFile(store, fileRecord('m.txt'), [
          makeArticle('m1', 'Harbour budget approved'),
          makeArticle('m2', 'Football results'),
          makeArticle('m3', 'Harbour ferries delayed'),
        ]);
        expect(await store.matchingSeqs('harbour', 0, 3, 10)).toEqual([1, 3]);
        expect(await store.matchingSeqs('harbour', 1, 3, 10)).toEqual([3]);
        expect(await store.matchingSeqs('harbour', 0, 2, 10)).toEqual([1]);
      }),
    );
  });
}
