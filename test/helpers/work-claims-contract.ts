import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkClaims } from '../../src/core/ports.js';

/** A WorkClaims implementation opened on an empty database, and how to close it. */
export interface OpenedWorkClaims {
  claims: WorkClaims;
  close(): Promise<void>;
}

const T0 = new Date('2026-03-27T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/**
 * The behaviour every WorkClaims implementation shares (SQLite and PostgreSQL run it). `open` gives a
 * fresh, migrated database for each test.
 */
export function workClaimsContract(name: string, open: () => Promise<OpenedWorkClaims>): void {
  describe(`work claims (${name})`, () => {
    let opened: OpenedWorkClaims;
    let claims: WorkClaims;
    beforeEach(async () => {
      opened = await open();
      claims = opened.claims;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('gives a free key to the first owner and refuses it to another while the claim is live', async () => {
      expect(await claims.claim('file:a.txt', 'p1', T0, minutes(-5))).toBe(true);
      expect(await claims.claim('file:a.txt', 'p2', minutes(1), minutes(-4))).toBe(false);
      expect(await claims.claim('file:b.txt', 'p2', minutes(1), minutes(-4))).toBe(true);
    });

    it('lets the owner claim again, renewing the claim so it does not go stale', async () => {
      expect(await claims.claim('k', 'p1', T0, minutes(-5))).toBe(true);
      expect(await claims.claim('k', 'p1', minutes(4), minutes(-1))).toBe(true);
      // stale only relative to the renewed time
      expect(await claims.claim('k', 'p2', minutes(6), minutes(1))).toBe(false);
    });

    it('hands a stale claim over to exactly one other owner', async () => {
      expect(await claims.claim('k', 'dead', T0, minutes(-5))).toBe(true);
      expect(await claims.claim('k', 'p2', minutes(10), minutes(5))).toBe(true);
      expect(await claims.claim('k', 'p3', minutes(10), minutes(5))).toBe(false);
      expect(await claims.claim('k', 'dead', minutes(11), minutes(6))).toBe(false);
    });

    it('releases only the owner’s claim', async () => {
      await claims.claim('k', 'p1', T0, minutes(-5));
      await claims.release('k', 'p2');
      expect(await claims.claim('k', 'p2', T0, minutes(-5))).toBe(false);
      await claims.release('k', 'p1');
      expect(await claims.claim('k', 'p2', T0, minutes(-5))).toBe(true);
    });

    it('releases everything one owner holds at shutdown and counts it', async () => {
      await claims.claim('a', 'p1', T0, minutes(-5));
      await claims.claim('b', 'p1', T0, minutes(-5));
      await claims.claim('c', 'p2', T0, minutes(-5));
      expect(await claims.releaseAll('p1')).toBe(2);
      expect(await claims.releaseAll('p1')).toBe(0);
      expect(await claims.claim('a', 'p3', T0, minutes(-5))).toBe(true);
      expect(await claims.claim('c', 'p3', T0, minutes(-5))).toBe(false);
    });

    /** The implementation's `holder` (optional in the port; every database implements it). */
    function holderOf(key: string) {
      if (!claims.holder) throw new Error(`the ${name} work claims do not say who holds a key`);
      return claims.holder(key);
    }

    it('says who holds a key and when they last claimed it, and nobody for a free key', async () => {
      expect(await holderOf('k')).toBeNull();
      await claims.claim('k', 'p1', T0, minutes(-5));
      expect(await holderOf('k')).toEqual({ owner: 'p1', claimedAt: T0.toISOString() });
      await claims.claim('k', 'p1', minutes(3), minutes(-2));
      expect(await holderOf('k')).toEqual({ owner: 'p1', claimedAt: minutes(3).toISOString() });
    });

    it('names the new holder after a stale claim is taken over, and nobody once it is released', async () => {
      await claims.claim('k', 'dead', T0, minutes(-5));
      await claims.claim('k', 'p2', minutes(10), minutes(5));
      expect(await holderOf('k')).toEqual({ owner: 'p2', claimedAt: minutes(10).toISOString() });
      await claims.release('k', 'p2');
      expect(await holderOf('k')).toBeNull();
    });

    it('lists the claims whose key starts with a prefix, with who holds them, and no others', async () => {
      if (!claims.holders) throw new Error(`the ${name} work claims cannot list claims by prefix`);
      await claims.claim('shard:1/2', 'p2', minutes(1), minutes(-5));
      await claims.claim('shard:0/2', 'p1', T0, minutes(-5));
      await claims.claim('shard-other', 'p3', T0, minutes(-5));
      await claims.claim('file:a', 'p1', T0, minutes(-5));
      expect(await claims.holders('shard:')).toEqual([
        { key: 'shard:0/2', owner: 'p1', claimedAt: T0.toISOString() },
        { key: 'shard:1/2', owner: 'p2', claimedAt: minutes(1).toISOString() },
      ]);
      // a prefix is matched literally: SQL wildcards in it match nothing else
      expect(await claims.holders('shard%')).toEqual([]);
      expect(await claims.holders('nothing:')).toEqual([]);
    });

    it('gives a key to exactly one of many owners claiming it at once', async () => {
      const owners = Array.from({ length: 12 }, (_, i) => `p${i}`);
      const results = await Promise.all(owners.map((owner) => claims.claim('contested', owner, T0, minutes(-5))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
