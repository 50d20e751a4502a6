import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { acquireLeases, type Lease, LeaseHeldError, type LeaseLoss, type LeaseTimers } from '../../src/core/leases.js';
import type { WorkClaims } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';

const STALE_MS = 90_000;
const RENEW_MS = 30_000;

/** Interval timers fired by hand: `tick()` runs every live interval once and waits for the renewals it started. */
class ManualTimers implements LeaseTimers {
  private readonly intervals = new Map<number, { callback: () => Promise<void>; ms: number }>();
  private nextHandle = 1;

  setInterval(callback: () => Promise<void>, ms: number): unknown {
    const handle = this.nextHandle++;
    this.intervals.set(handle, { callback, ms });
    return handle;
  }

  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }

  get active(): number[] {
    return [...this.intervals.values()].map((interval) => interval.ms);
  }

  async tick(): Promise<void> {
    await Promise.all([...this.intervals.values()].map((interval) => interval.callback()));
  }
}

let store: SqliteArticleStore;
let claims: WorkClaims;
let clock: FixedClock;
let timers: ManualTimers;
const held: Lease[] = [];

beforeEach(() => {
  store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
  claims = createSqliteWorkClaims(store.db);
  clock = new FixedClock('2026-03-27T12:00:00.000Z');
  timers = new ManualTimers();
});

afterEach(async () => {
  await Promise.all(held.splice(0).map((lease) => lease.release()));
  await store.close();
});

async function lease(owner: string, keys: string[], onLost?: (loss: LeaseLoss) => void): Promise<Lease> {
  const acquired = await acquireLeases({
    claims,
    keys,
    owner,
    clock,
    staleMs: STALE_MS,
    renewMs: RENEW_MS,
    timers,
    ...(onLost ? { onLost } : {}),
  });
  held.push(acquired);
  return acquired;
}

/** The error `acquireLeases` rejected with. */
async function refusal(owner: string, keys: string[]): Promise<LeaseHeldError> {
  const error = await lease(owner, keys).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof LeaseHeldError)) throw new Error(`expected a LeaseHeldError, got ${String(error)}`);
  return error;
}

