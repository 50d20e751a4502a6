import type { ArticleAnalysis, ParsedArticle } from '../../core/articles/article.js';
import { analyzeArticleSync, analyzeFileSync } from '../../core/ingest/analyze.js';
import type { AnalyzedFile, FileToParse, FileToRead, ReadFileOutcome } from '../../core/ports.js';
import { readAndAnalyzeFile } from '../sources/read-file.js';

// the tasks a worker thread of the analysis pool runs, called by name: the same pure functions as in-process

/** Parse one article file and analyse its articles within the ingest limits: one task, one message each way. */
export function analyzeFile(file: FileToParse): AnalyzedFile {
  return analyzeFileSync(file);
}

/** Read, hash and (unless unchanged) analyse a file of a folder: its bytes never travel to the event loop. */
export function analyzeFileAt(file: FileToRead): Promise<ReadFileOutcome> {
  return readAndAnalyzeFile(file);
}

/**
 * Article in, analysed article out (summary, people and quotes). Only what the analysis adds travels back: the
 * caller still has the article, and copying its text back would cost the event loop as much again.
 */
export function analyze(article: ParsedArticle): ArticleAnalysis & { id: string } {
  const { id, summary, people, quotes } = analyzeArticleSync(article);
  return { id, summary, people, quotes };
}
