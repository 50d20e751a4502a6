import type { Paragraph, ParsedArticle } from '../articles/article.js';
import { articleLabel } from './limits.js';
import type { ParseContext, ParsedFile, ParseWarning } from './parse-file.js';

/** One line of a text, without its line break. `end` is exclusive. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** A date read from an article: ISO timestamp, and whether it came from a relative phrase. */
export interface ResolvedDate {
  iso: string;
  approx: boolean;
}

// every line classifier looks only at lines up to this long, which keeps the regexes cheap
const MAX_HEADER_LINE = 200;
const MAX_DATE_LINE = 80;
const MAX_HEADING_LINE = 120;
/** How many lines after a candidate title a boundary rule looks for its repeat, a date or chrome. */
const BOUNDARY_LOOKAHEAD = 8;

const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};

// offsets in minutes; ambiguous abbreviations (IST, AST) are left out on purpose
const ZONE_OFFSETS: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  et: -300,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
};

const SECOND = 1000;
const UNIT_MS: Record<string, number> = {
  s: SECOND,
  sec: SECOND,
  secs: SECOND,
  second: SECOND,
  seconds: SECOND,
  m: 60 * SECOND,
  min: 60 * SECOND,
  mins: 60 * SECOND,
  minute: 60 * SECOND,
  minutes: 60 * SECOND,
  h: 3600 * SECOND,
  hr: 3600 * SECOND,
  hrs: 3600 * SECOND,
  hour: 3600 * SECOND,
  hours: 3600 * SECOND,
  d: 86400 * SECOND,
  day: 86400 * SECOND,
  days: 86400 * SECOND,
  w: 7 * 86400 * SECOND,
  wk: 7 * 86400 * SECOND,
  wks: 7 * 86400 * SECOND,
  week: 7 * 86400 * SECOND,
  weeks: 7 * 86400 * SECOND,
  mo: 30 * 86400 * SECOND,
  month: 30 * 86400 * SECOND,
  months: 30 * 86400 * SECOND,
  y: 365 * 86400 * SECOND,
  yr: 365 * 86400 * SECOND,
  yrs: 365 * 86400 * SECOND,
  year: 365 * 86400 * SECOND,
  years: 365 * 86400 * SECOND,
};

const DATE_PREFIX =
  /^(?:(?:last\s+|first\s+)?(?:updated|published|posted|modified|created)(?:\s+on)?\s*:?\s*|(?:date|on)\s*:?\s+)?/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME_OF_DAY =
  /^\s*(?:,|at|-|–|\||T)?\s*(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*\(?\s*(z|[a-z]{2,4})\)?)?(?:\s*([+-])(\d{2}):?(\d{2}))?\s*$/i;
const RELATIVE_PART = /^(\d+|an?|one)\s*([a-z]+)\.?(?:\s*,\s*|\s+and\s+|\s+)?/i;
const EXPLICIT_ZONE = /(?:z|gmt|utc|[+-]\d{2}:?\d{2})\s*$/i;

const CHROME =
  /^(?:short\s*url|follow(?:\s+us)?|share(?:\s+(?:this|the)\s+(?:article|story|page))?|share\s+on\s+\w+|tweet|print|email|e-mail|copy\s+link|link\s+copied|comments?|save(?:\s+article)?|listen(?:\s+to\s+(?:this|the)\s+article)?|advertisement|sponsored|(?:subscribe|sign\s+up)(?:\s+(?:to|for)\s+(?:our|the)\s+\w+(?:\s+\w+)?)?|read\s+more|font\s+size|a\s*a|whatsapp|facebook|twitter|x|linkedin)\s*[:.!]?$/i;
const CHROME_PREFIXED = /^(?:read\s+more|also\s+read|related|see\s+also|more\s+on\s+this)\s*[:\-–—]\s*\S/i;
const BULLET = /^\s*(?:[•·▪◦‣●]|[-*])\s+\S/;
const BULLET_MARKER = /^\s*(?:[•·▪◦‣●]|[-*])\s+/;
const CAPTION_CREDIT = /\(\s*\p{Lu}[^()]{0,59}\)\s*$/u;
const RETRIEVED_LINE = /^retrieved\s*:\s*(\S.*)$/i;
const SOURCE_LINE = /^source\s*:\s*(\S.*)$/i;
const URL_LINE = /^url\s*:\s*(\S+)$/i;
const BYLINE = /^by\s+(\S.*)$/i;
const NAME_CONNECTORS = new Set([
  'and',
  '&',
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
]);
const DATELINE =
  /^(\p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,3})(?:,\s*[^,:;()\n]{1,30}?)?(?:\s*\([^()\n]{1,40}\))?(?::\s+|\s+[-–—]{1,2}\s+|\s*[–—]\s*)/u;
