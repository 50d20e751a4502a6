import winkModel from 'wink-eng-lite-web-model';
import winkNlp from 'wink-nlp';
import { analyzeArticleSync } from '../src/core/ingest/analyze.js';
import { ingestFiles } from '../src/core/ingest/ingest-file.js';
import { parseArticleFile } from '../src/core/ingest/parse-file.js';

const BATCH = 100;

import type { ArticleStore } from '../src/core/ports.js';
import type { BenchText } from './corpus.js';
import { round, type Summary, summarize } from './stats.js';

export interface IngestFigures {
  articles: number;
  /** milliseconds per article, per batch of 100 */
  perArticle: Summary;
  seconds: number;
  articlesPerSecond: number;
  wordsPerSecond: number;
  peakRssMb: number;
}

/** The full pipeline as the file source runs it: decode, parse, clean, summarise, people, quotes, store. */
export async function benchIngest(store: ArticleStore, corpus: BenchText[]): Promise<IngestFigures> {
  // warm up as the peer is warmed up (its model is loaded before timing): lexicons and caches load once
  for (const item of corpus.slice(0, 20)) {
    for (const article of parseArticleFile({ path: item.name, bytes: Buffer.from(item.text), retrievedAt: new Date() })
      .articles) {
      analyzeArticleSync(article);
    }
  }
  let words = 0;
  let peak = process.memoryUsage().rss;
  const times: number[] = [];
  const start = performance.now();
  // batches of 100 files per transaction, as the folder sync writes them
  for (let i = 0; i < corpus.length; i += BATCH) {
    const batch = corpus.slice(i, i + BATCH);
    const t0 = performance.now();
    const inputs = batch.map((item) => {
      const bytes = Buffer.from(item.text, 'utf8');
      return { path: item.name, bytes, size: bytes.length, mtimeMs: 1_700_000_000_000 };
    });
    await ingestFiles({ store }, inputs);
    const perArticle = (performance.now() - t0) / batch.length;
    for (const item of batch) {
      times.push(perArticle);
      words += item.words;
    }
    if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    articles: corpus.length,
    perArticle: summarize(times),
    seconds: round(seconds, 2),
    articlesPerSecond: round(corpus.length / seconds, 1),
    wordsPerSecond: Math.round(words / seconds),
    peakRssMb: round(peak / 1024 / 1024, 1),
  };
}

export interface PeerFigures {
  articles: number;
  perArticle: Summary;
  seconds: number;
  articlesPerSecond: number;
  wordsPerSecond: number;
}

/** A peer's NLP pass as the reference cost: wink-nlp's readDoc (tokens and sentences only) on the same texts. */
export function benchWinkReadDoc(corpus: BenchText[]): PeerFigures {
  const nlp = winkNlp(winkModel);
  let words = 0;
  let sink = 0;
  const times: number[] = [];
  const start = performance.now();
  for (const item of corpus) {
    const t0 = performance.now();
    const doc = nlp.readDoc(item.text);
    sink += doc.sentences().length() + doc.tokens().length();
    times.push(performance.now() - t0);
    words += item.words;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) throw new Error('unreachable: keeps the work observable');
  return {
    articles: corpus.length,
    perArticle: summarize(times),
    seconds: round(seconds, 2),
    articlesPerSecond: round(corpus.length / seconds, 1),
    wordsPerSecond: Math.round(words / seconds),
  };
}
