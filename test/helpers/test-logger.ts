import type { Logger } from '../../src/core/ports.js';

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

/** A Logger that records instead of printing, so tests can assert on what was logged. */
export function createTestLogger(): Logger & { records: LogRecord[]; text(): string } {
  const records: LogRecord[] = [];
  const log =
    (level: LogRecord['level']) =>
    (obj: object, msg?: string): void => {
      records.push(msg === undefined ? { level, obj } : { level, obj, msg });
    };
  return {
    records,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    text: () => records.map((r) => `${r.level} ${r.msg ?? ''} ${safeStringify(r.obj)}`).join('\n'),
  };
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
