import { describe, expect, it } from 'vitest';
import {
  addRoleUses,
  nameKeysOfPeople,
  type PersonRecord,
  personKeysOf,
  planArticleWrites,
  planPersonRebuild,
  rankRoleUses,
} from '../../src/core/store/article-writes.js';
import { pickName } from '../../src/core/store/store-common.js';
import { makeArticle, makeQuote } from '../helpers/article-store-contract.js';

const ruiz = { name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['Finance Minister'] };
const INGESTED = '2026-01-02T00:00:00.000Z';

describe('planArticleWrites', () => {
  it('folds a new article into a stored person: counts add up, roles and aliases merge, the fuller name wins', () => {
    const stored: PersonRecord = {
      person_key: 'marta ruiz',
      name: 'Marta Ruiz',
      kind: 'person',
      roles: ['Minister'],
      role_uses: [{ text: 'Minister', weight: 1, last: INGESTED }],
      aliases: ['Minister Ruiz'],
      article_count: 3,
      quote_count: 2,
      reported_count: 1,
    };
    const article = makeArticle('a1', 'Budget day', {
      people: [ruiz],
      quotes: [
        makeQuote('We will balance the budget', 'Marta Ruiz'),
        makeQuote('taxes would fall', 'Marta Ruiz', 'reported'),
      ],
    });
    const writes = planArticleWrites([article], new Map([['marta ruiz', stored]]), INGESTED);
    expect(writes.persons).toEqual([
      {
        person_key: 'marta ruiz',
        name: 'Marta Ruiz',
        kind: 'person',
        // the specific role absorbs the generic one it ends with
        roles: ['Finance Minister'],
        role_uses: [
          { text: 'Minister', weight: 1, last: INGESTED },
          { text: 'Finance Minister', weight: 1, last: INGESTED },
        ],
        aliases: ['Minister Ruiz', 'Ruiz'],
        article_count: 4,
        quote_count: 3,
        reported_count: 2,
      },
    ]);
    expect(writes.delta).toEqual({ articles: 1, quotes: 2, people: 0 });
  });

  it('counts a new person once per article and each article once, in the order given', () => {
    const articles = ['a1', 'a2'].map((id) =>
      makeArticle(id, `Story ${id}`, { people: [ruiz, { ...ruiz }], publishedAt: '2025-05-05T00:00:00.000Z' }),
    );
    const writes = planArticleWrites(articles, new Map(), INGESTED);
    expect(writes.articles.map((article) => article.row.id)).toEqual(['a1', 'a2']);
    expect(writes.persons).toMatchObject([{ person_key: 'marta ruiz', article_count: 2 }]);
    expect(writes.mentions).toEqual([
      { person_key: 'marta ruiz', article_id: 'a1', sort_key: '2025-05-05T00:00:00.000Z' },
      { person_key: 'marta ruiz', article_id: 'a2', sort_key: '2025-05-05T00:00:00.000Z' },
    ]);
    expect(writes.delta).toEqual({ articles: 2, quotes: 0, people: 1 });
  });

  it("links each quote to its speaker's key, orders by kind and sorts an undated article by its arrival", () => {
    const article = makeArticle('a1', 'Quotes', {
      people: [ruiz],
      quotes: [
        makeQuote('an unattributed remark of some length', null),
        makeQuote('taxes fall', 'Marta Ruiz', 'partial'),
      ],
    });
    const writes = planArticleWrites([article], new Map(), INGESTED);
    expect(writes.quotes).toMatchObject([
      { position: 0, person_key: null, speaker: null, kind: 'direct', kind_rank: 0, sort_key: INGESTED },
      { position: 1, person_key: 'marta ruiz', speaker: 'Marta Ruiz', kind: 'partial', kind_rank: 1 },
    ]);
    expect(writes.articles[0]?.row).toMatchObject({
      sort_key: INGESTED,
      ingested_at: INGESTED,
      published_approx: false,
    });
    expect(writes.delta.quotes).toBe(1);
  });

  it('gives every name a person can be looked up by, once', () => {
    const writes = planArticleWrites([makeArticle('a1', 'Names', { people: [ruiz] })], new Map(), INGESTED);
    expect(writes.nameKeys).toEqual([
      { name_key: 'marta ruiz', person_key: 'marta ruiz' },
      { name_key: 'ruiz', person_key: 'marta ruiz' },
    ]);
    expect(personKeysOf([makeArticle('a1', 'Names', { people: [ruiz, ruiz] })])).toEqual(['marta ruiz']);
    expect(nameKeysOfPeople([ruiz])).toEqual(['marta ruiz', 'ruiz']);
  });
});

describe('planPersonRebuild', () => {
  it('rebuilds a person from the articles that still mention them and forgets one no article mentions', () => {
    const other = { name: 'Jan Novak', aliases: [], roles: [] };
    const rebuild = planPersonRebuild(
      ['marta ruiz', 'jan novak'],
      [
        { person_key: 'marta ruiz', people: [other, { ...ruiz, roles: ['Minister'] }], sort_key: INGESTED },
        { person_key: 'marta ruiz', people: [ruiz], sort_key: INGESTED },
      ],
      new Map([['marta ruiz', { quotes: 4, reported: 1 }]]),
    );
    expect(rebuild.persons).toEqual([
      {
        person_key: 'marta ruiz',
        name: 'Marta Ruiz',
        kind: 'person',
        roles: ['Finance Minister'],
        role_uses: [
          { text: 'Minister', weight: 1, last: INGESTED },
          { text: 'Finance Minister', weight: 1, last: INGESTED },
        ],
        aliases: ['Ruiz'],
        article_count: 2,
        quote_count: 4,
        reported_count: 1,
      },
    ]);
    expect(rebuild.forgotten).toEqual(['jan novak']);
    expect(rebuild.nameKeys).toEqual([
      { name_key: 'marta ruiz', person_key: 'marta ruiz' },
      { name_key: 'ruiz', person_key: 'marta ruiz' },
    ]);
  });
});

