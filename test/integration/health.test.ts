import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, type HealthSources, startHealthServer } from '../../src/adapters/health/health-server.js';
import type { AdapterStatus } from '../../src/core/ports.js';
import { createTestLogger } from '../helpers/test-logger.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function sources(state: { db: boolean; adapter: AdapterStatus; stopping?: boolean }): HealthSources {
  return {
    databaseKind: 'postgres',
    pingDatabase: async () => {
      if (!state.db) throw new Error('connection refused');
    },
    adapters: () => [{ name: 'discord', status: () => state.adapter }],
    shuttingDown: () => state.stopping ?? false,
  };
}

async function probe(path = '/healthz'): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${server?.port}${path}`);
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

describe('/healthz', () => {
  it('answers 200 with the database and adapters when everything is up', async () => {
    const state = { db: true, adapter: { connected: true, detail: '2 of 2 shards ready' } };
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      sources: sources(state),
      logger: createTestLogger(),
    });
    expect(await probe()).toEqual({
      status: 200,
      body: {
        ok: true,
        database: { ok: true, kind: 'postgres' },
        adapters: { discord: { connected: true, detail: '2 of 2 shards ready' } },
        shuttingDown: false,
      },
    });
  });

  it('answers 503 saying why when the database is unreachable or an adapter is disconnected', async () => {
    const state = { db: false, adapter: { connected: true, detail: 'ready' } };
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      sources: sources(state),
      logger: createTestLogger(),
    });
    const down = await probe();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, database: { ok: false, error: 'connection refused' } });

    state.db = true;
    state.adapter = { connected: false, detail: '1 of 2 shards ready' };
    expect(await probe()).toMatchObject({ status: 503, body: { adapters: { discord: { connected: false } } } });
  });

  it('answers 503 while shutting down and 404 for other paths', async () => {
    const state = { db: true, adapter: { connected: true, detail: 'ready' }, stopping: true };
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      sources: sources(state),
      logger: createTestLogger(),
    });
    expect(await probe()).toMatchObject({ status: 503, body: { shuttingDown: true } });
    expect((await probe('/other')).status).toBe(404);
  });
});
