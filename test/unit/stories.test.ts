import { describe, expect, it } from 'vitest';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';
import { decodeCentroid, encodeWeights } from '../../src/core/stories/centroid-codec.js';
import { KeyTable } from '../../src/core/stories/key-table.js';
import { StoryClustering } from '../../src/core/stories/story-batch.js';
import {
  assignStory,
  DEFAULT_CLUSTERING,
  type StoryAssignment,
  weighFeatures,
} from '../../src/core/stories/story-clusterer.js';
import { findNames, leadText, storyFeatures, storyKeys } from '../../src/core/stories/story-features.js';
import { InMemoryStoryIndex, Posting } from '../../src/core/stories/story-index.js';

interface TestArticle {
  id: string;
  title: string;
  text: string;
  /** ISO time, or null for an article without any time */
  at: string | null;
}

const HOUR = 3_600_000;

function featuresOf(article: TestArticle) {
  const parsed = articleFromLines(article.title, article.text);
  return storyFeatures(parsed, attributeQuotes(parsed), article.at === null ? null : Date.parse(article.at));
}

async function cluster(articles: readonly TestArticle[], index = new InMemoryStoryIndex()): Promise<StoryAssignment[]> {
  const assignments: StoryAssignment[] = [];
  for (const article of articles) assignments.push(assignStory(article.id, featuresOf(article), index));
  return assignments;
}

const floodHerald: TestArticle = {
  id: 'herald-flood',
  title: 'River Lenne bursts its banks in Altena, hundreds evacuated',
  text:
    'Hundreds of residents of Altena were evacuated on Tuesday night after the River Lenne burst its banks following two days of heavy rain.\n' +
    '"The water rose faster than anyone expected," Mayor Uwe Kessler told reporters at the fire station.',
  at: '2026-03-10T06:00:00Z',
};
const floodGazette: TestArticle = {
  id: 'gazette-flood',
  title: 'Altena evacuates homes as Lenne floods old town',
  text:
    'Firefighters in Altena moved families out of the old town overnight as the Lenne flooded streets after heavy rain.\n' +
    'Mayor Uwe Kessler said the evacuation of several hundred homes would continue until the river fell.',
  at: '2026-03-10T09:30:00Z',
};
const rates: TestArticle = {
  id: 'wire-rates',
  title: 'Central bank holds interest rates at 3.5 percent',
  text:
    'The central bank left its main interest rate unchanged at 3.5 percent on Tuesday, saying inflation was easing but wages were still rising fast.\n' +
    'Governor Ines Marlow said the board would wait for more data before cutting.',
  at: '2026-03-10T08:00:00Z',
};
const ratesFollowUp: TestArticle = {
  id: 'post-rates',
  title: 'Bank keeps rates on hold, Marlow says cuts must wait',
  text: 'Interest rates stay at 3.5 percent after the central bank board met on Tuesday. Governor Ines Marlow said inflation was easing.',
  at: '2026-03-10T11:00:00Z',
};

