import { BINARY_FILE_WARNING, decodeCharacterReferences, decodeText } from './decode.js';
import { articleLabel, INGEST_LIMITS, limitArticle, limitWarnings } from './limits.js';
import { parseJsonArticles } from './parse-json.js';
import { parseMarkdownArticles } from './parse-markdown.js';
import type { ParseContext, ParsedFile, ParseWarning } from './parse-result.js';
import { parseTextArticles } from './parse-text.js';

/** The article file formats, chosen by extension or by sniffing the text. */
export type ArticleFormat = 'text' | 'markdown' | 'json';

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = {
  '': 'text',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
};

/**
 * Parses one article file (plain text, Markdown with front matter, or JSON) into articles.
 * Never throws, whatever the bytes: problems become warnings. What is read stays within
 * {@link INGEST_LIMITS} (articles, titles, paragraphs, warnings), each cut reported once.
 * `retrievedAt` resolves relative dates when the file gives no `retrieved:` value.
 *
 * Paragraph offsets: for plain text and Markdown they index the decoded file text with its HTML character
 * references read (`decodeCharacterReferences(decodeText(bytes).text)`); for JSON they index the article's `body` string
 * (an array body counts as its elements joined with a blank line, `'\n\n'`).
 */
export function parseArticleFile(input: { path: string; bytes: Uint8Array; retrievedAt: Date }): ParsedFile {
  return limitFile(input.path, parseWhole(input));
}

function parseWhole(input: { path: string; bytes: Uint8Array; retrievedAt: Date }): ParsedFile {
  const file = input.path;
  try {
    if (input.bytes.length === 0) return onlyWarning(file, 'empty file');
    const decoded = decodeText(input.bytes);
    if (decoded.warning === BINARY_FILE_WARNING) return onlyWarning(file, BINARY_FILE_WARNING);
    const warnings: ParseWarning[] = decoded.warning === undefined ? [] : [{ file, message: decoded.warning }];
    if (decoded.text.trim() === '') return { articles: [], warnings: [...warnings, { file, message: 'empty file' }] };

    const context: ParseContext = { file, retrievedAt: validDate(input.retrievedAt) };
    const format = detectFormat(file, decoded.text);
    // (JSON keeps its text: a reference there is inside a string the writer meant, and "&quot;" would end it)
    const text = format === 'json' ? decoded.text : decodeCharacterReferences(decoded.text);
    const parsed = parseByFormat(format, text, context);
    return { articles: parsed.articles, warnings: [...warnings, ...parsed.warnings] };
  } catch (error) {
    // a parser bug must not stop ingestion of the other files
    return onlyWarning(file, `could not parse file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function limitFile(file: string, parsed: ParsedFile): ParsedFile {
  const warnings = [...parsed.warnings];
  let articles = parsed.articles;
  const max = INGEST_LIMITS.articlesPerFile;
  if (articles.length > max) {
    warnings.push({ file, message: `only the first ${max} of ${articles.length} articles read` });
    articles = articles.slice(0, max);
  }
  articles = articles.map((article) => {
    const limited = limitArticle(article);
    for (const cut of limited.cuts) warnings.push({ file, message: `${articleLabel(article.title)}: ${cut}` });
    return limited.article;
  });
  return { articles, warnings: limitWarnings(warnings) };
}

/** The format of a file: by extension, or sniffed from the text when the extension is unknown. */
export function detectFormat(path: string, text: string): ArticleFormat {
  const known = FORMAT_BY_EXTENSION[extensionOf(path)];
  if (known !== undefined) return known;
  const start = text.trimStart();
  if (start.startsWith('---')) return 'markdown';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

function parseByFormat(format: ArticleFormat, text: string, context: ParseContext): ParsedFile {
  switch (format) {
    case 'markdown':
      return parseMarkdownArticles(text, context);
    case 'json':
      return parseJsonArticles(text, context);
    case 'text':
      return parseTextArticles(text, context);
  }
}

function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  // a leading dot names a hidden file, not an extension
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function validDate(date: Date): Date {
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function onlyWarning(file: string, message: string): ParsedFile {
  return { articles: [], warnings: [{ file, message }] };
}
