import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { startLive } from '../helpers/bot-process.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describePg('Discord bot processes sharing one PostgreSQL database', () => {
  it('split the shards between them, each answering its guilds, and a third asking for a taken shard refuses to start', async () => {
    const database = await createTestDatabase();
    const fake = await FakeDiscord.start({ shards: 2 });
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-shards-'));
    const zero = fake.addGuild({ shard: [0, 2], name: 'Shard zero desk' });
    const one = fake.addGuild({ shard: [1, 2], name: 'Shard one desk' });
    const env = (name: string, shardIds: string) => ({
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      ARTICLES_DIR: join(ROOT, 'articles'),
      WATCH_ARTICLES: 'false',
      INSTANCE_ID: name,
      DIGESTS_PATH: join(root, 'digests.json'),
      SOURCES_PATH: join(root, 'sources.json'),
      DISCORD_TOKEN: 'MTIz.fake-bot.process-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARD_COUNT: '2',
      DISCORD_SHARD_IDS: shardIds,
    });
    const bots = [startLive(env('bot-a', '0')), startLive(env('bot-b', '1'))];
    try {
      await Promise.all(bots.map((bot) => bot.untilLog('adapter started')));
      expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);

      for (const guild of [zero, one]) {
        const interaction = fake.sendCommand('who', { name: 'Rubio' }, { guildId: guild.id });
        expect((await fake.waitForCallback(interaction)).status).toBe(204);
        expect(JSON.stringify(fake.responseOf(interaction)?.embeds)).toContain('US Secretary of State');
      }

      const third = startLive(env('bot-c', '0'));
      const [code] = (await once(third.child, 'close')) as [number | null];
      expect(code).toBe(1);
      expect(third.err()).toContain('Discord shard 0 of 2 is already run by bot-a:');
      expect(fake.identifies).toHaveLength(2);

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
