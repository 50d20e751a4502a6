import type { Paragraph } from '../articles/article.js';

/**
 * Line-level reading shared by the article parsers: lines with their offsets, paragraphs cut from them,
 * ALL-CAPS headings, bylines and datelines.
 */

/** One line of a text, without its line break. `end` is exclusive. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

// a heading is a short line; longer ones are not examined, which keeps the regexes cheap
const MAX_HEADING_LINE = 120;

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
