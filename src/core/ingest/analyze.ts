import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../articles/article.js';
import { attributeQuotes } from '../nlp/attribution/pipeline.js';
import { summarizeExtractive } from '../nlp/summarize.js';
import type { AnalyzedArticle, AnalyzedFile, ArticleAnalyzer, FileToParse, Summarizer } from '../ports.js';
import { storyKeys } from '../stories/story-features.js';
import { articleLabel, limitArticle, limitQuotes, limitWarnings } from './limits.js';
import { parseArticleFile } from './parse-file.js';
import type { ParseWarning } from './parse-result.js';

/** A stable id from the article's content, so the same article read from two files is one article. */
export function articleId(article: ParsedArticle): string {
  // one update: the same bytes as one per paragraph, without crossing into the hash once per paragraph
  let text = article.title.trim();
  for (const paragraph of article.paragraphs) text += `\n${paragraph.text.trim()}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The synchronous pipeline with the extractive summarizer (the default, and what benchmarks measure). */
export function analyzeArticleSync(article: ParsedArticle): AnalyzedArticle {
  const { people, quotes } = attributeQuotes(article);
  return { ...article, id: articleId(article), summary: summarizeExtractive(article), people, quotes };
}

/**
 * Parse a file and analyse each article within the ingest limits (articles cut to them first, their quotes after).
 * An article whose analysis throws is left out with a warning; the others are kept. The one task a worker of the
 * analysis pool runs per file.
 */
export function analyzeFileSync(file: FileToParse): AnalyzedFile {
  const parsed = parseArticleFile(file);
  const analyzed: AnalyzedArticle[] = [];
  const problems: ParseWarning[] = [];
  for (const article of parsed.articles) {
    const label = articleLabel(article.title);
    try {
      const limited = limitArticle(article);
      const quoted = limitQuotes(analyzeArticleSync(limited.article));
      analyzed.push(withStoryKeys(quoted.article));
      for (const cut of [...limited.cuts, ...quoted.cuts])
        problems.push({ file: file.path, message: `${label}: ${cut}` });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      problems.push({ file: file.path, message: `${label}: analysis failed: ${reason}` });
    }
  }
  return { analyzed, warnings: [...parsed.warnings, ...limitWarnings(problems)] };
}

/** Parsing and analysis on the calling thread: for tests and tools; the bot and the CLI use worker threads. */
export const inlineAnalyzer: ArticleAnalyzer = {
  analyzeFile: async (file) => analyzeFileSync(file),
  analyze: async (article) => analyzeArticleSync(article),
};

/** Where analysis runs (default: inline) and the summarizer that replaces the extractive summary, if any. */
export interface AnalyzeDeps {
  analyzer?: ArticleAnalyzer | undefined;
  summarizer?: Summarizer | undefined;
}

/**
 * Analyse one article (a feed item) within the ingest limits: it is cut to them first, its quotes after; a
 * summarizer's summary replaces the extractive one. The limits' cuts are silent here: feed items are bounded
 * where they are fetched.
 */
export async function analyzeArticle(article: ParsedArticle, deps: AnalyzeDeps = {}): Promise<AnalyzedArticle> {
  const limited = limitArticle(article).article;
  const analyzer = deps.analyzer ?? inlineAnalyzer;
  // a model summary is a network call: it runs while the worker analyses
  const [analyzed, summary] = await Promise.all([analyzer.analyze(limited), deps.summarizer?.summarize(limited)]);
  return withStoryKeys(limitQuotes(summary === undefined ? analyzed : { ...analyzed, summary }).article);
}

/** The article with its story keys, computed from what is stored of it (so the same as from the stored row). */
export function withStoryKeys(article: AnalyzedArticle): AnalyzedArticle {
  return { ...article, storyKeys: storyKeys(article, article) };
}
