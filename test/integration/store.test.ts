import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person, Quote } from '../../src/core/articles/article.js';
import { createNewsService } from '../../src/core/news.js';
import type { AnalyzedArticle } from '../../src/core/ports.js';
import { ftsQuery, openSqliteStore, type SqliteArticleStore, snippetOf } from '../../src/core/store/sqlite-store.js';
import { FixedClock } from '../fakes/fixed-clock.js';

function article(id: string, title: string, overrides: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
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

function quote(text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return { text, kind, speaker, speakerMention: null, cue: 'said', start: 0, end: text.length, paragraphIndex: 0 };
}

const rubio: Person = { name: 'Marta Ruiz', aliases: ['Ruiz', 'Minister Ruiz'], roles: ['Finance Minister'] };
const file = (path: string, hash = path) => ({ path, size: 1, mtimeMs: 1, hash });

let store: SqliteArticleStore;
afterEach(() => store?.close());

describe('SqliteArticleStore', () => {
  it('lists newest first by publication time, with a working cursor', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('a.txt'), [
      article('a1', 'Old news', { publishedAt: '2025-01-01T00:00:00.000Z' }),
      article('a2', 'Newer news', { publishedAt: '2025-06-01T00:00:00.000Z' }),
      article('a3', 'Newest news', { publishedAt: '2025-12-01T00:00:00.000Z' }),
    ]);
    const first = store.latest({ limit: 2 });
    expect(first.items.map((a) => a.id)).toEqual(['a3', 'a2']);
    expect(first.next).not.toBeNull();
    const second = store.latest({ limit: 2, cursor: first.next ?? undefined });
    expect(second.items.map((a) => a.id)).toEqual(['a1']);
    expect(second.next).toBeNull();
  });

  it('keeps an article found in two files until both are gone', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    const shared = article('s1', 'Shared story');
    store.replaceFile(file('one.txt'), [shared]);
    store.replaceFile(file('two.json'), [shared]);
    expect(store.counts().articles).toBe(1);
    expect(store.getArticle('s1')?.origins).toEqual(['one.txt', 'two.json']);
    store.removeFile('one.txt');
    expect(store.getArticle('s1')?.origins).toEqual(['two.json']);
    store.removeFile('two.json');
    expect(store.getArticle('s1')).toBeNull();
    expect(store.search('shared', { limit: 5, offset: 0 }).total).toBe(0);
  });

  it('replaces the articles of an edited file and drops what the edit removed', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('f.txt', 'v1'), [article('x1', 'First version'), article('x2', 'Kept story')]);
    store.replaceFile(file('f.txt', 'v2'), [article('x3', 'Second version'), article('x2', 'Kept story')]);
    expect(
      store
        .latest({ limit: 10 })
        .items.map((a) => a.title)
        .sort(),
    ).toEqual(['Kept story', 'Second version']);
    expect(store.file('f.txt')?.hash).toBe('v2');
  });

  it('finds people by full name, surname, alias and accent-free spelling, with their quotes', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    const orban: Person = { name: 'Viktor Orbán', aliases: ['Orbán'], roles: ['Hungarian Prime Minister'] };
    store.replaceFile(file('p.txt'), [
      article('p1', 'Budget talks', {
        publishedAt: '2025-03-01T00:00:00.000Z',
        people: [rubio, orban],
        quotes: [
          quote('The budget is balanced', 'Marta Ruiz'),
          quote('growth will return', 'Marta Ruiz', 'reported'),
          quote('Nobody said this', null),
        ],
      }),
    ]);
    const news = createNewsService({ store });
    for (const query of ['Marta Ruiz', 'ruiz', 'Minister Ruiz', 'RUIZ']) {
      const result = news.who(query);
      expect(
        result.matches.map((m) => m.name),
        query,
      ).toEqual(['Marta Ruiz']);
    }
    const [ruiz] = news.who('Ruiz').matches;
    expect(ruiz?.roles).toEqual(['Finance Minister']);
    expect(ruiz?.quotes.map((q) => [q.kind, q.text])).toEqual([
      ['direct', 'The budget is balanced'],
      ['reported', 'growth will return'],
    ]);
    expect(news.who('Orban').matches[0]?.name).toBe('Viktor Orbán');
    expect(news.who('orbán').matches[0]?.name).toBe('Viktor Orbán');
  });

  it('suggests close names for a near miss and lists both people sharing a surname', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('p.txt'), [
      article('p1', 'Two Kims', {
        people: [
          { name: 'Kim Jong Un', aliases: [], roles: [] },
          { name: 'Marta Ruiz', aliases: ['Ruiz'], roles: [] },
          { name: 'Carlos Ruiz', aliases: ['Ruiz'], roles: [] },
        ],
      }),
    ]);
    const news = createNewsService({ store });
    expect(
      news
        .who('Ruiz')
        .matches.map((m) => m.name)
        .sort(),
    ).toEqual(['Carlos Ruiz', 'Marta Ruiz']);
    const miss = news.who('Ruuiz');
    expect(miss.matches).toEqual([]);
    expect(miss.suggestions).toContain('Marta Ruiz');
    expect(news.who('Zzyzx').suggestions).toEqual([]);
  });

  it('autocompletes people by prefix of any name part, most quoted first', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('p.txt'), [
      article('p1', 'Quotes', {
        people: [rubio, { name: 'Rustem Umerov', aliases: ['Umerov'], roles: [] }],
        quotes: [quote('We agreed', 'Rustem Umerov'), quote('Again', 'Rustem Umerov')],
      }),
    ]);
    const news = createNewsService({ store });
    expect(news.people('ru').map((p) => p.name)).toEqual(['Rustem Umerov', 'Marta Ruiz']);
    expect(news.people('umer')[0]).toMatchObject({ name: 'Rustem Umerov', quoteCount: 2, articleCount: 1 });
    expect(news.people('').length).toBe(2);
  });

  it('keeps article, people and quote totals right through inserts and deletions', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    const withQuotes = (id: string) =>
      article(id, `Story ${id}`, {
        people: [rubio],
        quotes: [quote('The budget is balanced', 'Marta Ruiz'), quote('unattributed words', null)],
      });
    store.replaceFile(file('a.txt'), [withQuotes('c1'), withQuotes('c2')]);
    expect(store.counts()).toEqual({ articles: 2, people: 1, quotes: 2 });
    store.removeFile('a.txt');
    expect(store.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
    expect(createNewsService({ store }).who('Ruiz').matches).toEqual([]);
    expect(store.personKeys()).toEqual([]);
  });

  it('rebuilds a person from the articles that remain when one is deleted', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('one.txt'), [
      article('r1', 'First', {
        people: [{ name: 'Marta Ruiz', aliases: ['Minister Ruiz'], roles: ['Finance Minister'] }],
      }),
    ]);
    store.replaceFile(file('two.txt'), [
      article('r2', 'Second', { people: [{ name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['party leader'] }] }),
    ]);
    const news = createNewsService({ store });
    expect(news.who('Minister Ruiz').matches[0]?.roles).toEqual(['Finance Minister', 'party leader']);
    store.removeFile('one.txt');
    const [ruiz] = news.who('Marta Ruiz').matches;
    expect(ruiz).toMatchObject({ name: 'Marta Ruiz', roles: ['party leader'], aliases: ['Ruiz'], articleCount: 1 });
    expect(store.peopleByKey('minister ruiz')).toEqual([]);
    expect(store.nameKeysOf('r2')).toEqual(expect.arrayContaining(['marta ruiz', 'ruiz']));
  });

  it('searches full text without letting user input inject FTS syntax', () => {
    store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
    store.replaceFile(file('s.txt'), [article('q1', 'Ukraine peace talks in Florida'), article('q2', 'Energy prices')]);
    expect(store.search('ukraine talks', { limit: 5, offset: 0 }).hits.map((h) => h.article.id)).toEqual(['q1']);
    expect(store.search('"unbalanced OR NEAR(', { limit: 5, offset: 0 }).total).toBe(0);
    expect(ftsQuery('a "b')).toBe('"a" AND "b"*');
    expect(ftsQuery('Orbán')).toBe('"Orbán"*');
    expect(ftsQuery('!!!')).toBeNull();
  });

  it('persists across reopening and re-migrates nothing', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-store-')), 'n.db');
    store = openSqliteStore({ path, clock: new FixedClock() });
    store.replaceFile(file('a.txt'), [article('k1', 'Kept after restart')]);
    store.close();
    store = openSqliteStore({ path, clock: new FixedClock() });
    expect(store.getArticle('k1')?.title).toBe('Kept after restart');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('returns articles that arrived after a time, oldest first', () => {
    const clock = new FixedClock('2025-12-01T00:00:00Z');
    store = openSqliteStore({ path: ':memory:', clock });
    store.replaceFile(file('a.txt'), [article('d1', 'Early')]);
    clock.set('2025-12-02T00:00:00Z');
    store.replaceFile(file('b.txt'), [article('d2', 'Late')]);
    expect(store.articlesSince(new Date('2025-12-01T12:00:00Z'), 10).map((a) => a.id)).toEqual(['d2']);
    expect(store.articlesSince(new Date('2025-11-01T00:00:00Z'), 10).map((a) => a.id)).toEqual(['d1', 'd2']);
  });
});

describe('snippetOf', () => {
  const paragraphs = [
    { text: 'Opening paragraph about the weather in the valley.', kind: 'body' },
    {
      text: `${'Filler words before the match. '.repeat(12)}Viktor Orbán met the mayor on Monday. ${'More filler after it. '.repeat(12)}`,
      kind: 'body',
    },
  ];

  it('shows the passage around the first searched word, cut at words', () => {
    const snippet = snippetOf(paragraphs, ['orban']);
    expect(snippet).toContain('Viktor Orbán met the mayor');
    expect(snippet.length).toBeLessThanOrEqual(202);
    expect(snippet.startsWith('…')).toBe(true);
  });

  it('falls back to the opening of the article when no word is found', () => {
    expect(snippetOf(paragraphs, ['zebra'])).toBe('Opening paragraph about the weather in the valley.');
  });
});
