import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FakeDiscord, MANAGER_PERMISSIONS } from '../fakes/fake-discord.js';
import { startLive } from '../helpers/bot-process.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

/** An article file with one quote by `speaker`, named by `token`. */
function article(token: string, speaker: string): string {
  return `Harbour board approves ${token}\n\nThe harbour board approved the ${token} plan on Tuesday after a long debate.\n"This plan keeps the ferries running for every island family," said Finance Minister ${speaker}.\nCritics said the plan ignored the northern piers.\n`;
}

describePg('live alerts from bot processes sharing one PostgreSQL database', () => {
  it('post each new quote of a followed speaker once, from a file dropped in the shared folder, and not again after a restart', async () => {
    const database = await createTestDatabase();
    const fake = await FakeDiscord.start({ shards: 2 });
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-alerts-'));
    const articles = mkdtempSync(join(tmpdir(), 'newsdesk-alert-articles-'));
    const desk = fake.addGuild({ shard: [0, 2], name: 'Harbour desk' });
    fake.addGuild({ shard: [1, 2], name: 'Other desk' });
    const env = (name: string, shardIds: string) => ({
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      ARTICLES_DIR: articles,
      INSTANCE_ID: name,
      DIGESTS_PATH: join(root, 'digests.json'),
      SOURCES_PATH: join(root, 'sources.json'),
      ANALYSIS_THREADS: '0',
      ALERT_POLL_MS: '300',
      DISCORD_TOKEN: 'MTIz.fake-bot.process-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARD_COUNT: '2',
      DISCORD_SHARD_IDS: shardIds,
    });
    let bots = [startLive(env('bot-a', '0')), startLive(env('bot-b', '1'))];
    const alertsNaming = (token: string) =>
      fake.calls.filter(
        (c) =>
          c.method === 'POST' &&
          c.path === `/channels/${desk.channelId}/messages` &&
          JSON.stringify(c.body).includes(token),
      );
    const alertFor = (token: string) =>
      fake.waitFor(
        (c) =>
          c.method === 'POST' &&
          c.path === `/channels/${desk.channelId}/messages` &&
          JSON.stringify(c.body).includes(token),
        20_000,
      );
    try {
      await Promise.all(bots.map((bot) => bot.untilLog('adapter started')));
      // one speaker per step: each follow posts at most once a minute
      for (const name of ['Ingrid Vandermeer', 'Rasmus Okonkwo', 'Priya Szabo']) {
        const interaction = fake.sendCommand(
          'follow who',
          { name },
          { guildId: desk.id, permissions: MANAGER_PERMISSIONS },
        );
        await fake.waitForCallback(interaction);
        expect(JSON.stringify(fake.responseOf(interaction))).toContain(`every new quote by ${name}`);
      }

      writeFileSync(join(articles, 'first.txt'), article('firstplanx', 'Ingrid Vandermeer'));
      const first = await alertFor('firstplanx');
      expect(first.status).toBe(200);
      expect(JSON.stringify(first.body)).toContain('This plan keeps the ferries running');
      // both processes tick every 300 ms: by the time the next alert is out, each has seen the first one delivered
      writeFileSync(join(articles, 'second.txt'), article('secondplanx', 'Rasmus Okonkwo'));
      await alertFor('secondplanx');
      expect(alertsNaming('firstplanx')).toHaveLength(1);

      // a restart of the process that posted neither or both: nothing is posted again
      bots[0]?.child.kill('SIGTERM');
      if (bots[0]) await once(bots[0].child, 'close');
      bots = [startLive(env('bot-a', '0')), ...bots.slice(1)];
      await bots[0]?.untilLog('adapter started');
      writeFileSync(join(articles, 'third.txt'), article('thirdplanx', 'Priya Szabo'));
      await alertFor('thirdplanx');
      expect(alertsNaming('firstplanx')).toHaveLength(1);
      expect(alertsNaming('secondplanx')).toHaveLength(1);
      expect(alertsNaming('thirdplanx')).toHaveLength(1);

      for (const bot of bots) bot.child.kill('SIGTERM');
      const codes = await Promise.all(bots.map(async (bot) => ((await once(bot.child, 'close')) as [number])[0]));
      expect(codes).toEqual([0, 0]);
    } finally {
      for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
      await database.drop();
    }
  });
});