describe('acquiring', () => {
  it('claims every key for the owner and renews them on the renewal interval', async () => {
    const acquired = await lease('bot-a', ['shard:0', 'shard:1']);

    expect(acquired.keys).toEqual(['shard:0', 'shard:1']);
    expect(await claims.holder?.('shard:0')).toEqual({ owner: 'bot-a', claimedAt: '2026-03-27T12:00:00.000Z' });
    expect(await claims.holder?.('shard:1')).toMatchObject({ owner: 'bot-a' });
    expect(timers.active).toEqual([RENEW_MS]);
  });

  it('takes none of the keys when another live owner holds one, and names that key and owner', async () => {
    await lease('bot-a', ['shard:1']);
    clock.advance(10_000);

    const error = await refusal('bot-b', ['shard:0', 'shard:1', 'shard:2']);

    expect(error).toMatchObject({ key: 'shard:1', owner: 'bot-a', claimedAt: '2026-03-27T12:00:00.000Z' });
    expect(error.message).toBe('shard:1 is held by bot-a (last claimed 2026-03-27T12:00:00.000Z)');
    // the key it had claimed before the conflict was given back, and no renewal was left running
    expect(await claims.holder?.('shard:0')).toBeNull();
    expect(await claims.holder?.('shard:2')).toBeNull();
    expect(timers.active).toEqual([RENEW_MS]);
  });

  it('says "another owner" when the claims cannot name the holder', async () => {
    await lease('bot-a', ['k']);
    const { holder: _unused, ...withoutHolder } = claims;

    const error = await acquireLeases({
      claims: withoutHolder,
      keys: ['k'],
      owner: 'bot-b',
      clock,
      staleMs: STALE_MS,
      renewMs: RENEW_MS,
      timers,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LeaseHeldError);
    expect(error).toMatchObject({ key: 'k', owner: null, message: 'k is held by another owner' });
  });

  it('refuses a renewal interval that would let a live lease go stale', async () => {
    const options = { claims, keys: ['j'], owner: 'bot-a', clock, timers, staleMs: 60_000 };
    await expect(acquireLeases({ ...options, renewMs: 60_000 })).rejects.toThrow('shorter than the stale window');
    await expect(acquireLeases({ ...options, renewMs: 0 })).rejects.toThrow('must be positive');
  });
});

describe('renewing', () => {
  it('keeps a renewed lease past the stale window, so nobody takes it over', async () => {
    await lease('bot-a', ['k']);

    for (let i = 0; i < 6; i++) {
      clock.advance(RENEW_MS);
      await timers.tick();
    }

    // three minutes on, twice the stale window, but last renewed just now
    expect(await claims.holder?.('k')).toEqual({ owner: 'bot-a', claimedAt: clock.now().toISOString() });
    expect((await refusal('bot-b', ['k'])).owner).toBe('bot-a');
  });

  it('lets another owner take over the lease of an owner that stopped renewing once it is stale', async () => {
    // a process that died holding the key: nothing renews it
    await claims.claim('k', 'dead:1', clock.now(), new Date(0));
    clock.advance(STALE_MS - 1);
    expect((await refusal('bot-b', ['k'])).owner).toBe('dead:1');

    clock.advance(2);
    const taken = await lease('bot-b', ['k']);

    expect(taken.keys).toEqual(['k']);
    expect(await claims.holder?.('k')).toMatchObject({ owner: 'bot-b' });
  });

  it('reports a key taken over by another owner while this one was not renewing in time', async () => {
    const losses: LeaseLoss[] = [];
    await lease('bot-a', ['k', 'j'], (loss) => losses.push(loss));
    // bot-a was paused past the stale window; bot-b judged it dead and took k
    clock.advance(STALE_MS + 1);
    await claims.claim('k', 'bot-b', clock.now(), new Date(clock.now().getTime() - STALE_MS));

    await timers.tick();

    expect(losses).toEqual([{ key: 'k', reason: 'taken', heldBy: 'bot-b' }]);
    expect(await claims.holder?.('j')).toMatchObject({ owner: 'bot-a', claimedAt: clock.now().toISOString() });
  });

  it('reports a renewal the database refused and keeps renewing the other keys', async () => {
    const losses: LeaseLoss[] = [];
    const down = new Error('connection terminated');
    let failing = false;
    const flaky: WorkClaims = {
      ...claims,
      claim: (key, ...rest) => (key === 'k' && failing ? Promise.reject(down) : claims.claim(key, ...rest)),
    };
    const acquired = await acquireLeases({
      claims: flaky,
      keys: ['k', 'j'],
      owner: 'bot-a',
      clock,
      staleMs: STALE_MS,
      renewMs: RENEW_MS,
      timers,
      onLost: (loss) => losses.push(loss),
    });
    held.push(acquired);

    failing = true;
    clock.advance(RENEW_MS);
    await timers.tick();

    expect(losses).toEqual([{ key: 'k', reason: 'error', error: down }]);
    expect(await claims.holder?.('j')).toMatchObject({ claimedAt: clock.now().toISOString() });
  });

  it('keeps renewing when the loss callback throws', async () => {
    await lease('bot-a', ['k', 'j'], () => {
      throw new Error('a broken logger');
    });
    clock.advance(STALE_MS + 1);
    await claims.claim('k', 'bot-b', clock.now(), clock.now());

    await expect(timers.tick()).resolves.toBeUndefined();
    expect(await claims.holder?.('j')).toMatchObject({ owner: 'bot-a', claimedAt: clock.now().toISOString() });
  });
});

describe('releasing', () => {
  it('frees every key for another owner at once and stops renewing', async () => {
    const acquired = await lease('bot-a', ['k', 'j']);

    await acquired.release();

    expect(timers.active).toEqual([]);
    expect(await claims.holder?.('k')).toBeNull();
    expect(await claims.holder?.('j')).toBeNull();
    expect((await lease('bot-b', ['k', 'j'])).keys).toEqual(['k', 'j']);
  });

  it('waits for a renewal in flight, so the renewal cannot claim a released key again', async () => {
    let letRenewalFinish = () => {};
    const gate = new Promise<void>((resolve) => {
      letRenewalFinish = resolve;
    });
    let holdRenewals = false;
    const slow: WorkClaims = {
      ...claims,
      claim: async (...args) => {
        if (holdRenewals) await gate;
        return claims.claim(...args);
      },
    };
    const acquired = await acquireLeases({
      claims: slow,
      keys: ['k'],
      owner: 'bot-a',
      clock,
      staleMs: STALE_MS,
      renewMs: RENEW_MS,
      timers,
    });
    holdRenewals = true;
    const renewal = timers.tick();

    const released = acquired.release();
    letRenewalFinish();
    await Promise.all([renewal, released]);

    expect(await claims.holder?.('k')).toBeNull();
  });

  it('releases once however often it is called, and never another owner’s key', async () => {
    const acquired = await lease('bot-a', ['k']);
    await acquired.release();
    await lease('bot-b', ['k']);

    await acquired.release();

    expect(await claims.holder?.('k')).toMatchObject({ owner: 'bot-b' });
  });
});
