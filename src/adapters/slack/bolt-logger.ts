import { inspect } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** Bolt's level for the process's LOG_LEVEL: Bolt has no trace, fatal or silent, so they map to their neighbours. */
export function boltLogLevel(level: string): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'warn':
      return LogLevel.WARN;
    case 'error':
    case 'fatal':
    case 'silent':
      return LogLevel.ERROR;
    default:
      return LogLevel.INFO;
  }
}

// Slack bot, user, app-level and refresh tokens
const TOKEN_PATTERN = /\bx(?:ox[a-z]|app|oxe\.xox[a-z])-[A-Za-z0-9-]+/g;

/** Replaces Slack tokens and the given secrets in a log line. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const secret of secrets) {
    if (secret.length >= 6) redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}

/**
 * Adapts newsdesk's Logger port to Bolt's Logger interface (used by the App, its receivers and WebClient).
 * Messages are flattened to one string with tokens and the given secrets redacted, and logged with
 * `{ component: 'slack', name }` bindings.
 */
export function createBoltLogger(
  logger: Logger,
  options: { secrets?: readonly string[]; level?: LogLevel } = {},
): BoltLogger {
  let level = options.level ?? LogLevel.INFO;
  let name = 'bolt';
  const secrets = options.secrets ?? [];
  const write = (at: LogLevel, args: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const msg = redactSecrets(args.map(formatArgument).join(' '), secrets);
    logger[at]({ component: 'slack', name }, msg);
  };
  return {
    debug: (...args: unknown[]) => write(LogLevel.DEBUG, args),
    info: (...args: unknown[]) => write(LogLevel.INFO, args),
    warn: (...args: unknown[]) => write(LogLevel.WARN, args),
    error: (...args: unknown[]) => write(LogLevel.ERROR, args),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  // an error's message and code are enough; stacks and request configs can carry headers
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' ? `${value.name} [${code}]: ${value.message}` : `${value.name}: ${value.message}`;
  }
  return inspect(value, { depth: 3, breakLength: Number.POSITIVE_INFINITY });
}
