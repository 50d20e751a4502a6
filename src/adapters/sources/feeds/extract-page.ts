import type { Readability } from '@mozilla/readability';
import { isChromeParagraph } from '../../../core/nlp/clean.js';
import { htmlToBlocks, parseHtmlDocument, type TextBlock } from './html-text.js';
import { readability } from './lazy-libraries.js';

/** The main text of an article page, as Readability found it. */
export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  blocks: TextBlock[];
}

/** Pages larger than this are not handed to Readability (it is quadratic on some layouts). */
const MAX_ELEMENTS = 20_000;

/**
 * Extract the main article text of an HTML page with @mozilla/readability on a linkedom DOM.
 * Returns null when Readability finds no article; chrome paragraphs ("Advertisement", share
 * prompts) are dropped the way the file parser drops them.
 */
export function extractArticlePage(html: string, pageUrl: string): ExtractedPage | null {
  const document = parseHtmlDocument(html);
  withBase(document, pageUrl);
  let article: ReturnType<Readability['parse']>;
  try {
    // linkedom's document is structurally the DOM Readability expects
    const dom = document as unknown as ConstructorParameters<typeof Readability>[0];
    article = new (readability().Readability)(dom, { maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  const blocks = htmlToBlocks(article.content).filter((block) => !isChromeParagraph(block.text));
  if (blocks.length === 0) return null;
  return {
    title: article.title?.trim() || null,
    byline: article.byline?.trim() || null,
    publishedTime: article.publishedTime?.trim() || null,
    blocks,
  };
}

/** Readability resolves relative links against the document URL; linkedom leaves it unset. */
function withBase(document: ReturnType<typeof parseHtmlDocument>, pageUrl: string): void {
  const head = document.head ?? document.documentElement;
  if (!head || document.querySelector('base[href]')) return;
  const base = document.createElement('base');
  base.setAttribute('href', pageUrl);
  head.insertBefore(base, head.firstChild);
}
