import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('the process logger', () => {
  it('cuts long fields so one hostile title cannot make a log line of megabytes', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    const title = 'Breaking news '.repeat(400_000);
    logger.warn(
      { file: 'one-line.txt', message: `article "${title}" has no body text`, items: Array(500).fill('x') },
      'article file problem',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line.length).toBeLessThan(3_000);
    const record = JSON.parse(line);
    expect(record.message).toMatch(/^article "Breaking news Breaking news .*… \(5599\d{3} more characters\)$/);
    expect(record.items).toHaveLength(51);
    expect(record.file).toBe('one-line.txt');
  });

  it('still redacts tokens inside cut objects', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ token: 'xoxb-secret', nested: { token: 'xoxb-secret' } }, 'configured');
    expect(lines[0]).not.toContain('xoxb-secret');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ token: '[redacted]', nested: { token: '[redacted]' } });
  });
});
