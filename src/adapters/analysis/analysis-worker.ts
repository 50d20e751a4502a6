import type { ArticleAnalysis, ParsedArticle } from '../../core/articles/article.js';
import { analyzeArticleSync } from '../../core/ingest/analyze.js';
import { type ParsedFile, parseArticleFile } from '../../core/ingest/parse-file.js';
import type { FileToParse } from '../../core/ports.js';

// the tasks a worker thread of the analysis pool runs, called by name: the same pure functions as in-process

/** Parse one article file (decode, detect the format, read its articles within the ingest limits). */
export function parseFile(file: FileToParse): ParsedFile {
  return parseArticleFile(file);
}

/**
 * Article in, analysed article out (summary, people and quotes). Only what the analysis adds travels back: the
 * caller still has the article, and copying its text back would cost the event loop as much again.
 */
export function analyze(article: ParsedArticle): ArticleAnalysis & { id: string } {
  const { id, summary, people, quotes } = analyzeArticleSync(article);
  return { id, summary, people, quotes };
}
