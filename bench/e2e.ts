import { randomUUID } from 'node:crypto';
import type { CommandDeps } from '../commands/spec.js';
import { createDiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import type { Logger } from '../src/core/ports.js';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import { FakeSlack, postSigned, slashCommandFields } from '../test/fakes/fake-slack.js';
import { type Summary, summarize } from './stats.js';

export type EndToEndFigures = Record<string, Summary>;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const CONCURRENCY = 50;

/** Latency of `send` measured `runs` times one at a time, then in rounds of 50 at once. */
async function measure(runs: number, send: () => Promise<void>): Promise<{ single: Summary; concurrent: Summary }> {
  for (let i = 0; i < 10; i++) await send();
  const single: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await send();
    single.push(performance.now() - start);
  }
  const concurrent: number[] = [];
  for (let round = 0; round < Math.max(2, Math.ceil(runs / CONCURRENCY)); round++) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const start = performance.now();
        await send();
        concurrent.push(performance.now() - start);
      }),
    );
  }
  return { single: summarize(single), concurrent: summarize(concurrent) };
}

/**
 * `/news who` and `/news latest` from the platform's side in to the reply's arrival at the platform's
 * side out: a real discord.js Client and a real Bolt App against the project's loopback fakes.
 */
export async function benchEndToEnd(deps: CommandDeps, who: string, runs: number): Promise<EndToEndFigures> {
  const figures: EndToEndFigures = {};

  const discord = await FakeDiscord.start();
  const bot = createDiscordAdapter({
    token: 'MTIz.bench.token',
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    deps,
    logger: silent,
    restOptions: { retries: 0, timeout: 10_000 },
  });
  await bot.start();
  for (const [name, options] of [
    ['who', { name: who }],
    ['latest', { count: 5 }],
  ] as const) {
    const result = await measure(runs, async () => {
      const interaction = discord.sendCommand(name, options);
      const callback = await discord.waitForCallback(interaction, 30_000);
      const type = (callback.body as { type: number }).type;
      if (type === 5) {
        await discord.waitFor(
          (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`),
          30_000,
        );
      }
    });
    figures[`discord /news ${name} (single)`] = result.single;
    figures[`discord /news ${name} (50 concurrent)`] = result.concurrent;
  }
  await bot.stop();
  await discord.stop();

  const slack = await new FakeSlack().start();
  const secret = 'bench-signing-secret';
  const app = createSlackAdapter({
    botToken: 'xoxb-bench',
    signingSecret: secret,
    port: 0,
    apiUrl: slack.apiUrl,
    deps,
    logger: silent,
    botId: 'B0BENCH',
    botUserId: 'U0BENCH',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await app.start();
  const endpoint = `http://127.0.0.1:${app.port()}/slack/events`;
  for (const text of [`who ${who}`, 'latest 5']) {
    const result = await measure(runs, async () => {
      const id = randomUUID();
      const response = await postSigned(endpoint, secret, slashCommandFields(text, slack.responseUrl(id)));
      if (response.status !== 200) throw new Error(`slack answered ${response.status}`);
      await slack.waitForResponse(id, 1, 30_000);
    });
    const name = text.split(' ')[0];
    figures[`slack /news ${name} (single)`] = result.single;
    figures[`slack /news ${name} (50 concurrent)`] = result.concurrent;
  }
  await app.stop();
  await slack.stop();
  return figures;
}
