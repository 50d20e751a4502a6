import type { NewsService } from '../src/core/news-service.js';
import type { ArticleStore } from '../src/core/ports.js';
import { type Summary, timeRuns } from './stats.js';

export type QueryFigures = Record<string, Summary>;

/** Core latency of each query the commands make, on a store of the current size. */
export async function benchQueries(news: NewsService, store: ArticleStore, runs: number): Promise<QueryFigures> {
  const people = await store.peopleByPrefix('', 1000);
  const frequent = people[0]?.name ?? 'Nobody';
  const rare = [...people].reverse().find((p) => p.articleCount === 1)?.name ?? frequent;
  const ids = (await store.latest({ limit: 100 })).items.map((a) => a.id);
  const prefix = frequent.slice(0, 3);
  const yesterday = new Date(Date.now() - 86_400_000);
  let i = 0;
  const figures: QueryFigures = {};
  figures.latest = await timeRuns(runs, () => news.latest({ limit: 5 }));
  figures.read = await timeRuns(runs, () => news.read(ids[i++ % ids.length] ?? ''));
  figures['read (title words)'] = await timeRuns(runs, () => news.read('government plans'));
  figures.search = await timeRuns(runs, () => news.search('election campaign', { limit: 5 }));
  // /news who shows a page of five quotes (the same words from several outlets grouped); newsdesk who shows fifty
  const page = { quoteLimit: 5 };
  figures['who (frequent)'] = await timeRuns(runs, () => news.who(frequent, page));
  figures['who (rare)'] = await timeRuns(runs, () => news.who(rare, page));
  figures['who (miss)'] = await timeRuns(runs, () => news.who('Zyxwv Qrstuv', page));
  figures['who, 50 quotes (frequent)'] = await timeRuns(runs, () => news.who(frequent));
  // /news quotes reads the 200 newest matches to group them by speaker; /news who ... about one page
  figures['quotes (common word)'] = await timeRuns(runs, () => news.quotes('government', { limit: 200, offset: 0 }));
  figures['quotes (rare word)'] = await timeRuns(runs, () => news.quotes('referendum', { limit: 200, offset: 0 }));
  figures['who about (frequent)'] = await timeRuns(runs, () =>
    news.quotes('government', { speaker: frequent, limit: 5, offset: 0 }),
  );
  figures['who about (miss)'] = await timeRuns(runs, () =>
    news.quotes('zyxwvut', { speaker: frequent, limit: 5, offset: 0 }),
  );
  figures['people prefix'] = await timeRuns(runs, () => news.people(prefix, 25));
  figures['digest since yesterday'] = await timeRuns(runs, () => news.digest({ since: yesterday, limit: 50 }));
  return figures;
}
