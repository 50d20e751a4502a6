import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './stats.js';

const ROOT = new URL('../', import.meta.url).pathname;

export interface ProcessFigures {
  /** process start to the first adapter started (the store opened, the folder synced) */
  coldStartMs: number;
  /** then the first command answered */
  firstReplyMs: number;
  rssAfterStartMb: number;
  rssAfterCommandsMb: number;
  commands: number;
}

/**
 * Start `npm start`'s entry point on an existing database (nothing recomputed), wait for it to be ready,
 * then feed it `commands` console commands and read its memory at rest before and after.
 */
export function benchProcess(databasePath: string, commands: number): Promise<ProcessFigures> {
  return new Promise((resolve, reject) => {
    const articles = mkdtempSync(join(tmpdir(), 'newsdesk-bench-empty-'));
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_PATH: databasePath,
        ARTICLES_DIR: articles,
        WATCH_ARTICLES: 'false',
        LOG_LEVEL: 'info',
        DOTENV_CONFIG_PATH: join(articles, 'none.env'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let ready = 0;
    let first = 0;
    let answered = 0;
    let stdout = '';
    let stderr = '';
    const rss: number[] = [];
    const readRss = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        rss.push(kb * 1024);
      } catch {
        rss.push(0);
      }
    };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!ready && stderr.includes('adapter started')) {
        ready = performance.now() - start;
        readRss();
        child.stdin.write('/news latest 3\n');
      }
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const count = stdout.split('\n== ').length - 1 + (stdout.startsWith('== ') ? 1 : 0);
      if (count > answered) {
        answered = count;
        if (answered === 1) {
          first = performance.now() - start - ready;
          const lines = [];
          for (let i = 0; i < commands; i++) {
            lines.push(i % 3 === 0 ? '/news who Johnson' : i % 3 === 1 ? '/news latest 5' : '/news search election');
          }
          child.stdin.write(`${lines.join('\n')}\n`);
        }
        if (answered === commands + 1) {
          readRss();
          child.stdin.end();
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!ready) return reject(new Error(`process exited (${code}) before ready: ${stderr.slice(-500)}`));
      resolve({
        coldStartMs: round(ready, 1),
        firstReplyMs: round(first, 1),
        rssAfterStartMb: round((rss[0] ?? 0) / 1024 / 1024, 1),
        rssAfterCommandsMb: round((rss[1] ?? 0) / 1024 / 1024, 1),
        commands,
      });
    });
  });
}
