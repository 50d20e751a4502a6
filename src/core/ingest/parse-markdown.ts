import { z } from 'zod';
import type { Paragraph, ParsedArticle } from '../articles/article.js';
import { parseDateLine, parseDateValue } from './dates.js';
import { isHeadingLine, type Line, makeParagraph, parseByline, splitLines, stripDateline, trimSpan } from './lines.js';
import type { ParseContext, ParsedFile, ParseWarning } from './parse-result.js';

const dateString = z
  .string()
  .refine((value) => parseDateValue(value, new Date(0)) !== null, { message: 'must be a parseable date' });
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** The front matter keys newsdesk reads; other keys are ignored. */
export const FrontMatterSchema = z.object({
  title: text.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  source: text.optional(),
  author: text.optional(),
  published: dateString.optional(),
  date: dateString.optional(),
  retrieved: dateString.optional(),
  caption: text.optional(),
});

/** Front matter as validated by {@link FrontMatterSchema}. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const FENCE = /^\s{0,3}(```|~~~)/;
const ATX_HEADING = /^\s{0,3}(#{1,6})(?:[ \t]+|$)/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/;
const BLOCKQUOTE = /^\s{0,3}>[ \t]?/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const IMAGE_ONLY = /^\s*!\[([^\]]*)\]\([^)]*\)\s*$/;
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;
const FRONT_MATTER_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;

/** Flat `key: value` pairs of a front matter block, with the line of each key. */
interface RawFrontMatter {
  values: Record<string, string>;
  lineOf: Record<string, number>;
}

/**
 * Parses one Markdown article with optional YAML front matter (flat `key: value` pairs).
 * `#` headings become heading paragraphs (the heading text, without the marks); a leading `# Title`
 * is the title when the front matter has none; bullet lists before the first paragraph are highlights.
 * Paragraph text is verbatim (inline markup kept) and offsets index `text`.
 */
export function parseMarkdownArticles(source: string, context: ParseContext): ParsedFile {
  const warnings: ParseWarning[] = [];
  const lines = splitLines(source);
  const frontMatterEnd = findFrontMatterEnd(lines);
  if (frontMatterEnd === -1) {
    warnings.push({ file: context.file, line: 1, message: 'front matter is not closed by a --- line; read as body' });
  }
  const hasFrontMatter = frontMatterEnd > 0;
  const raw = hasFrontMatter ? readFrontMatter(lines.slice(1, frontMatterEnd), 2, context.file, warnings) : null;
  const meta = raw === null ? {} : validateFrontMatter(raw, context.file, warnings);
  const retrievedAt = dateOrNull(meta.retrieved, context.retrievedAt) ?? context.retrievedAt;
  const body = readMarkdownBody(source, lines, hasFrontMatter ? frontMatterEnd + 1 : 0, meta.title);

  let title = meta.title ?? body.title;
  if (title === null) {
    const first = body.paragraphs[0];
    if (first === undefined) {
      return { articles: [], warnings: [...warnings, { file: context.file, message: 'no title and no body text' }] };
    }
    warnings.push({
      file: context.file,
      field: 'title',
      message: 'title is required (front matter title or a leading # heading); using the first line',
    });
    title = first.text.split(/\r\n|\n|\r/, 1)[0]!.trim();
    if (first.text.trim() === title) body.paragraphs.shift();
  }
  const date =
    meta.published !== undefined || meta.date !== undefined
      ? parseDateValue(meta.published ?? meta.date ?? '', retrievedAt)
      : body.dateLine === null
        ? null
        : parseDateLine(body.dateLine, retrievedAt);
  const dateline = stripDateline(body.paragraphs);
  const article: ParsedArticle = {
    title,
    url: meta.url ?? null,
    source: meta.source ?? null,
    author: meta.author ?? body.author,
    publishedAt: date?.iso ?? null,
    publishedApprox: date?.approx ?? false,
    dateline,
    caption: meta.caption ?? body.caption,
    highlights: body.highlights,
    paragraphs: body.paragraphs,
  };
  return { articles: [article], warnings };
}

/** Index of the closing `---` line; 0 when the text has no front matter, -1 when it is never closed. */
function findFrontMatterEnd(lines: Line[]): number {
  if (lines[0]?.text.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.text.trimEnd();
    if (line === '---' || line === '...') return i;
  }
  return -1;
}

/** A small strict reader for flat YAML: `key: value`, quoted values, `#` comments. Nested values are refused. */
function readFrontMatter(
  lines: Line[],
  firstLineNumber: number,
  file: string,
  warnings: ParseWarning[],
): RawFrontMatter {
  const raw: RawFrontMatter = { values: {}, lineOf: {} };
  let lastKey: string | null = null;
  for (const [index, { text: line }] of lines.entries()) {
    const lineNumber = firstLineNumber + index;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line) || line.startsWith('- ')) {
      if (lastKey !== null && raw.values[lastKey] === '') {
        warnings.push({ file, line: lineNumber, field: lastKey, message: `nested YAML values are not supported` });
        delete raw.values[lastKey];
      }
      continue;
    }
    const match = FRONT_MATTER_KEY.exec(line);
    if (match === null) {
      warnings.push({ file, line: lineNumber, message: 'front matter line is not a `key: value` pair' });
      continue;
    }
    const key = match[1]!;
    const value = readScalar(match[2] ?? '');
    lastKey = key;
    if (value === null) {
      warnings.push({
        file,
        line: lineNumber,
        field: key,
        message: 'unreadable value (unclosed quote or flow syntax)',
      });
      continue;
    }
    if (key in raw.values) warnings.push({ file, line: lineNumber, field: key, message: 'duplicate key; last wins' });
    raw.values[key] = value;
    raw.lineOf[key] = lineNumber;
  }
  return raw;
}

