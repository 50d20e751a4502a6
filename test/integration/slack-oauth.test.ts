import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createSqliteInstallationStore } from '../../src/adapters/store/sqlite/installation-store.js';
import { createSqliteSubscriptionStore } from '../../src/adapters/store/sqlite/subscription-store.js';
import { createSubscriptionService } from '../../src/core/digest/subscription-service.js';
import type { InstallationStore } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeSlack, postSigned, postSignedJson, type RecordedCall, slashCommandFields } from '../fakes/fake-slack.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'client-secret-0123456789abcdef';
const STATE_SECRET = 'state-secret-0123456789abcdef';
const SIGNING_SECRET = 'signing-secret-0123456789abcdef';
const STATE_COOKIE = 'slack-app-oauth-state';

let fake: FakeSlack;
let desk: TestDesk;
let installations: InstallationStore;
let adapter: SlackAdapter;
let base: string;
const logger = createTestLogger();
/** the bot token Bolt put in each listener's context, by the request's response_url */
const tokensSeen = new Map<string, string | undefined>();
/** resolvers waiting for an installation to be deleted, by workspace */
const removals = new Map<string, () => void>();

/** Resolves once the adapter has deleted the installation of `workspaceId` (it does so after acking the event). */
function removalOf(workspaceId: string): Promise<void> {
  return new Promise((resolve) => removals.set(workspaceId, resolve));
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.addWorkspace('T0AAA', { name: 'Alpha News', channels: ['C0ALPHA'] });
  fake.addWorkspace('T0BBB', { name: 'Beta Post', channels: ['C0BETA'] });
  fake.addWorkspace('T0CCC', { name: 'Org Desk', channels: ['C0ORG'], enterpriseId: 'E0ORG' });
  desk = await createSeedDeps();
  // one database for articles, subscriptions and installations, as in production
  const stored = createSqliteInstallationStore(desk.store.db);
  installations = {
    ...stored,
    async remove(platform, workspaceId) {
      const removed = await stored.remove(platform, workspaceId);
      removals.get(workspaceId)?.();
      return removed;
    },
  };
  const subscriptions = createSubscriptionService({
    store: createSqliteSubscriptionStore(desk.store.db),
    articles: desk.store,
    clock: desk.clock,
    defaultTimezone: 'UTC',
  });
  adapter = createSlackAdapter({
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET, installations },
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    deps: { ...desk.deps, subscriptions },
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  adapter.app.use(async ({ body, context, next }) => {
    const responseUrl = (body as { response_url?: string }).response_url;
    if (responseUrl !== undefined) tokensSeen.set(responseUrl, context.botToken);
    await next();
  });
  await adapter.start();
  base = `http://127.0.0.1:${adapter.port()}`;
  fake.configureOAuth({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${base}/slack/oauth_redirect`,
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await desk?.close();
});

interface InstallRun {
  /** GET /slack/install */
  install: Response;
  /** the authorize URL the browser was sent to, and the state cookie it was given */
  authorize: URL;
  cookie: string;
  /** GET /slack/oauth_redirect?code&state, with the cookie */
  callback: Response;
  page: string;
}

/** A browser installing the app: /slack/install, approve on Slack's page for `workspace`, back to the redirect. */
async function install(workspace: { team: string } | { enterprise: string }): Promise<InstallRun> {
  const installResponse = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const authorize = new URL(installResponse.headers.get('location') ?? '');
  const cookie = (installResponse.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const approve = new URL(authorize);
  if ('team' in workspace) approve.searchParams.set('team', workspace.team);
  else approve.searchParams.set('enterprise', workspace.enterprise);
  const approved = await fetch(approve, { redirect: 'manual' });
  const callback = await fetch(approved.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
  return { install: installResponse, authorize, cookie, callback, page: await callback.text() };
}

/** Sends `/news <text>` from a workspace and waits for the answer on its response_url. */
async function slash(
  text: string,
  fields: Record<string, string>,
): Promise<{ response: RecordedCall; token: string | undefined }> {
  const responseUrl = fake.responseUrl(randomUUID());
  const res = await postSigned(`${base}/slack/events`, SIGNING_SECRET, slashCommandFields(text, responseUrl, fields));
  expect(res.status).toBe(200);
  const response = await fake.waitForResponse(responseUrl.split('/').at(-1) ?? '');
  return { response, token: tokensSeen.get(responseUrl) };
}

function headerOf(call: RecordedCall): string | undefined {
  const blocks = (call.body.blocks ?? []) as { type: string; text?: { text: string } }[];
  return blocks.find((block) => block.type === 'header')?.text?.text;
}

const digest: Reply = {
  title: 'Morning digest',
  blocks: [{ type: 'text', text: 'Two new articles about the talks.' }],
};

describe('Slack OAuth install flow against the fake', () => {
  it('installs through /slack/install and /slack/oauth_redirect, keeping the workspace and its bot token', async () => {
    const run = await install({ team: 'T0AAA' });

    expect(run.install.status).toBe(302);
    expect(`${run.authorize.origin}${run.authorize.pathname}`).toBe(fake.authorizeUrl);
    expect(run.authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(run.authorize.searchParams.get('scope')).toBe('commands,chat:write,chat:write.public');
    const state = run.authorize.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(run.cookie).toBe(`${STATE_COOKIE}=${state}`);

    const [exchange] = fake.apiCalls('oauth.v2.access');
    expect(exchange?.body).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(exchange?.status).toBe(200);
    expect(run.callback.status).toBe(200);
    expect(run.page).toContain('newsdesk is installed');
    expect(run.page).toContain('Alpha News');

    const token = fake.tokenOf('T0AAA');
    const record = await installations.get('slack', 'T0AAA');
    expect(record).toMatchObject({ platform: 'slack', workspaceId: 'T0AAA', enterpriseId: null });
    expect(record?.installedAt).toBe(desk.clock.now().toISOString());
    expect(JSON.parse(record?.data ?? '{}')).toMatchObject({
      team: { id: 'T0AAA', name: 'Alpha News' },
      bot: { token, userId: 'U0BOTT0AAA', id: 'B0T0AAA', scopes: ['commands', 'chat:write', 'chat:write.public'] },
    });
    // Bolt checks the new token once to learn the bot id
    expect(fake.apiCalls('auth.test').map((call) => call.headers.authorization)).toContain(`Bearer ${token}`);
  });

  it('answers a slash command from that workspace with its own bot token and tells commands the workspace', async () => {
    const { response, token } = await slash('who Rubio', { team_id: 'T0AAA', channel_id: 'C0ALPHA' });
    expect(headerOf(response)).toBe('Marco Rubio');
    expect(token).toBe(fake.tokenOf('T0AAA'));

    const subscribed = await slash('subscribe daily 08:00', { team_id: 'T0AAA', channel_id: 'C0ALPHA' });
    expect(headerOf(subscribed.response)).toBe('Subscribed');
    const [subscription] = await createSqliteSubscriptionStore(desk.store.db).forChannel('slack', 'C0ALPHA');
    expect(subscription?.workspaceId).toBe('T0AAA');
  });

  it('serves a second workspace with its own token, beside the first', async () => {
    const run = await install({ team: 'T0BBB' });
    expect(run.callback.status).toBe(200);
    expect(await installations.count('slack')).toBe(2);
    const tokenA = fake.tokenOf('T0AAA');
    const tokenB = fake.tokenOf('T0BBB');
    expect(tokenB).not.toBe(tokenA);

    const fromB = await slash('latest 1', { team_id: 'T0BBB', channel_id: 'C0BETA' });
    const fromA = await slash('latest 1', { team_id: 'T0AAA', channel_id: 'C0ALPHA' });
    expect(fromB.token).toBe(tokenB);
    expect(fromA.token).toBe(tokenA);
    expect(headerOf(fromB.response)).toBe('Latest news');
  });

  it("posts each workspace's digest with that workspace's token", async () => {
    const before = fake.apiCalls('chat.postMessage').length;
    await adapter.postDigest({ channelId: 'C0ALPHA', workspaceId: 'T0AAA' }, digest);
    await adapter.postDigest({ channelId: 'C0BETA', workspaceId: 'T0BBB' }, digest);
    const posts = fake.apiCalls('chat.postMessage').slice(before);
    expect(posts.map((call) => [call.body.channel, call.headers.authorization, call.status])).toEqual([
      ['C0ALPHA', `Bearer ${fake.tokenOf('T0AAA')}`, 200],
      ['C0BETA', `Bearer ${fake.tokenOf('T0BBB')}`, 200],
    ]);
  });

  it("cannot post into one workspace's channel with another's token, and says so for good", async () => {
    const error = await adapter.postDigest({ channelId: 'C0BETA', workspaceId: 'T0AAA' }, digest).catch((e) => e);
    expect(adapter.describeFailure(error)).toEqual({ permanent: true, reason: 'Slack: channel_not_found' });
  });

  it('gives a digest for a workspace that never installed a permanent failure without calling Slack', async () => {
    const before = fake.calls.length;
    const missing = await adapter.postDigest({ channelId: 'C0ALPHA', workspaceId: 'T0NEVER' }, digest).catch((e) => e);
    const unnamed = await adapter.postDigest({ channelId: 'C0ALPHA', workspaceId: null }, digest).catch((e) => e);
    expect(adapter.describeFailure(missing)).toEqual({
      permanent: true,
      reason: 'Slack: newsdesk is not installed in this workspace',
    });
    expect(adapter.describeFailure(unnamed)).toEqual({
      permanent: true,
      reason: 'Slack: the subscription names no workspace',
    });
    expect(fake.calls.length).toBe(before);
  });

  it('runs nothing for a command from a workspace that never installed the app', async () => {
    const id = randomUUID();
    const res = await postSigned(
      `${base}/slack/events`,
      SIGNING_SECRET,
      slashCommandFields('help', fake.responseUrl(id), { team_id: 'T0NEVER' }),
    );
    // Bolt acknowledges only after the failed lookup, so no listener can still be running
    expect(res.status).toBe(200);
    expect(fake.responses(id)).toEqual([]);
    expect(logger.text()).toContain('newsdesk is not installed in Slack workspace T0NEVER');
  });

  it('refuses a callback whose state is missing, forged or from another browser, and installs nothing', async () => {
    const exchanges = fake.apiCalls('oauth.v2.access').length;
    const missing = await fetch(`${base}/slack/oauth_redirect?code=anything`, { redirect: 'manual' });

    const started = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const forgedState = `${state.slice(0, -4)}AAAA`;
    const forged = await fetch(`${base}/slack/oauth_redirect?code=c1&state=${forgedState}`, {
      headers: { cookie: `${STATE_COOKIE}=${forgedState}` },
      redirect: 'manual',
    });
    const otherBrowser = await fetch(`${base}/slack/oauth_redirect?code=c2&state=${state}`, { redirect: 'manual' });

    for (const res of [missing, forged, otherBrowser]) {
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This installation link has expired or was not started here.');
    }
    expect(cookie).toBe(`${STATE_COOKIE}=${state}`);
    expect(fake.apiCalls('oauth.v2.access').length).toBe(exchanges);
    expect(await installations.count('slack')).toBe(2);
  });

  it('answers a replayed callback with a clear 400 page, installing nothing more', async () => {
    const started = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const approve = new URL(started.headers.get('location') ?? '');
    approve.searchParams.set('team', 'T0BBB');
    const callbackUrl = (await fetch(approve, { redirect: 'manual' })).headers.get('location') ?? '';
    const first = await fetch(callbackUrl, { headers: { cookie }, redirect: 'manual' });
    expect(first.status).toBe(200);
    const exchanges = fake.apiCalls('oauth.v2.access').length;

    const replay = await fetch(callbackUrl, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This installation link was already used or has expired.');
    expect(fake.apiCalls('oauth.v2.access').at(-1)?.response).toMatchObject({ ok: false, error: 'invalid_code' });
    expect(fake.apiCalls('oauth.v2.access').length).toBe(exchanges + 1);
    expect(await installations.count('slack')).toBe(2);
  });

  it('answers a callback whose state has expired with a clear 400 page', async () => {
    const started = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    // the browser comes back eleven minutes later: Bolt's state lives ten
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      const late = await fetch(`${base}/slack/oauth_redirect?code=c3&state=${state}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain('This installation link has expired or was not started here.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('deletes an installation when Slack reports the app uninstalled, and stops serving that workspace', async () => {
    const removed = removalOf('T0BBB');
    const res = await postSignedJson(`${base}/slack/events`, SIGNING_SECRET, fake.uninstall('T0BBB'));
    expect(res.status).toBe(200);
    await removed;
    expect(await installations.get('slack', 'T0BBB')).toBeNull();
    expect(await installations.get('slack', 'T0AAA')).not.toBeNull();
    const error = await adapter.postDigest({ channelId: 'C0BETA', workspaceId: 'T0BBB' }, digest).catch((e) => e);
    expect(adapter.describeFailure(error).permanent).toBe(true);
  });

  it("deletes an installation when Slack revokes its bot's token", async () => {
    const removed = removalOf('T0AAA');
    const res = await postSignedJson(`${base}/slack/events`, SIGNING_SECRET, fake.revokeTokens('T0AAA'));
    expect(res.status).toBe(200);
    await removed;
    expect(await installations.count('slack')).toBe(0);
  });

  it('keeps an org-wide install under the enterprise and answers its workspaces with the org token', async () => {
    const run = await install({ enterprise: 'E0ORG' });
    expect(run.callback.status).toBe(200);
    const record = await installations.get('slack', 'E0ORG');
    expect(record).toMatchObject({ workspaceId: 'E0ORG', enterpriseId: 'E0ORG' });

    const fields = { team_id: 'T0CCC', enterprise_id: 'E0ORG', is_enterprise_install: 'true', channel_id: 'C0ORG' };
    const { response, token } = await slash('help', fields);
    expect(response.status).toBe(200);
    expect(token).toBe(fake.tokenOf('E0ORG'));
    await adapter.postDigest({ channelId: 'C0ORG', workspaceId: 'E0ORG' }, digest);
    expect(fake.apiCalls('chat.postMessage').at(-1)?.status).toBe(200);
  });

  it('never logs a token, the client secret or the state secret', () => {
    const logged = logger.text();
    for (const issued of fake.issuedTokens.keys()) expect(logged).not.toContain(issued);
    expect(logged).not.toContain(CLIENT_SECRET);
    expect(logged).not.toContain(STATE_SECRET);
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});