describe('story clustering', () => {
  it('puts two outlets’ own articles about one event in one story', async () => {
    const [herald, gazette] = await cluster([floodHerald, floodGazette]);
    expect(herald).toMatchObject({ storyId: 'herald-flood', created: true, size: 1 });
    expect(gazette).toMatchObject({ storyId: 'herald-flood', created: false, size: 2 });
    expect(gazette!.score).toBeGreaterThanOrEqual(DEFAULT_CLUSTERING.threshold);
  });

  it('keeps two events of the same day apart', async () => {
    const assignments = await cluster([floodHerald, rates, floodGazette, ratesFollowUp]);
    expect(assignments.map((a) => a.storyId)).toEqual(['herald-flood', 'wire-rates', 'herald-flood', 'wire-rates']);
  });

  it('starts a new story when the matching one is older than the window', async () => {
    const later = { ...floodGazette, at: new Date(Date.parse(floodHerald.at!) + 80 * HOUR).toISOString() };
    const [, gazette] = await cluster([floodHerald, later]);
    expect(gazette).toMatchObject({ storyId: 'gazette-flood', created: true });
  });

  it('scores a story lower the longer ago its latest article was', async () => {
    const sameDay = await cluster([floodHerald, floodGazette]);
    const nextDay = await cluster([
      floodHerald,
      { ...floodGazette, at: new Date(Date.parse(floodHerald.at!) + 30 * HOUR).toISOString() },
    ]);
    expect(nextDay[1]!.score).toBeLessThan(sameDay[1]!.score);
  });

  it('clusters articles with no time by their order: recent stories only', async () => {
    const undated = (article: TestArticle, id = article.id): TestArticle => ({ ...article, id, at: null });
    const [, , gazette] = await cluster([undated(floodHerald), undated(rates), undated(floodGazette)]);
    expect(gazette).toMatchObject({ storyId: 'herald-flood', created: false });

    const index = new InMemoryStoryIndex();
    await cluster([undated(floodHerald)], index);
    const filler = Array.from({ length: DEFAULT_CLUSTERING.recentArticles }, (_, i) => ({
      ...undated(rates, `filler-${i}`),
      title: `Unrelated report number ${i}`,
      text: `Report ${i} on topic${i} with words${i} only.`,
    }));
    await cluster(filler, index);
    const [late] = await cluster([undated(floodGazette)], index);
    expect(late).toMatchObject({ storyId: 'gazette-flood', created: true });
  });

  it('reads the title alone when an article has no text, and an empty article starts a story of its own', async () => {
    const titleOnly: TestArticle = {
      id: 'titles-flood',
      title: 'Altena floods: River Lenne bursts banks, hundreds evacuated',
      text: '',
      at: '2026-03-10T07:00:00Z',
    };
    const empty: TestArticle = { id: 'empty', title: '', text: '', at: '2026-03-10T07:30:00Z' };
    expect(featuresOf(titleOnly).terms.length).toBeGreaterThan(3);
    expect(featuresOf(empty)).toMatchObject({ terms: [], names: [], quotes: [] });
    const assignments = await cluster([floodHerald, titleOnly, empty]);
    expect(assignments.map((a) => [a.storyId, a.created])).toEqual([
      ['herald-flood', true],
      ['herald-flood', false],
      ['empty', true],
    ]);
  });

  it('assigns the same stories whenever the same articles arrive in the same order', async () => {
    const stream = [floodHerald, rates, floodGazette, ratesFollowUp];
    const first = await cluster(stream);
    const second = await cluster(stream);
    expect(second).toEqual(first);
  });

  it('breaks a tie between equally good stories by story id, not by arrival in the index', async () => {
    // twins without quotes: every key of the second is then as frequent as the first's, so their vectors are equal
    const twinA = { ...rates, id: 'b-twin' };
    const twinB = { ...rates, id: 'a-twin' };
    // two identical stories: a fresh index keeps them apart only when forced, so build them in separate orders
    const join = async (order: TestArticle[]) => {
      const index = new InMemoryStoryIndex();
      for (const article of order) {
        const features = featuresOf(article);
        assignStory(article.id, features, index, { ...DEFAULT_CLUSTERING, threshold: 1.01 });
      }
      return assignStory('post', featuresOf(ratesFollowUp), index).storyId;
    };
    expect(featuresOf(rates).quotes).toEqual([]);
    expect(await join([twinA, twinB])).toBe('a-twin');
    expect(await join([twinB, twinA])).toBe('a-twin');
  });
});

