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

/** The process logger: JSON lines on stderr (stdout belongs to command output). */
export function createLogger(level: string): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'newsdesk' } },
    pino.destination(2),
  );
}
