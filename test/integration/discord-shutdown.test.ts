import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { MESSAGES } from '../../src/adapters/discord/handlers.js';
import { EPHEMERAL_FLAG, FakeDiscord } from '../fakes/fake-discord.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// graceful stop through a real discord.js Client: refuse new interactions, finish replies in flight, then destroy

const TOKEN = 'MTIz.fake-bot.shutdown-token';

let fake: FakeDiscord;
let desk: TestDesk;
let adapter: DiscordAdapter;
const logger = createTestLogger();

beforeAll(async () => {
  desk = await createSeedDeps();
});

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await adapter?.stop();
  await fake?.stop();
});

afterAll(async () => {
  await desk?.close();
});

async function startAdapter(drainTimeoutMs?: number): Promise<DiscordAdapter> {
  adapter = createDiscordAdapter({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: desk.deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
    ...(drainTimeoutMs !== undefined ? { drainTimeoutMs } : {}),
  });
  await adapter.start();
  return adapter;
}

/** Whether the fake has answered the deferred edit that completes `interaction`. */
function editAnswered(interaction: { token: string }): boolean {
  return fake.calls.some(
    (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`) && c.status === 200,
  );
}

describe('stop()', () => {
  it('finishes a reply in flight, refusing new commands meanwhile, and only then disconnects', async () => {
    await startAdapter();
    expect(adapter.status()).toEqual({ connected: true, detail: '1 of 1 shard ready' });
    // `search` defers, then edits its answer in: hold that edit so the reply stays in flight
    const edit = fake.hold('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    const inFlight = fake.sendCommand('search', { terms: 'ukraine talks' });
    await edit.arrived;

    let answeredWhenDestroyed: boolean | undefined;
    const destroyClient = adapter.client.destroy.bind(adapter.client);
    const destroy = vi.spyOn(adapter.client, 'destroy').mockImplementation(() => {
      answeredWhenDestroyed = editAnswered(inFlight);
      return destroyClient();
    });
    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopping' });

    const late = fake.sendCommand('who', { name: 'Rubio' });
    const refusal = await fake.waitForCallback(late);
    expect(refusal.body).toMatchObject({ type: 4, data: { content: MESSAGES.restarting, flags: EPHEMERAL_FLAG } });
    expect(stopped).toBe(false);
    expect(destroy).not.toHaveBeenCalled();

    edit.release();
    await stopping;
    expect(destroy).toHaveBeenCalledOnce();
    expect(answeredWhenDestroyed).toBe(true);
    expect(fake.responseOf(inFlight)?.content).toBe('**Search: ukraine talks (1 article)**');
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopped' });
    expect(adapter.client.isReady()).toBe(false);
  });

  it('disconnects anyway when a reply is still in flight after the drain timeout', async () => {
    await startAdapter(20);
    const callback = fake.hold('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);
    fake.sendCommand('help');
    await callback.arrived;

    await adapter.stop();

    expect(adapter.status()).toEqual({ connected: false, detail: 'stopped' });
    expect(
      logger.records.find((r) => r.msg === 'replies still in flight at shutdown; disconnecting anyway')?.obj,
    ).toEqual({ pending: 1 });
    callback.release();
  });

  it('is safe to call twice and before start', async () => {
    await startAdapter();
    await Promise.all([adapter.stop(), adapter.stop()]);
    expect(adapter.status().detail).toBe('stopped');
    await expect(adapter.start()).rejects.toThrow('cannot start when stopped');

    const neverStarted = createDiscordAdapter({
      token: TOKEN,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      deps: desk.deps,
      logger,
    });
    await neverStarted.stop();
    expect(neverStarted.status()).toEqual({ connected: false, detail: 'stopped' });
  });
});

describe('logging', () => {
  it('never logs the bot token', () => {
    expect(logger.text()).not.toContain(TOKEN);
  });
});
