import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../articles/article.js';
import { attributeQuotes } from '../nlp/attribution/pipeline.js';
import { summarizeExtractive } from '../nlp/summarize.js';
import type { AnalyzedArticle, Summarizer } from '../ports.js';

/** A stable id from the article's content, so the same article read from two files is one article. */
export function articleId(article: ParsedArticle): string {
  const hash = createHash('sha256');
  hash.update(article.title.trim());
  for (const paragraph of article.paragraphs) hash.update(`\n${paragraph.text.trim()}`);
  return hash.digest('hex').slice(0, 16);
}

/** Run the whole NLP pipeline on a parsed article: summary, people and quotes. */
export async function analyzeArticle(article: ParsedArticle, summarizer?: Summarizer): Promise<AnalyzedArticle> {
  if (!summarizer) return analyzeArticleSync(article);
  const { people, quotes } = attributeQuotes(article);
  return { ...article, id: articleId(article), summary: await summarizer.summarize(article), people, quotes };
}

/** The synchronous pipeline with the extractive summarizer (the default, and what benchmarks measure). */
export function analyzeArticleSync(article: ParsedArticle): AnalyzedArticle {
  const { people, quotes } = attributeQuotes(article);
  return { ...article, id: articleId(article), summary: summarizeExtractive(article), people, quotes };
}