/** A YAML scalar: double-quoted (with escapes), single-quoted ('' escapes) or plain up to a ` #` comment. */
function readScalar(input: string): string | null {
  const value = input.trim();
  if (value.startsWith('"')) return readQuoted(value, '"');
  if (value.startsWith("'")) return readQuoted(value, "'");
  if (value.startsWith('[') || value.startsWith('{') || value.startsWith('|') || value.startsWith('>')) return null;
  const comment = value.search(/\s#/);
  const plain = (comment === -1 ? value : value.slice(0, comment)).trim();
  return plain === '~' || plain === 'null' ? '' : plain;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0' };

function readQuoted(value: string, quote: '"' | "'"): string | null {
  let out = '';
  let i = 1;
  for (; i < value.length; i++) {
    const char = value[i]!;
    if (quote === "'" && char === "'") {
      if (value[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      break;
    }
    if (quote === '"' && char === '"') break;
    if (quote === '"' && char === '\\') {
      const next = value[i + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(value.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(value.slice(i + 2, i + 6), 16));
        i += 5;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) return null;
      out += escaped;
      i++;
      continue;
    }
    out += char;
  }
  if (i >= value.length) return null;
  const rest = value.slice(i + 1).trim();
  return rest === '' || rest.startsWith('#') ? out : null;
}

/** Validates the front matter; an invalid field gives a warning and is dropped, the rest is kept. */
function validateFrontMatter(raw: RawFrontMatter, file: string, warnings: ParseWarning[]): FrontMatter {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw.values)) if (value !== '') values[key] = value;
  const result = FrontMatterSchema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    const line = raw.lineOf[field];
    warnings.push({
      file,
      field,
      message: `front matter ${field}: ${issue.message}`,
      ...(line === undefined ? {} : { line }),
    });
    delete values[field];
  }
  const retry = FrontMatterSchema.safeParse(values);
  return retry.success ? retry.data : {};
}

function dateOrNull(value: string | undefined, retrievedAt: Date): Date | null {
  if (value === undefined) return null;
  const date = parseDateValue(value, retrievedAt);
  return date === null ? null : new Date(date.iso);
}

/** What the Markdown body yields besides paragraphs. */
interface MarkdownBody {
  title: string | null;
  author: string | null;
  caption: string | null;
  dateLine: string | null;
  highlights: string[];
  paragraphs: Paragraph[];
}

function readMarkdownBody(source: string, lines: Line[], from: number, knownTitle: string | undefined): MarkdownBody {
  const body: MarkdownBody = {
    title: null,
    author: null,
    caption: null,
    dateLine: null,
    highlights: [],
    paragraphs: [],
  };
  const titleKey = knownTitle?.trim().toLowerCase();
  let inFence = false;
  let groupStart: number | null = null;
  const closeGroup = (to: number) => {
    if (groupStart === null) return;
    const span = trimSpan(source, lines[groupStart]!.start, lines[to - 1]!.end);
    const single = to - groupStart === 1;
    const kind = single && isHeadingLine(lines[groupStart]!.text) ? 'heading' : 'body';
    body.paragraphs.push(makeParagraph(source, span.start, span.end, kind));
    groupStart = null;
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line.text)) {
      closeGroup(i);
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const beforeBody = body.paragraphs.length === 0 && groupStart === null;
    if (line.text.trim() === '' || THEMATIC_BREAK.test(line.text) || HTML_COMMENT.test(line.text)) {
      closeGroup(i);
      continue;
    }
    const heading = ATX_HEADING.exec(line.text);
    if (heading !== null) {
      closeGroup(i);
      const span = headingSpan(source, line, heading[0].length);
      const headingText = source.slice(span.start, span.end);
      if (span.start === span.end) continue;
      if (beforeBody && heading[1] === '#' && body.title === null && titleKey === undefined) {
        body.title = headingText;
      } else if (beforeBody && headingText.toLowerCase() === (titleKey ?? body.title?.toLowerCase())) {
        // the title repeated as the first heading is not a paragraph
      } else {
        body.paragraphs.push(makeParagraph(source, span.start, span.end, 'heading'));
      }
      continue;
    }
    const image = IMAGE_ONLY.exec(line.text);
    if (image !== null) {
      closeGroup(i);
      const alt = image[1]!.trim();
      if (body.caption === null && alt !== '') body.caption = alt;
      continue;
    }
    const marker = LIST_ITEM.exec(line.text) ?? BLOCKQUOTE.exec(line.text);
    if (marker !== null) {
      closeGroup(i);
      const span = trimSpan(source, line.start + marker[0].length, line.end);
      if (span.start === span.end) continue;
      if (beforeBody && LIST_ITEM.test(line.text)) body.highlights.push(source.slice(span.start, span.end));
      else body.paragraphs.push(makeParagraph(source, span.start, span.end, 'body'));
      continue;
    }
    if (beforeBody && readHeaderLine(line.text, body)) continue;
    groupStart ??= i;
  }
  closeGroup(lines.length);
  return body;
}

/** A byline or date line before the first paragraph fills the article's author or date. */
function readHeaderLine(line: string, body: MarkdownBody): boolean {
  const byline = parseByline(line);
  if (byline !== null && body.author === null) {
    body.author = byline.author;
    return true;
  }
  if (body.dateLine === null && parseDateLine(line, new Date(0)) !== null) {
    body.dateLine = line.trim();
    return true;
  }
  return false;
}

/** The span of a heading's text: after the `#` marks, without optional closing hashes. */
function headingSpan(source: string, line: Line, markerLength: number): { start: number; end: number } {
  const closing = CLOSING_HASHES.exec(line.text);
  const end = closing === null ? line.end : line.start + closing.index;
  return trimSpan(source, Math.min(line.start + markerLength, end), end);
}