const NOT_A_PLACE = new Set([
  'BREAKING',
  'UPDATE',
  'UPDATED',
  'EXCLUSIVE',
  'WATCH',
  'LIVE',
  'ANALYSIS',
  'OPINION',
  'NOTE',
]);

/** Splits a text into lines on `\n`, `\r\n` or `\r`, keeping offsets into the text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ text: text.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

/** The span of `source[start, end)` without leading and trailing whitespace. */
export function trimSpan(source: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && isSpace(source.charCodeAt(from))) from++;
  while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0xfeff || code === 0x3000;
}

/** A paragraph for `source[start, end)`, so `source.slice(p.start, p.end) === p.text` holds by construction. */
export function makeParagraph(source: string, start: number, end: number, kind: Paragraph['kind']): Paragraph {
  return { text: source.slice(start, end), start, end, kind };
}

/**
 * Reads a whole line as a date: absolute ("Updated 20 December 2025", "December 20, 2025 14:05 GMT",
 * "2025-12-20") or relative to `retrievedAt` ("Updated 55 min 41 sec ago", "2 hours ago").
 * Times without a zone are UTC; dates without a time are midnight UTC.
 */
export function parseDateLine(line: string, retrievedAt: Date): ResolvedDate | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DATE_LINE) return null;
  const body = trimmed.replace(DATE_PREFIX, '');
  const absolute = parseAbsoluteDate(body);
  if (absolute !== null) return { iso: absolute.toISOString(), approx: false };
  const delta = parseRelativeDelta(body);
  if (delta === null) return null;
  const resolved = new Date(retrievedAt.getTime() - delta);
  return Number.isNaN(resolved.getTime()) ? null : { iso: resolved.toISOString(), approx: true };
}

/**
 * Reads a date value from structured metadata (front matter, JSON): any form `parseDateLine` reads,
 * plus full ISO 8601 and RFC 2822 timestamps with an explicit zone.
 */
export function parseDateValue(value: string, retrievedAt: Date): ResolvedDate | null {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) || (trimmed.length <= 60 && EXPLICIT_ZONE.test(trimmed))) {
    const time = Date.parse(trimmed);
    if (!Number.isNaN(time) && /\d{4}/.test(trimmed)) return { iso: new Date(time).toISOString(), approx: false };
  }
  return parseDateLine(trimmed, retrievedAt);
}

/** An absolute calendar date with optional time of day, or null. Rejects impossible dates. */
export function parseAbsoluteDate(text: string): Date | null {
  const body = text.trim().replace(WEEKDAY, '');
  const date = matchCalendarDate(body);
  if (date === null) return null;
  const rest = body.slice(date.length);
  if (rest.trim() === '') return utcDate(date.year, date.month, date.day, 0, 0, 0, 0);
  const time = TIME_OF_DAY.exec(rest);
  if (time === null) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] === undefined ? 0 : Number(time[3]);
  const meridiem = time[4]?.toLowerCase().replaceAll('.', '');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  let offset = 0;
  if (time[5] !== undefined) {
    const zone = ZONE_OFFSETS[time[5].toLowerCase()];
    if (zone === undefined) return null;
    offset = zone;
  }
  if (time[6] !== undefined) offset += (time[6] === '-' ? -1 : 1) * (Number(time[7]) * 60 + Number(time[8]));
  if (hour > 23 || minute > 59 || second > 59) return null;
  return utcDate(date.year, date.month, date.day, hour, minute, second, offset);
}

function matchCalendarDate(body: string): { year: number; month: number; day: number; length: number } | null {
  const dmy = DAY_MONTH_YEAR.exec(body);
  if (dmy !== null) {
    const month = MONTHS[dmy[2]!.toLowerCase()];
    if (month !== undefined) return { year: Number(dmy[3]), month, day: Number(dmy[1]), length: dmy[0].length };
  }
  const mdy = MONTH_DAY_YEAR.exec(body);
  if (mdy !== null) {
    const month = MONTHS[mdy[1]!.toLowerCase()];
    if (month !== undefined) return { year: Number(mdy[3]), month, day: Number(mdy[2]), length: mdy[0].length };
  }
  const iso = ISO_DATE.exec(body);
  if (iso !== null) return { year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), length: 10 };
  return null;
}

function utcDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): Date | null {
  if (month < 0 || month > 11 || day < 1 || year < 1000) return null;
  const midnight = new Date(Date.UTC(year, month, day));
  // Date.UTC rolls 31 February over into March; a real date survives the round trip
  if (midnight.getUTCMonth() !== month || midnight.getUTCDate() !== day) return null;
  return new Date(Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60 * SECOND);
}

/** Milliseconds before retrieval named by "55 min 41 sec ago", "an hour ago", "just now"; null otherwise. */
function parseRelativeDelta(text: string): number | null {
  const lower = text.trim().toLowerCase();
  if (lower === 'just now' || lower === 'moments ago') return 0;
  if (!lower.endsWith(' ago')) return null;
  let rest = lower.slice(0, -4).trim();
  let total = 0;
  let parts = 0;
  while (rest.length > 0) {
    const part = RELATIVE_PART.exec(rest);
    if (part === null) return null;
    const unit = UNIT_MS[part[2]!];
    if (unit === undefined) return null;
    const amount = /^\d+$/.test(part[1]!) ? Number(part[1]) : 1;
    total += amount * unit;
    parts++;
    rest = rest.slice(part[0].length);
  }
  return parts === 0 ? null : total;
}

/** True for page furniture lines: "Short Url", "Follow", "Share", "Advertisement", "Read more: ...". */
export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HEADER_LINE) return false;
  return CHROME.test(trimmed) || (trimmed.length <= 150 && CHROME_PREFIXED.test(trimmed));
}

/** True for an ALL-CAPS section heading ("PUTIN OFFERING NO COMPROMISE"). */
export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.length > MAX_HEADING_LINE) return false;
  // transcripts put stage directions like "(CROSSTALK)" in capitals; they are not section titles
  if (/\p{Ll}/u.test(trimmed) || /^["“'‘]?[([]/.test(trimmed)) return false;
  const capitals = trimmed.match(/\p{Lu}/gu)?.length ?? 0;
  // a lone short acronym ("NATO") is more likely a fragment than a section title
  const words = trimmed.includes(' ') || capitals >= 6;
  return words && capitals >= 4 && capitals * 2 >= trimmed.replace(/\s/g, '').length;
}

/**
 * Finds a dateline at the start of a first paragraph ("WASHINGTON: ", "NEW YORK (Reuters) - ",
 * "LONDON, Dec 3 (AFP) - "). Returns the place and where the paragraph text proper begins.
 */
export function matchDateline(text: string): { place: string; bodyOffset: number } | null {
  const match = DATELINE.exec(text.slice(0, 120));
  if (match === null) return null;
  const place = match[1]!.replace(/[.'’-]+$/, '');
  const letters = place.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters < 2 || NOT_A_PLACE.has(place)) return null;
  if (match[0].length >= text.length) return null;
  return { place, bodyOffset: match[0].length };
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

/** Reads "By Jane Doe" or "By Jane Doe, Reuters"; names must be capitalised words. */
export function parseByline(line: string): { author: string; affiliation: string | null } | null {
  const trimmed = line.trim();
  if (trimmed.length > 120) return null;
  const match = BYLINE.exec(trimmed);
  if (match === null) return null;
  const [name = '', ...rest] = match[1]!.split(',');
  const words = name.trim().split(/\s+/);
  if (words.length === 0 || words.length > 8) return null;
  const isName = words.every((word) => NAME_CONNECTORS.has(word) || /^\p{Lu}[\p{L}.'’-]*$/u.test(word));
  if (!isName || !/^\p{Lu}/u.test(words[0]!)) return null;
  const affiliation = rest.join(',').trim();
  return { author: words.join(' '), affiliation: affiliation === '' ? null : affiliation };
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

/** Removes a dateline prefix from the first body paragraph, returning the place. */
export function stripDateline(paragraphs: Paragraph[]): string | null {
  const first = paragraphs[0];
  if (first === undefined || first.kind !== 'body') return null;
  const dateline = matchDateline(first.text);
  if (dateline === null) return null;
  paragraphs[0] = {
    text: first.text.slice(dateline.bodyOffset),
    start: first.start + dateline.bodyOffset,
    end: first.end,
    kind: 'body',
  };
  return dateline.place;
}