describe('story key ids', () => {
  /** The four articles above, then articles of words of their own with a quote each: every one brings new keys. */
  function longStream(): TestArticle[] {
    const fillers = Array.from({ length: 40 }, (_, i) => ({
      id: `filler-${String(i).padStart(2, '0')}`,
      title: `Report ${i} on topic${i} and matter${i}`,
      text: `Officials in town${i} met about plan${i} and budget${i}. "We will decide on plan${i} soon," said Mayor Ann Tolle${i}.`,
      at: `2026-03-10T${String(10 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z`,
    }));
    // updates that join the flood story, each with words of its own: its heaviest keys change as it grows
    const updates = Array.from({ length: 12 }, (_, i) => ({
      id: `update-${String(i).padStart(2, '0')}`,
      title: `Altena flood: River Lenne evacuation update ${i}`,
      text: `Mayor Uwe Kessler said residents of Altena evacuated after the River Lenne flood could expect aid${i}, pumps${i} and shelter${i}.`,
      at: `2026-03-10T${String(10 + i).padStart(2, '0')}:20:00Z`,
    }));
    const mixed = fillers.flatMap((filler, i) => (i < updates.length ? [filler, updates[i]!] : [filler]));
    return [floodHerald, rates, ...mixed.slice(0, 20), floodGazette, ...mixed.slice(20), ratesFollowUp];
  }

  it('rebuilds a full key table with the keys in use, and assigns exactly as an index that never does', async () => {
    const stream = longStream();
    const small = new InMemoryStoryIndex(true, 60);
    const plain = await cluster(stream);
    const rebuilt = await cluster(stream, small);
    expect(rebuilt).toEqual(plain);
    expect(rebuilt.filter((a) => a.storyId === 'herald-flood').length).toBeGreaterThan(10);
    // bounded: each rebuild keeps the open stories' keys and every counted key's frequency, not the quotes'
    const everyKey = new InMemoryStoryIndex();
    await cluster(stream, everyKey);
    expect(small.keys.size).toBeLessThan(everyKey.keys.size);
    // and finds each story by the same keys with the same weights
    for (const id of new Set(plain.map((a) => a.storyId))) {
      expect(small.postingsOf(id)).toEqual(everyKey.postingsOf(id));
    }
    expect(everyKey.postingsOf('herald-flood').size).toBe(30);
  });

  it('clusters through a store-backed index whose table is rebuilt between batches as one plain index does', async () => {
    const stream = longStream();
    const clustering = new StoryClustering(DEFAULT_CLUSTERING, 7, 50);
    const storyDf = new Map<string, number>();
    let position = { clustered: 0, watermark: 0, dfFolded: 0 };
    clustering.load(clustering.plan(position), position, [], []);
    const plain = new InMemoryStoryIndex();
    for (const [i, article] of stream.entries()) {
      const parsed = articleFromLines(article.title, article.text);
      const row = {
        seq: i + 1,
        id: article.id,
        published_at: article.at,
        ingested_at: article.at!,
        sort_key: article.at!,
      };
      clustering.remember(article.id, storyKeys(parsed, attributeQuotes(parsed)));
      expect(clustering.plan(position)).toEqual({ kind: 'current' });
      const features = clustering.features([row]);
      const keys = clustering.keysToRead(features);
      clustering.learnFrequencies(keys, new Map(keys.map((key) => [key, storyDf.get(key) ?? 0])));
      const writes = clustering.cluster([row], features);
      for (const [key, count] of writes.fold ?? []) storyDf.set(key, (storyDf.get(key) ?? 0) + count);
      position = {
        clustered: writes.clustered,
        watermark: writes.watermark,
        dfFolded: writes.fold ? writes.clustered : position.dfFolded,
      };
      const expected = assignStory(article.id, featuresOf(article), plain);
      expect(writes.memberships).toEqual([
        { article_id: article.id, story_id: expected.storyId, seq: i, score: expected.score },
      ]);
      const { keys: centroidKeys, weights } = decodeCentroid(writes.stories[0]!.centroid);
      expect(centroidKeys.length).toBeGreaterThan(0);
      expect(weights).toHaveLength(centroidKeys.length);
      expect(weights.every((weight) => weight > 0)).toBe(true);
    }
    // the rebuilt table keeps every frequency it knew: the first article's keys need no reading again
    const first = stream[0]!;
    const parsed = articleFromLines(first.title, first.text);
    clustering.remember('again', storyKeys(parsed, attributeQuotes(parsed)));
    const again = {
      seq: stream.length + 1,
      id: 'again',
      published_at: first.at,
      ingested_at: first.at!,
      sort_key: 'z',
    };
    expect(clustering.keysToRead(clustering.features([again]))).toEqual([]);
  });
});

