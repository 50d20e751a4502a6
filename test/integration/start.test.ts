import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLive } from '../helpers/bot-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Run `src/main.ts` the way `npm start` does, with stdin piped and no chat tokens. */
function start(stdin: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'newsdesk-start-')), 'n.db'),
        LOG_LEVEL: 'warn',
        // a developer's own .env must not leak into the test
        DOTENV_CONFIG_PATH: join(ROOT, 'test', 'fixtures', 'no-such.env'),
        WATCH_ARTICLES: 'false',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm start', () => {
  it('runs the console on the bundled articles when no tokens are configured, and exits at end of input', async () => {
    const { code, stdout } = await start('/news who Rubio\n/news latest\n');
    expect(code).toBe(0);
    expect(stdout).toContain('== Marco Rubio ==');
    expect(stdout).toContain('Rubio to visit eastern Europe, bolster ties with pro-Trump leaders');
  });

  it('refuses a bad configuration with what to fix and exit code 1', async () => {
    const { code, stderr, stdout } = await start('', { SLACK_PORT: 'abc' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('SLACK_PORT');
    expect(stderr).toContain('see .env.example');
  });
});

describe('npm start while running', () => {
  it('picks up an article file added to the folder without a restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-live-'));
    const articles = join(root, 'articles');
    mkdirSync(articles);
    copyFileSync(join(ROOT, 'articles', '000_a81465b85111eb58.txt'), join(articles, 'seed.txt'));
    const bot = startLive({ ARTICLES_DIR: articles, DATABASE_PATH: join(root, 'n.db'), WATCH_ARTICLES: 'true' });
    try {
      await bot.untilLog('adapter started');
      writeFileSync(
        join(articles, 'late.txt'),
        'Ferry service resumes after storm\n\n"We are glad to be sailing again," said harbour master Ines Alvarado on Monday.\n',
      );
      // the first sync happened at start-up; the second is the watcher's
      await bot.untilLog('articles directory synced', 2);
      bot.child.stdin.write('/news who Alvarado\n');
      await bot.untilOut('We are glad to be sailing again');
      expect(bot.out()).toContain('== Ines Alvarado ==');
    } finally {
      bot.child.kill('SIGTERM');
      await once(bot.child, 'close');
    }
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-term-'));
    const bot = startLive({ DATABASE_PATH: join(root, 'n.db'), WATCH_ARTICLES: 'false' });
    await bot.untilLog('adapter started');
    bot.child.kill('SIGTERM');
    const [code] = (await once(bot.child, 'close')) as [number | null];
    expect(code).toBe(0);
  });
});
