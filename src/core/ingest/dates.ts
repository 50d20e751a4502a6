/**
 * Dates as news pages write them: absolute ("Updated 20 December 2025", "December 20, 2025 14:05 GMT"),
 * relative to retrieval ("55 min 41 sec ago") and, in metadata, ISO 8601 and RFC 2822 timestamps.
 * Shared by the article parsers and the feed reader.
 */

/** A date read from an article: ISO timestamp, and whether it came from a relative phrase. */
export interface ResolvedDate {
  iso: string;
  approx: boolean;
}

// a date line is short; longer lines are not read as dates, which keeps the regexes cheap
const MAX_DATE_LINE = 80;

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
