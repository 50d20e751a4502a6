import type { ParsedArticle } from '../articles/article.js';

// what every article format parser takes besides the text and what it returns, apart from parse-file.ts so the parsers need not import it

/** A problem found while parsing a file; the file's other articles still load. */
export interface ParseWarning {
  file: string;
  message: string;
  /** 1-based line of the problem in the decoded text, when known */
  line?: number;
  /** the field or path of the problem ("title", "[2].url"), when known */
  field?: string;
}

/** The articles of one file and what went wrong reading it. */
export interface ParsedFile {
  articles: ParsedArticle[];
  warnings: ParseWarning[];
}

/** What a format parser needs besides the text. */
export interface ParseContext {
  /** the file path, for warnings */
  file: string;
  /** when the file was retrieved: relative dates ("2 hours ago") are resolved against it */
  retrievedAt: Date;
}
