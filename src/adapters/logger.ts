import { pino } from 'pino';
import type { Logger } from '../core/ports.js';

/** Paths pino blanks out wherever they appear in a log object, so tokens never reach the logs. */
const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.apiKey',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Longer strings in a log line are cut: one hostile article title must not make a line of megabytes. */
const MAX_LOG_STRING = 1_000;
const MAX_LOG_ITEMS = 50;

/** The process logger: JSON lines on stderr (stdout belongs to command output), long fields cut. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { app: 'newsdesk' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => truncateLogValue(arg, 0)) as typeof args);
        },
      },
    },
    destination,
  );
}

/** A log argument with strings cut to {@link MAX_LOG_STRING} and arrays to {@link MAX_LOG_ITEMS}, a few levels deep. */
export function truncateLogValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length <= MAX_LOG_STRING
      ? value
      : `${value.slice(0, MAX_LOG_STRING)}… (${value.length - MAX_LOG_STRING} more characters)`;
  }
  if (value === null || typeof value !== 'object' || value instanceof Error || depth >= 4) return value;
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_LOG_ITEMS).map((item) => truncateLogValue(item, depth + 1));
    return value.length > MAX_LOG_ITEMS ? [...items, `… (${value.length - MAX_LOG_ITEMS} more items)`] : items;
  }
  const prototype = Object.getPrototypeOf(value);
  // only plain objects are rebuilt; anything else keeps its own serialisation
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, truncateLogValue(item, depth + 1)]));
}
