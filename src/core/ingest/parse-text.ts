import type { Paragraph, ParsedArticle } from '../articles/article.js';
import { parseDateLine, parseDateValue } from './dates.js';
import { articleLabel } from './limits.js';
import {
  isHeadingLine,
  type Line,
  makeParagraph,
  matchDateline,
  parseByline,
  splitLines,
  stripDateline,
  trimSpan,
} from './lines.js';
import type { ParseContext, ParsedFile, ParseWarning } from './parse-result.js';

// every line classifier looks only at lines up to this long, which keeps the regexes cheap
const MAX_HEADER_LINE = 200;
/** How many lines after a candidate title a boundary rule looks for its repeat, a date or chrome. */
const BOUNDARY_LOOKAHEAD = 8;

const CHROME =
  /^(?:short\s*url|follow(?:\s+us)?|share(?:\s+(?:this|the)\s+(?:article|story|page))?|share\s+on\s+\w+|tweet|print|email|e-mail|copy\s+link|link\s+copied|comments?|save(?:\s+article)?|listen(?:\s+to\s+(?:this|the)\s+article)?|advertisement|sponsored|(?:subscribe|sign\s+up)(?:\s+(?:to|for)\s+(?:our|the)\s+\w+(?:\s+\w+)?)?|read\s+more|font\s+size|a\s*a|whatsapp|facebook|twitter|x|linkedin)\s*[:.!]?$/i;
const CHROME_PREFIXED = /^(?:read\s+more|also\s+read|related|see\s+also|more\s+on\s+this)\s*[:\-–—]\s*\S/i;
const BULLET = /^\s*(?:[•·▪◦‣●]|[-*])\s+\S/;
const BULLET_MARKER = /^\s*(?:[•·▪◦‣●]|[-*])\s+/;
const CAPTION_CREDIT = /\(\s*\p{Lu}[^()]{0,59}\)\s*$/u;
const RETRIEVED_LINE = /^retrieved\s*:\s*(\S.*)$/i;
const SOURCE_LINE = /^source\s*:\s*(\S.*)$/i;
const URL_LINE = /^url\s*:\s*(\S+)$/i;

/** True for page furniture lines: "Short Url", "Follow", "Share", "Advertisement", "Read more: ...". */
export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HEADER_LINE) return false;
  return CHROME.test(trimmed) || (trimmed.length <= 150 && CHROME_PREFIXED.test(trimmed));
}

/**
 * Parses plain text scraped from news pages: one or more articles, each a title, an optional header
 * (caption, page chrome, date, title repeat, highlights, byline) and body paragraphs.
 * Paragraph offsets index `text`.
 */
export function parseTextArticles(text: string, context: ParseContext): ParsedFile {
  const lines = splitLines(text);
  const warnings: ParseWarning[] = [];
  const articles: ParsedArticle[] = [];
  let fileRetrievedAt = context.retrievedAt;
  for (const [index, block] of splitArticleBlocks(lines).entries()) {
    const parsed = parseTextBlock(text, lines, block, { ...context, retrievedAt: fileRetrievedAt }, warnings);
    // a retrieved: line at the top of the file holds for every article in it
    if (index === 0 && parsed.retrievedAt !== null) fileRetrievedAt = parsed.retrievedAt;
    if (parsed.article !== null) articles.push(parsed.article);
  }
  if (articles.length === 0) warnings.push({ file: context.file, message: 'no article text found' });
  return { articles, warnings };
}

/** A range of lines `[from, to)`. */
export interface LineRange {
  from: number;
  to: number;
}

/**
 * Splits a file into article blocks. A new article starts after two or more blank lines, at a line that is
 * a header line (`retrieved:`, `Source:`, `URL:`) or that is followed within a few lines, before the next
 * double blank, by its own repeat, a date line or page chrome.
 */
export function splitArticleBlocks(lines: Line[]): LineRange[] {
  const blocks: LineRange[] = [];
  let blockStart = 0;
  let blankRun = 0;
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') {
      blankRun++;
      continue;
    }
    if (seenContent && blankRun >= 2 && startsArticle(lines, i)) {
      blocks.push({ from: blockStart, to: i });
      blockStart = i;
    }
    seenContent = true;
    blankRun = 0;
  }
  blocks.push({ from: blockStart, to: lines.length });
  return blocks;
}

function startsArticle(lines: Line[], index: number): boolean {
  const candidate = lines[index]!.text.trim();
  if (candidate.length > MAX_HEADER_LINE) return false;
  if (isMetaLine(candidate)) return true;
  if (isChromeLine(candidate) || isDateText(candidate)) return false;
  const key = comparisonKey(candidate);
  let blanks = 0;
  for (let j = index + 1; j < lines.length && j <= index + BOUNDARY_LOOKAHEAD; j++) {
    const next = lines[j]!.text.trim();
    if (next === '') {
      if (++blanks >= 2) return false;
      continue;
    }
    blanks = 0;
    if (isRepeatOf(next, key) || isChromeLine(next) || isDateText(next)) return true;
  }
  return false;
}