describe('postings', () => {
  it("keep each story's weight through adds, updates and removals, short or long", () => {
    let state = 7;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const posting = new Posting();
    const expected = new Map<number, number>();
    for (let step = 0; step < 5000; step++) {
      const slot = next(step < 2500 ? 120 : 20);
      if (next(3) === 0) {
        posting.delete(slot);
        expected.delete(slot);
      } else {
        const weight = next(1000) / 1000;
        posting.set(slot, weight);
        expected.set(slot, weight);
      }
      if (step % 250 === 0 || step === 4999) {
        expect(new Map(posting.slots.map((each, i) => [each, posting.weights[i]]))).toEqual(expected);
        for (let probe = 0; probe < 120; probe++) expect(posting.weightOf(probe)).toBe(expected.get(probe));
      }
    }
    // the long posting shrinks back through its map
    for (let slot = 20; slot < 120; slot++) {
      posting.delete(slot);
      expected.delete(slot);
    }
    expect(new Map(posting.slots.map((each, i) => [each, posting.weights[i]]))).toEqual(expected);
    expect(posting.slots.length).toBeLessThanOrEqual(20);
    for (let probe = 0; probe < 120; probe++) expect(posting.weightOf(probe)).toBe(expected.get(probe));
  });
});

describe('stored centroids', () => {
  it('keep every bit of every weight, and read the [key, weight] pairs of older rows', () => {
    const weights = Float64Array.of(0.1 + 0.2, 1 / 3, Number.MIN_VALUE, Math.SQRT1_2, 1e-300);
    const keys = ['flood', 'n:kessler', 'q:1x9', 'rain', 'n:altena'];
    const row = JSON.parse(JSON.stringify({ keys, weights: encodeWeights(weights) }));
    const decoded = decodeCentroid(row);
    expect(decoded.keys).toEqual(keys);
    expect([...decoded.weights]).toEqual([...weights]);
    expect(Object.is(decoded.weights[0], 0.1 + 0.2)).toBe(true);
    // a weight array that does not start the buffer it sits in
    const inner = new Float64Array(8).fill(0.25).subarray(3, 5);
    expect([...decodeCentroid({ keys: ['a', 'b'], weights: encodeWeights(inner) }).weights]).toEqual([0.25, 0.25]);
    const older = decodeCentroid([
      ['flood', 0.5],
      ['rain', 0.25],
    ]);
    expect(older.keys).toEqual(['flood', 'rain']);
    expect([...older.weights]).toEqual([0.5, 0.25]);
  });

  it('refuses a row whose weights do not match its keys', () => {
    const weights = encodeWeights(Float64Array.of(0.5));
    expect(() => decodeCentroid({ keys: ['flood', 'rain'], weights })).toThrow(
      'story centroid holds 2 keys but 1 weights',
    );
  });
});

describe('story features', () => {
  it('reads the lead up to its word budget, skipping headings', () => {
    const article = articleFromLines('Title', 'one two three\nfour five six seven\neight');
    expect(leadText(article, 5)).toBe('one two three\nfour five');
  });

  it('takes capitalised words inside sentences and the people found as names, not sentence openers', () => {
    const names = findNames(
      'Flood hits Altena',
      'Residents of Altena fled as the Lenne rose. The mayor spoke on Tuesday.',
      [{ name: 'Uwe Kessler', aliases: [], roles: [] }],
      20,
    );
    expect(names).toEqual(expect.arrayContaining(['uwe', 'kessler', 'altena', 'lenne']));
    expect(names).not.toContain('residents');
    expect(names).not.toContain('the');
  });

  it('counts a title word capitalised by Title Case as a name only when the lead capitalises it too', () => {
    const names = findNames('Mayor Orders Evacuation Of Altena', 'The town of Altena was cleared.', [], 20);
    expect(names).toEqual(['altena']);
  });

  it('gives a unit vector whose rarer keys weigh more', () => {
    const table = new KeyTable();
    const rain = table.id('rain');
    const flood = table.id('flood');
    const vector = weighFeatures(Int32Array.of(rain, flood), [1, 1], 9, [8, 0], table);
    expect([...vector.keys]).toEqual([flood, rain]);
    expect(Math.hypot(...vector.weights)).toBeCloseTo(1, 10);
  });
});
