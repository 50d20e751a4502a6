import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import type { NewsService } from '../../src/core/news-service.js';
import { FakeSlack, postSigned, slashCommandFields } from '../fakes/fake-slack.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const SIGNING_SECRET = 'lifecycle-signing-secret-0123';

/** A promise with its resolver, so a test decides when something finishes. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** A news service whose `latest` waits for the test: `entered` resolves when it starts, `release` lets it finish. */
function holdingLatest(news: NewsService) {
  const entered = deferred();
  const release = deferred();
  const latest: NewsService['latest'] = async (options) => {
    entered.resolve();
    await release.promise;
    return news.latest(options);
  };
  const held = new Proxy(news, {
    get(target, property, receiver) {
      if (property === 'latest') return latest;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { news: held, entered, release };
}

let fake: FakeSlack;
let desk: TestDesk;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  desk = await createSeedDeps();
});

afterAll(async () => {
  await fake?.stop();
  await desk?.close();
});

describe('Slack adapter lifecycle', () => {
  let adapter: SlackAdapter;
  let endpoint: string;
  let hold: ReturnType<typeof holdingLatest>;

  beforeAll(() => {
    hold = holdingLatest(desk.deps.news);
    adapter = createSlackAdapter({
      botToken: 'xoxb-555-666-lifecycle',
      signingSecret: SIGNING_SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      deps: { ...desk.deps, news: hold.news },
      logger: createTestLogger(),
      clientOptions: { retryConfig: { retries: 0 } },
      botId: 'B0000BOT',
      botUserId: 'U0000BOT',
    });
  });

  afterAll(async () => {
    await adapter?.stop();
  });

  it('reports not started, then the HTTP port once started', async () => {
    expect(adapter.status()).toEqual({ connected: false, detail: 'not started' });
    await adapter.start();
    endpoint = `http://127.0.0.1:${adapter.port()}/slack/events`;
    expect(adapter.status()).toEqual({ connected: true, detail: `HTTP on port ${adapter.port()}` });
  });

  it('finishes a reply in flight before stopping, and turns new commands away meanwhile', async () => {
    const inFlightId = randomUUID();
    const first = await postSigned(
      endpoint,
      SIGNING_SECRET,
      slashCommandFields('latest 2', fake.responseUrl(inFlightId)),
    );
    expect(first.status).toBe(200);
    await hold.entered.promise;

    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopping (1 in flight)' });

    const lateId = randomUUID();
    const late = await postSigned(endpoint, SIGNING_SECRET, slashCommandFields('help', fake.responseUrl(lateId)));
    expect(await late.json()).toEqual({
      response_type: 'ephemeral',
      text: 'newsdesk is restarting. Please try again in a moment.',
    });
    // the held reply keeps the adapter up: a whole request came and went while it waited
    expect(stopped).toBe(false);
    expect(fake.responses(inFlightId)).toEqual([]);

    hold.release.resolve();
    await stopping;
    expect(fake.responses(inFlightId)).toHaveLength(1);
    expect(fake.responses(inFlightId)[0]?.status).toBe(200);
    expect(fake.responses(lateId)).toEqual([]);
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopped' });
    await expect(fetch(endpoint, { method: 'POST' })).rejects.toThrow();
  });

  it('stops once however often it is asked', async () => {
    await expect(Promise.all([adapter.stop(), adapter.stop()])).resolves.toEqual([undefined, undefined]);
  });
});

describe('Slack adapter options', () => {
  const base = () => ({ deps: desk.deps, logger: createTestLogger() });
  const oauth = () => ({
    clientId: '1.2',
    clientSecret: 'client-secret-x',
    stateSecret: 'state-secret-x',
    installations: {
      save: async () => {},
      get: async () => null,
      remove: async () => false,
      count: async () => 0,
    },
  });

  it('stops an adapter that never started without error', async () => {
    const adapter = createSlackAdapter({ ...base(), botToken: 'xoxb-1', signingSecret: SIGNING_SECRET });
    await adapter.stop();
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopped' });
  });

  it('stops an adapter asked to stop while it is still starting, once it has started', async () => {
    const adapter = createSlackAdapter({
      ...base(),
      botToken: 'xoxb-1',
      signingSecret: SIGNING_SECRET,
      port: 0,
      botId: 'B0000BOT',
      botUserId: 'U0000BOT',
    });
    const starting = adapter.start();
    await adapter.stop();
    await starting;
    expect(adapter.status()).toEqual({ connected: false, detail: 'stopped' });
    expect(adapter.port()).toBeUndefined();
  });

  it('refuses a bot token and OAuth together, and neither', () => {
    expect(() =>
      createSlackAdapter({ ...base(), botToken: 'xoxb-1', oauth: oauth(), signingSecret: SIGNING_SECRET }),
    ).toThrow(
      'Slack: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many, not both.',
    );
    expect(() => createSlackAdapter({ ...base(), signingSecret: SIGNING_SECRET })).toThrow(
      'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (many workspaces through OAuth).',
    );
  });

  it('runs OAuth in HTTP mode only, with every credential', () => {
    expect(() =>
      createSlackAdapter({ ...base(), oauth: oauth(), appToken: 'xapp-1', signingSecret: SIGNING_SECRET }),
    ).toThrow(
      'Installing Slack in many workspaces (OAuth) runs in HTTP mode: set SLACK_SIGNING_SECRET and unset SLACK_APP_TOKEN.',
    );
    expect(() =>
      createSlackAdapter({ ...base(), oauth: { ...oauth(), stateSecret: '' }, signingSecret: SIGNING_SECRET }),
    ).toThrow(
      'Installing Slack in many workspaces needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.',
    );
  });
});
