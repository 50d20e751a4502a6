/**
 * The loopback Discord and Slack fakes in a process of their own, as the real platforms are: the
 * bot's event loop then carries only the bot's work. Driven by the benchmark over IPC; it sends each
 * interaction and times it from dispatch until the reply reaches it.
 */
import { randomUUID } from 'node:crypto';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import { FakeSlack, postSigned, slashCommandFields } from '../test/fakes/fake-slack.js';
import { summarize } from './stats.js';

export type HostRequest =
  | { type: 'start' }
  | { type: 'discord'; name: string; options: Record<string, string | number>; runs: number; concurrency: number }
  | { type: 'slack'; endpoint: string; secret: string; text: string; runs: number; concurrency: number }
  | { type: 'stop' };

let discord: FakeDiscord | undefined;
let slack: FakeSlack | undefined;

/** `reset` runs between sends and rounds (never during one), to keep the fakes' records small. */
async function measure(runs: number, concurrency: number, send: () => Promise<void>, reset: () => void) {
  for (let i = 0; i < 10; i++) await send();
  const single: number[] = [];
  for (let i = 0; i < runs; i++) {
    reset();
    const start = performance.now();
    await send();
    single.push(performance.now() - start);
  }
  const concurrent: number[] = [];
  for (let round = 0; round < Math.max(2, Math.ceil(runs / concurrency)); round++) {
    reset();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const start = performance.now();
        await send();
        concurrent.push(performance.now() - start);
      }),
    );
  }
  return { single: summarize(single), concurrent: summarize(concurrent) };
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'start':
      discord = await FakeDiscord.start();
      slack = await new FakeSlack().start();
      return { discordApi: discord.apiUrl, applicationId: discord.applicationId, slackApi: slack.apiUrl };
    case 'discord': {
      const fake = discord as FakeDiscord;
      return measure(
        request.runs,
        request.concurrency,
        async () => {
          const interaction = fake.sendCommand(request.name, request.options);
          const callback = await fake.waitForCallback(interaction, 30_000);
          if ((callback.body as { type: number }).type === 5) {
            await fake.waitFor(
              (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`),
              30_000,
            );
          }
        },
        () => {
          fake.calls.length = 0;
        },
      );
    }
    case 'slack': {
      const fake = slack as FakeSlack;
      return measure(
        request.runs,
        request.concurrency,
        async () => {
          const id = randomUUID();
          const response = await postSigned(
            request.endpoint,
            request.secret,
            slashCommandFields(request.text, fake.responseUrl(id)),
          );
          if (response.status !== 200) throw new Error(`slack answered ${response.status}`);
          await fake.waitForResponse(id, 1, 30_000);
        },
        () => {
          fake.calls.length = 0;
        },
      );
    }
    case 'stop':
      await discord?.stop();
      await slack?.stop();
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
