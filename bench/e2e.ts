import { type ChildProcess, fork } from 'node:child_process';
import type { CommandDeps } from '../commands/spec.js';
import { createDiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import type { Logger } from '../src/core/ports.js';
import type { HostRequest } from './platform-host.js';
import type { Summary } from './stats.js';

export type EndToEndFigures = Record<string, Summary>;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const CONCURRENCY = 50;

/** Ask the platform host process for something and wait for its answer. */
function ask<T>(host: ChildProcess, request: HostRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    host.once('message', (reply: { ok: boolean; result?: unknown; error?: string }) =>
      reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error)),
    );
    host.send(request);
  });
}

/**
 * `/news who` and `/news latest` from the platform's side in to the reply's arrival at the platform's
 * side out: a real discord.js Client and a real Bolt App in this process, the loopback fakes of
 * Discord and Slack in another (as the real platforms are), single and 50 at once.
 */
export async function benchEndToEnd(deps: CommandDeps, who: string, runs: number): Promise<EndToEndFigures> {
  const host = fork(new URL('./platform-host.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const urls = await ask<{ discordApi: string; applicationId: string; slackApi: string }>(host, { type: 'start' });
  const figures: EndToEndFigures = {};
  type Result = { single: Summary; concurrent: Summary };

  const discord = createDiscordAdapter({
    token: 'MTIz.bench.token',
    applicationId: urls.applicationId,
    apiUrl: urls.discordApi.replace(/\/$/, ''),
    deps,
    logger: silent,
    restOptions: { retries: 0, timeout: 30_000 },
  });
  await discord.start();
  for (const [name, options] of [
    ['who', { name: who }],
    ['latest', { count: 5 }],
  ] as const) {
    const result = await ask<Result>(host, { type: 'discord', name, options, runs, concurrency: CONCURRENCY });
    figures[`discord /news ${name} (single)`] = result.single;
    figures[`discord /news ${name} (${CONCURRENCY} concurrent)`] = result.concurrent;
  }
  await discord.stop();

  const secret = 'bench-signing-secret';
  const slack = createSlackAdapter({
    botToken: 'xoxb-bench',
    signingSecret: secret,
    port: 0,
    apiUrl: urls.slackApi,
    deps,
    logger: silent,
    botId: 'B0BENCH',
    botUserId: 'U0BENCH',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await slack.start();
  const endpoint = `http://127.0.0.1:${slack.port()}/slack/events`;
  for (const text of [`who ${who}`, 'latest 5']) {
    const result = await ask<Result>(host, { type: 'slack', endpoint, secret, text, runs, concurrency: CONCURRENCY });
    const name = text.split(' ')[0];
    figures[`slack /news ${name} (single)`] = result.single;
    figures[`slack /news ${name} (${CONCURRENCY} concurrent)`] = result.concurrent;
  }
  await slack.stop();
  await ask(host, { type: 'stop' });
  return figures;
}
