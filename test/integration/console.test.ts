import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter, handleConsoleLine } from '../../src/adapters/console/console-adapter.js';
import { sanitizeTerminal } from '../../src/adapters/console/render.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

let desk: TestDesk;
beforeAll(async () => {
  desk = await createSeedDeps();
});
afterAll(() => desk.close());

describe('console adapter', () => {
  it('answers piped commands line by line and closes at end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const closed = new Promise<void>((resolve) => {
      const adapter = createConsoleAdapter({
        deps: desk.deps,
        logger: createTestLogger(),
        input,
        output,
        interactive: false,
        onClose: resolve,
      });
      void adapter.start();
    });
    input.end('/news who Rubio\nlatest 1\n/news nonsense\n');
    await closed;
    expect(text).toContain('== Marco Rubio ==');
    expect(text).toContain('US Secretary of State');
    expect(text).toContain('“In the end, it’s up to them to make a deal.');
    // the seed article is dated "55 min 41 sec ago": its quotes show the day as approximate
    expect(text).toMatch(/Rubio to visit eastern Europe, bolster ties with pro-Trump leaders, ~\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('== Latest news ==');
    expect(text).toContain('There is no /news nonsense. Try /news help');
  });

  it('finds who said something about a topic and one speaker’s quotes about it, and says alerts go to chat', async () => {
    const logger = createTestLogger();
    const about = await handleConsoleLine('/news who Rubio about bilateral', desk.deps, logger);
    expect(about).toContain('== Marco Rubio about "bilateral" (2 quotes) ==');
    expect(about).toContain('we were going to do that visit as a bilateral');
    const grouped = await handleConsoleLine('/news quotes nuclear', desk.deps, logger);
    expect(grouped).toContain('ROBERT FICO (1 QUOTE)');
    expect(grouped).toContain('Westinghouse');
    const follow = await handleConsoleLine('/news follow who Rubio', desk.deps, logger);
    expect(follow).toContain('Alerts are posted into chat channels');
  });

  it('shows usage and an example for a bad option', async () => {
    const out = await handleConsoleLine('/news latest 99', desk.deps, createTestLogger());
    expect(out).toContain('Option "count"');
    expect(out).toContain('Usage: /news latest [count]. Example: /news latest 5');
  });

  it('reports a word given for a number as a bad value, not as a missing one', async () => {
    const out = await handleConsoleLine('/news latest many', desk.deps, createTestLogger());
    expect(out).toContain('Option "count": must be a whole number from 1 to 10');
    expect(out).not.toContain('is required');
  });

  it('logs a failing command and prints a short apology', async () => {
    const logger = createTestLogger();
    const broken = {
      ...desk.deps,
      news: {
        ...desk.deps.news,
        who: () => {
          throw new Error('disk on fire');
        },
      },
    };
    const out = await handleConsoleLine('/news who Rubio', broken, logger);
    expect(out).toBe('Sorry, /news who failed. The error was logged.\n');
    expect(logger.records[0]).toMatchObject({ level: 'error', obj: { command: 'who', err: 'disk on fire' } });
  });

  it('strips terminal escape sequences from article text', () => {
    expect(sanitizeTerminal('a\x1b[2J\x1b[31mb\x07c')).toBe('abc');
  });
});