function isMetaLine(line: string): boolean {
  return RETRIEVED_LINE.test(line) || SOURCE_LINE.test(line) || URL_LINE.test(line);
}

function isDateText(line: string): boolean {
  // the retrieval time is irrelevant when only asking whether a line is a date
  return parseDateLine(line, new Date(0)) !== null;
}

/** True when `line` is the line whose {@link comparisonKey} is `key`, up to case and spacing. */
function isRepeatOf(line: string, key: string): boolean {
  // collapsing whitespace only shortens a line, so a much longer line cannot match and is not normalised
  return line.length <= key.length * 2 + 8 && comparisonKey(line) === key;
}

function comparisonKey(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Header facts gathered from the lines around the title. */
interface Header {
  retrievedAt: Date | null;
  source: string | null;
  url: string | null;
  author: string | null;
  dateLine: string | null;
}

/**
 * Applies a header line (`retrieved:`, `URL:`, `Source:`, and a byline when `allowByline`) to `header`;
 * false when the line is not one. Bylines are only read after the title: "By The Numbers" is a title.
 */
function applyMetaLine(
  line: string,
  lineNumber: number,
  header: Header,
  context: ParseContext,
  warnings: ParseWarning[],
  allowByline: boolean,
): boolean {
  if (line.length > MAX_HEADER_LINE) return false;
  const retrieved = RETRIEVED_LINE.exec(line);
  if (retrieved !== null) {
    const date = parseDateValue(retrieved[1]!, context.retrievedAt);
    if (date === null) {
      warnings.push({ file: context.file, line: lineNumber, field: 'retrieved', message: 'unreadable retrieved date' });
    } else {
      header.retrievedAt = new Date(date.iso);
    }
    return true;
  }
  const url = URL_LINE.exec(line);
  if (url !== null) {
    if (isHttpUrl(url[1]!)) header.url = url[1]!;
    else warnings.push({ file: context.file, line: lineNumber, field: 'url', message: 'url is not an http(s) URL' });
    return true;
  }
  const source = SOURCE_LINE.exec(line);
  if (source !== null) {
    header.source = source[1]!.trim();
    return true;
  }
  const byline = allowByline ? parseByline(line) : null;
  if (byline !== null) {
    header.author = byline.author;
    if (byline.affiliation !== null && header.source === null) header.source = byline.affiliation;
    return true;
  }
  return false;
}

/** True when `value` parses as an absolute http or https URL. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

function parseTextBlock(
  text: string,
  lines: Line[],
  range: LineRange,
  context: ParseContext,
  warnings: ParseWarning[],
): { article: ParsedArticle | null; retrievedAt: Date | null } {
  const header: Header = { retrievedAt: null, source: null, url: null, author: null, dateLine: null };
  const titleIndex = findTitle(lines, range, header, context, warnings);
  if (titleIndex === null) return { article: null, retrievedAt: header.retrievedAt };
  const blockContext = { ...context, retrievedAt: header.retrievedAt ?? context.retrievedAt };
  const title = lines[titleIndex]!.text.trim();
  const scanned = scanHeader(lines, { from: titleIndex + 1, to: range.to }, title, header, blockContext, warnings);
  const paragraphs = readBody(text, lines, { from: scanned.bodyStart, to: range.to });
  const dateline = stripDateline(paragraphs);
  const date = header.dateLine === null ? null : parseDateLine(header.dateLine, blockContext.retrievedAt);
  if (paragraphs.length === 0) {
    warnings.push({ file: context.file, line: titleIndex + 1, message: `${articleLabel(title)} has no body text` });
  }
  const article: ParsedArticle = {
    title,
    url: header.url,
    source: header.source,
    author: header.author,
    publishedAt: date?.iso ?? null,
    publishedApprox: date?.approx ?? false,
    dateline,
    caption: scanned.caption,
    highlights: scanned.highlights,
    paragraphs,
  };
  return { article, retrievedAt: header.retrievedAt };
}

/** The title line: the first line that is not blank, a header line, page chrome or a date. */
function findTitle(
  lines: Line[],
  range: LineRange,
  header: Header,
  context: ParseContext,
  warnings: ParseWarning[],
): number | null {
  for (let i = range.from; i < range.to; i++) {
    const line = lines[i]!.text.trim();
    if (line === '') continue;
    if (applyMetaLine(line, i + 1, header, context, warnings, false)) continue;
    if (isChromeLine(line)) continue;
    if (header.dateLine === null && isDateText(line)) {
      header.dateLine = line;
      continue;
    }
    return i;
  }
  // nothing looks like a title: the first non-empty line that is not a header line is the title
  for (let i = range.from; i < range.to; i++) {
    const line = lines[i]!.text.trim();
    if (line === '' || isMetaLine(line)) continue;
    if (header.dateLine === line) header.dateLine = null;
    return i;
  }
  return null;
}

/**
 * Walks the header after the title: captions, chrome, the date, the title repeat, highlights and bylines.
 * A caption candidate (a line ending in a credit like "(AFP)") only counts when the header shows other page
 * structure or the body opens with a dateline; otherwise it is the first body paragraph.
 */
function scanHeader(
  lines: Line[],
  range: LineRange,
  title: string,
  header: Header,
  context: ParseContext,
  warnings: ParseWarning[],
): { bodyStart: number; caption: string | null; highlights: string[] } {
  const titleKey = comparisonKey(title);
  const highlights: string[] = [];
  let captionIndex: number | null = null;
  let structured = false;
  let i = range.from;
  for (; i < range.to; i++) {
    const line = lines[i]!.text.trim();
    if (line === '') continue;
    if (line.length > MAX_HEADER_LINE * 2) break;
    if (applyMetaLine(line, i + 1, header, context, warnings, true) || isChromeLine(line)) {
      structured = true;
    } else if (isDateText(line)) {
      header.dateLine ??= line;
      structured = true;
    } else if (isRepeatOf(line, titleKey)) {
      structured = true;
    } else if (BULLET.test(line) && line.length <= MAX_HEADER_LINE * 2) {
      highlights.push(line.replace(BULLET_MARKER, '').trim());
      structured = true;
    } else if (captionIndex === null && highlights.length === 0 && isCaptionLine(line)) {
      captionIndex = i;
    } else {
      break;
    }
  }
  if (captionIndex === null) return { bodyStart: i, caption: null, highlights };
  const opensWithDateline = i < range.to && matchDateline(lines[i]!.text.trim()) !== null;
  if (!structured && !opensWithDateline) return { bodyStart: captionIndex, caption: null, highlights };
  return { bodyStart: i, caption: lines[captionIndex]!.text.trim(), highlights };
}

function isCaptionLine(line: string): boolean {
  const credit = CAPTION_CREDIT.exec(line);
  // the credit must follow some caption text
  return credit !== null && credit.index >= 10;
}

/**
 * Body paragraphs: one per line, dropping blank and chrome lines, ALL-CAPS lines as headings.
 * Hard-wrapped text (short lines whose breaks fall mid-sentence) keeps each blank-separated group as one paragraph.
 */
function readBody(text: string, lines: Line[], range: LineRange): Paragraph[] {
  const groups = groupLines(lines, range);
  const wrapped = looksHardWrapped(lines, groups);
  const paragraphs: Paragraph[] = [];
  for (const group of groups) {
    if (wrapped && group.to - group.from > 1) {
      const span = trimSpan(text, lines[group.from]!.start, lines[group.to - 1]!.end);
      paragraphs.push(makeParagraph(text, span.start, span.end, 'body'));
      continue;
    }
    for (let i = group.from; i < group.to; i++) {
      const line = lines[i]!;
      if (isChromeLine(line.text)) continue;
      const span = trimSpan(text, line.start, line.end);
      paragraphs.push(makeParagraph(text, span.start, span.end, isHeadingLine(line.text) ? 'heading' : 'body'));
    }
  }
  return paragraphs;
}

/** Runs of consecutive non-blank lines. */
function groupLines(lines: Line[], range: LineRange): LineRange[] {
  const groups: LineRange[] = [];
  let start: number | null = null;
  for (let i = range.from; i < range.to; i++) {
    const blank = lines[i]!.text.trim() === '';
    if (!blank && start === null) start = i;
    if (blank && start !== null) {
      groups.push({ from: start, to: i });
      start = null;
    }
  }
  if (start !== null) groups.push({ from: start, to: range.to });
  return groups;
}

function looksHardWrapped(lines: Line[], groups: LineRange[]): boolean {
  let inner = 0;
  let midSentence = 0;
  for (const group of groups) {
    for (let i = group.from; i < group.to; i++) {
      const line = lines[i]!.text.trimEnd();
      if (line.length > 100) return false;
      if (i === group.to - 1) continue;
      inner++;
      if (!/[.!?:;"”’')\]]$/.test(line)) midSentence++;
    }
  }
  return inner > 0 && midSentence * 10 >= inner * 6;
}