describe('roles across the store', () => {
  it('puts the most used role first, and the role held now ahead of one held long ago', () => {
    let uses = addRoleUses([], ['Education Secretary'], '2020-01-01T00:00:00.000Z');
    for (const month of ['02', '03', '04', '05']) {
      uses = addRoleUses(uses, ['education secretary'], `2020-${month}-01T00:00:00.000Z`);
    }
    uses = addRoleUses(uses, ['Labour MP'], '2020-05-02T00:00:00.000Z');
    expect(rankRoleUses(uses)).toEqual(['Education Secretary', 'Labour MP']);
    // two years on, two articles call her Home Secretary
    uses = addRoleUses(uses, ['Home Secretary'], '2022-06-01T00:00:00.000Z');
    uses = addRoleUses(uses, ['Home Secretary'], '2022-06-02T00:00:00.000Z');
    expect(rankRoleUses(uses)[0]).toBe('Home Secretary');
  });

  it('keeps an office held apart from the same office held no longer, the newer first', () => {
    let uses: ReturnType<typeof addRoleUses> = [];
    for (const day of ['01', '02', '03', '04']) uses = addRoleUses(uses, ['President'], `2019-03-${day}T00:00:00.000Z`);
    uses = addRoleUses(uses, ['former President'], '2021-06-01T00:00:00.000Z');
    uses = addRoleUses(uses, ['former President'], '2021-06-02T00:00:00.000Z');
    expect(rankRoleUses(uses)).toEqual(['former President', 'President']);
  });

  it('counts an older article arriving late without moving the role forward in time', () => {
    const uses = addRoleUses(
      addRoleUses([], ['Mayor'], '2024-01-01T00:00:00.000Z'),
      ['Mayor'],
      '2023-01-01T00:00:00.000Z',
    );
    expect(uses).toHaveLength(1);
    expect(uses[0]?.last).toBe('2024-01-01T00:00:00.000Z');
    expect(uses[0]?.weight).toBeGreaterThan(1);
    expect(uses[0]?.weight).toBeLessThan(2);
  });

  it('makes a name an organisation when most of the articles that name it say so', () => {
    const office = { name: 'Home Office', aliases: [], roles: [] };
    const rebuild = planPersonRebuild(
      ['home office'],
      [
        { person_key: 'home office', people: [{ ...office, kind: 'organisation' }], sort_key: INGESTED },
        { person_key: 'home office', people: [{ ...office, kind: 'organisation' }], sort_key: INGESTED },
        // an analysis stored before organisations could speak
        { person_key: 'home office', people: [office], sort_key: INGESTED },
      ],
      new Map(),
    );
    expect(rebuild.persons[0]?.kind).toBe('organisation');
  });
});

describe('the name a person is shown under', () => {
  it('is the fullest form, and a hyphenated surname stays whole', () => {
    expect(pickName(['Robert Kilroy-Silk', 'Robert Kilroy Silk'])).toBe('Robert Kilroy-Silk');
    expect(pickName(['Robert Kilroy Silk', 'Robert Kilroy-Silk'])).toBe('Robert Kilroy-Silk');
    expect(pickName(['Ann Holt', 'Ann B. Holt'])).toBe('Ann B. Holt');
    expect(pickName(['Ann Holt', 'Anne Holt', 'Anne Holt'])).toBe('Anne Holt');
  });
});

describe('what kind of speaker a name is, across the store', () => {
  const office = { name: 'Harbour Office', aliases: [], roles: [] };
  const stored = (kind: 'person' | 'organisation', articleCount: number): PersonRecord => ({
    person_key: 'harbour office',
    name: 'Harbour Office',
    kind,
    roles: [],
    role_uses: [],
    aliases: [],
    article_count: articleCount,
    quote_count: 0,
    reported_count: 0,
  });
  const kindAfter = (row: PersonRecord, kind: 'person' | 'organisation' | undefined) => {
    const view = kind === undefined ? office : { ...office, kind };
    const article = makeArticle('a9', 'Harbour news', { people: [view] });
    return planArticleWrites([article], new Map([['harbour office', row]]), INGESTED).persons[0]?.kind;
  };

  it('goes by what most articles make of the name, not by the newest one alone', () => {
    expect(kindAfter(stored('person', 40), 'organisation')).toBe('person');
    expect(kindAfter(stored('organisation', 40), 'person')).toBe('organisation');
  });

  it('gives a tie to the newest analysis, and keeps the stored kind when an analysis cannot say', () => {
    expect(kindAfter(stored('person', 1), 'organisation')).toBe('organisation');
    expect(kindAfter(stored('organisation', 1), 'person')).toBe('person');
    expect(kindAfter(stored('organisation', 3), undefined)).toBe('organisation');
  });
});
