import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../articles/article.js';
import { attributeQuotes } from '../nlp/attribution/pipeline.js';
import { summarizeExtractive } from '../nlp/summarize.js';
import type { AnalyzedArticle, ArticleAnalyzer, Summarizer } from '../ports.js';
import { limitArticle, limitQuotes } from './limits.js';
import { parseArticleFile } from './parse-file.js';

/** A stable id from the article's content, so the same article read from two files is one article. */
export function articleId(article: ParsedArticle): string {
  const hash = createHash('sha256');
  hash.update(article.title.trim());
  for (const paragraph of article.paragraphs) hash.update(`\n${paragraph.text.trim()}`);
  return hash.digest('hex').slice(0, 16);
}

/** The synchronous pipeline with the extractive summarizer (the default, and what benchmarks measure). */
export function analyzeArticleSync(article: ParsedArticle): AnalyzedArticle {
  const { people, quotes } = attributeQuotes(article);
  return { ...article, id: articleId(article), summary: summarizeExtractive(article), people, quotes };
}

/** Parsing and analysis on the calling thread: for tests and tools; the bot and the CLI use worker threads. */
export const inlineAnalyzer: ArticleAnalyzer = {
  parseFile: async (file) => parseArticleFile(file),
  analyze: async (article) => analyzeArticleSync(article),
};

/** Where analysis runs (default: inline) and the summarizer that replaces the extractive summary, if any. */
export interface AnalyzeDeps {
  analyzer?: ArticleAnalyzer | undefined;
  summarizer?: Summarizer | undefined;
}

/**
 * Analyse an article within the ingest limits: it is cut to them first, its quotes after. Returns the analysed
 * article and what the limits cut (empty for real news), for the caller to report.
 */
export async function analyzeWithinLimits(
  article: ParsedArticle,
  deps: AnalyzeDeps = {},
): Promise<{ analyzed: AnalyzedArticle; cuts: string[] }> {
  const limited = limitArticle(article);
  const analyzer = deps.analyzer ?? inlineAnalyzer;
  // a model summary is a network call: it runs while the worker analyses
  const [analyzed, summary] = await Promise.all([
    analyzer.analyze(limited.article),
    deps.summarizer?.summarize(limited.article),
  ]);
  const quoted = limitQuotes(summary === undefined ? analyzed : { ...analyzed, summary });
  return { analyzed: quoted.article, cuts: [...limited.cuts, ...quoted.cuts] };
}

/** Run the whole pipeline on a parsed article (summary, people and quotes), within the ingest limits. */
export async function analyzeArticle(article: ParsedArticle, deps: AnalyzeDeps = {}): Promise<AnalyzedArticle> {
  return (await analyzeWithinLimits(article, deps)).analyzed;
}
