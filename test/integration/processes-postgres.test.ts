import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { startLive } from '../helpers/bot-process.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The JSON log lines (pino) a bot wrote with message `msg`. */
function logLines(stderr: string, msg: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);
}

describePg('two bot processes on one PostgreSQL database', () => {
  it('ingest a shared folder once between them, both answer, report healthy and release their claims on SIGTERM', async () => {
    const database = await createTestDatabase();
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-two-'));
    const articles = join(root, 'articles');
    mkdirSync(articles);
    copyFileSync(join(ROOT, 'articles', '000_a81465b85111eb58.txt'), join(articles, 'seed.txt'));
    for (let i = 0; i < 40; i++) {
      writeFileSync(
        join(articles, `council-${i}.txt`),
        `Council approves budget line ${i}\n\n"This line ${i} matters," said treasurer Ines Alvarado on Monday.\n`,
      );
    }
    const env = (name: string) => ({
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      ARTICLES_DIR: articles,
      WATCH_ARTICLES: 'false',
      INSTANCE_ID: name,
      HEALTH_PORT: '0',
      DIGESTS_PATH: join(root, 'digests.json'),
      SOURCES_PATH: join(root, 'sources.json'),
    });
    const bots = [startLive(env('bot-a')), startLive(env('bot-b'))];
    const client = new pg.Client({ connectionString: database.url });
    try {
      await Promise.all(bots.map((bot) => bot.untilLog('adapter started')));
      const added = bots.map((bot) =>
        logLines(bot.err(), 'articles directory synced').reduce((sum, line) => sum + Number(line.added ?? 0), 0),
      );
      // 41 files: each ingested by exactly one of the two
      expect((added[0] ?? 0) + (added[1] ?? 0)).toBe(41);

      for (const bot of bots) {
        const port = Number(logLines(bot.err(), 'health endpoint listening on /healthz')[0]?.port);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ ok: true, database: { ok: true, kind: 'postgres' } });
        bot.child.stdin.write('/news who Alvarado\n');
        await bot.untilOut('== Ines Alvarado ==');
      }

      await client.connect();
      const counts = await client.query<{ articles: number }>('SELECT count(*)::int AS articles FROM articles');
      expect(counts.rows[0]?.articles).toBe(42);
      for (const bot of bots) bot.child.kill('SIGTERM');
      const codes = await Promise.all(bots.map(async (bot) => ((await once(bot.child, 'close')) as [number])[0]));
      expect(codes).toEqual([0, 0]);
      const claims = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM work_claims');
      expect(claims.rows[0]?.n).toBe(0);
    } finally {
      for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await client.end().catch(() => undefined);
      await database.drop();
    }
    // two bot processes start (tsx, migrations, the analysis workers) and ingest 41 files on a 2-core runner: about 4 s
    // idle, past the default 20 s when the machine is busy with other work
  }, 60_000);
});
