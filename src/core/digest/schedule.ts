import { Cron } from 'croner';

/** What a digest subscription delivers: articles mentioning these people or containing these words. */
export interface DigestFilter {
  people: string[];
  keywords: string[];
}

export interface ParsedSchedule {
  /** the schedule as the user should see it ("weekdays 08:00") */
  schedule: string;
  /** the 5-field cron expression it stands for */
  cron: string;
  timezone: string;
  filter: DigestFilter;
}

export type ScheduleResult = { ok: true; value: ParsedSchedule } | { ok: false; error: string };

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export const SCHEDULE_EXAMPLES =
  'Examples: "daily 08:00", "weekdays 18:30 Europe/Berlin", "hourly", "weekly mon 09:00", "0 8 * * 1-5 who:Rubio ukraine".';

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseTime(text: string | undefined): { hour: number; minute: number } | null {
  const match = /^([01]?\d|2[0-3])(?::([0-5]\d))?$/.exec(text ?? '');
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2] ?? '0') };
}

/** Whether croner accepts a 5-field expression. */
function isValidCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Read a schedule as typed in chat: a preset or a 5-field cron expression, then optionally an IANA
 * timezone, then filters (`who:Rubio`, other words are keywords). Errors say what is wrong, with examples.
 */
export function parseSchedule(
  words: string[],
  options: { defaultTimezone: string; timezone?: string | undefined; filter?: string | undefined },
): ScheduleResult {
  const tokens = [...words, ...(options.filter ? options.filter.split(/\s+/) : [])].filter(Boolean);
  const first = tokens[0]?.toLowerCase();
  let schedule: string;
  let cron: string;
  let used: number;
  if (first === undefined) return { ok: false, error: `Give a schedule. ${SCHEDULE_EXAMPLES}` };
  if (first === 'hourly') {
    [schedule, cron, used] = ['hourly', '0 * * * *', 1];
  } else if (first === 'daily' || first === 'weekdays') {
    const time = parseTime(tokens[1]);
    if (!time) return { ok: false, error: `"${first}" needs a time like 08:00. ${SCHEDULE_EXAMPLES}` };
    const days = first === 'daily' ? '*' : '1-5';
    [schedule, cron, used] = [`${first} ${pad(time)}`, `${time.minute} ${time.hour} * * ${days}`, 2];
  } else if (first === 'weekly') {
    const day = DAYS.indexOf((tokens[1] ?? '').toLowerCase().slice(0, 3));
    const time = parseTime(tokens[2]);
    if (day < 0 || !time) {
      return { ok: false, error: `"weekly" needs a day and a time, like "weekly mon 09:00". ${SCHEDULE_EXAMPLES}` };
    }
    [schedule, cron, used] = [`weekly ${DAYS[day]} ${pad(time)}`, `${time.minute} ${time.hour} * * ${day}`, 3];
  } else {
    const fields = tokens.slice(0, 5);
    const expression = fields.join(' ');
    if (fields.length < 5 || !fields.every((f) => /^[\d*/,\-a-z]+$/i.test(f)) || !isValidCron(expression)) {
      return { ok: false, error: `"${tokens.slice(0, 5).join(' ')}" is not a schedule. ${SCHEDULE_EXAMPLES}` };
    }
    [schedule, cron, used] = [expression, expression, 5];
  }
  let rest = tokens.slice(used);
  let timezone = options.timezone?.trim() || undefined;
  const zoneWord = rest[0];
  if (!timezone && zoneWord && (zoneWord.includes('/') || /^(utc|gmt)$/i.test(zoneWord))) {
    timezone = zoneWord.toUpperCase() === 'GMT' || zoneWord.toUpperCase() === 'UTC' ? 'UTC' : zoneWord;
    rest = rest.slice(1);
  }
  timezone ??= options.defaultTimezone;
  if (!isValidTimezone(timezone)) {
    return {
      ok: false,
      error: `"${timezone}" is not a timezone. Use an IANA name like Europe/Berlin or America/New_York.`,
    };
  }
  const filter: DigestFilter = { people: [], keywords: [] };
  for (const word of rest) {
    const who = /^(?:who|person):(.+)$/i.exec(word);
    if (who?.[1]) filter.people.push(who[1].replaceAll('_', ' '));
    else filter.keywords.push(word.toLowerCase());
  }
  return { ok: true, value: { schedule, cron, timezone, filter } };
}

function pad(time: { hour: number; minute: number }): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The most recent scheduled time at or before `now`, or null if there is none. */
export function latestSlot(cron: string, timezone: string, now: Date): Date | null {
  // croner looks strictly before its argument, at whole seconds: one second later includes `now` itself
  return cronFor(cron, timezone).previousRuns(1, new Date(now.getTime() + 1000))[0] ?? null;
}

/** The next scheduled time after `now`. */
export function nextSlot(cron: string, timezone: string, now: Date): Date | null {
  return cronFor(cron, timezone).nextRun(now);
}

const cronCache = new Map<string, Cron>();

/** Parsed schedules are reused: the scheduler asks for the same few on every tick. */
function cronFor(cron: string, timezone: string): Cron {
  const key = `${cron}|${timezone}`;
  let job = cronCache.get(key);
  if (!job) {
    job = new Cron(cron, { timezone, paused: true });
    if (cronCache.size > 1000) cronCache.clear();
    cronCache.set(key, job);
  }
  return job;
}

/** "who:Rubio ukraine" for display. */
export function describeFilter(filter: DigestFilter): string {
  return [...filter.people.map((p) => `who:${p.replaceAll(' ', '_')}`), ...filter.keywords].join(' ');
}
