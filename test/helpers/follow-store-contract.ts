import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowBatch, FollowStore, NewFollow } from '../../src/core/ports.js';

/** A FollowStore opened on an empty database, and how to close it. */
export interface OpenedFollowStore {
  store: FollowStore;
  close(): Promise<void>;
}

const T0 = new Date('2026-03-27T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const LONG_AGO = new Date(0);

function newFollow(overrides: Partial<NewFollow> = {}): NewFollow {
  return {
    platform: 'discord',
    channelId: 'C1',
    workspaceId: null,
    kind: 'who',
    target: 'ada lindqvist',
    label: 'Ada Lindqvist',
    ping: null,
    createdBy: 'u1',
    ...overrides,
  };
}

/**
 * The behaviour every FollowStore implementation shares (SQLite and PostgreSQL run it). `open` gives a fresh,
 * migrated database for each test.
 */
export function followStoreContract(name: string, open: () => Promise<OpenedFollowStore>): void {
  describe(`follow store (${name})`, () => {
    let opened: OpenedFollowStore;
    let store: FollowStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('adds a follow once per channel, kind and target, starting at the watermark it is given', async () => {
      const first = await store.add(newFollow({ ping: '42' }), T0, 7);
      expect(first.created).toBe(true);
      expect(first.follow).toEqual({
        id: first.follow.id,
        platform: 'discord',
        channelId: 'C1',
        workspaceId: null,
        kind: 'who',
        target: 'ada lindqvist',
        label: 'Ada Lindqvist',
        ping: '42',
        createdBy: 'u1',
        createdAt: T0.toISOString(),
        watermark: 7,
        lastSuccessAt: null,
        lastPostedAt: null,
        failureCount: 0,
        failureReason: null,
        retryAt: null,
      });
      const again = await store.add(newFollow({ label: 'Lindqvist' }), minutes(1), 9);
      expect(again).toEqual({ follow: first.follow, created: false });
      await store.add(newFollow({ kind: 'topic', target: 'ferries' }), T0, 7);
      await store.add(newFollow({ channelId: 'C2' }), T0, 7);
      expect((await store.forChannel('discord', 'C1')).map((f) => f.kind)).toEqual(['who', 'topic']);
      expect(await store.all()).toHaveLength(3);
      expect(await store.remove(first.follow.id)).toBe(true);
      expect(await store.remove(first.follow.id)).toBe(false);
      expect(await store.get(first.follow.id)).toBeNull();
    });

    it('lets one claimer hold a delivery, takes over a stale claim, and never hands out a done one', async () => {
      const { follow } = await store.add(newFollow(), T0, 7);
      const batch: FollowBatch = { followId: follow.id, fromSeq: 7, toSeq: 9 };
      const held = await store.claimBatch(batch, 'a', T0, LONG_AGO);
      expect(held).toEqual({ ...batch, owner: 'a', claimedAt: T0.toISOString() });
      expect(await store.claimBatch(batch, 'b', minutes(1), LONG_AGO)).toBeNull();
      // a claim older than the lease is taken over, and the first holder can no longer free or fail it
      const taken = await store.claimBatch({ ...batch, toSeq: 10 }, 'b', minutes(10), minutes(5));
      expect(taken).toMatchObject({ owner: 'b', toSeq: 10 });
      if (!held || !taken) throw new Error('claims expected');
      expect(await store.releaseBatch(held)).toBe(false);
      expect(await store.failBatch(held, 'late', minutes(20))).toBe(false);
      expect(await store.completeBatch(taken, 'm1', minutes(11))).toBe(true);
      expect(await store.get(follow.id)).toMatchObject({
        watermark: 10,
        lastSuccessAt: minutes(11).toISOString(),
        lastPostedAt: minutes(11).toISOString(),
      });
      // done: nobody claims it again, and a late post by the first holder does not overwrite the record
      expect(await store.claimBatch(batch, 'c', minutes(30), minutes(29))).toBeNull();
      expect(await store.completeBatch(held, 'm2', minutes(12))).toBe(false);
    });

    it('moves the watermark without a post time when nothing was posted, and only for the holder', async () => {
      const { follow } = await store.add(newFollow(), T0, 3);
      const held = await store.claimBatch({ followId: follow.id, fromSeq: 3, toSeq: 5 }, 'a', T0, LONG_AGO);
      if (!held) throw new Error('claim expected');
      expect(await store.completeBatch({ ...held, owner: 'b' }, null, T0)).toBe(false);
      expect(await store.completeBatch(held, null, minutes(1))).toBe(true);
      expect(await store.get(follow.id)).toMatchObject({ watermark: 5, lastPostedAt: null });
    });

    it('records a failure with its retry time, frees the delivery, and clears the failure on success', async () => {
      const { follow } = await store.add(newFollow(), T0, 3);
      const batch = { followId: follow.id, fromSeq: 3, toSeq: 4 };
      const held = await store.claimBatch(batch, 'a', T0, LONG_AGO);
      if (!held) throw new Error('claim expected');
      expect(await store.failBatch(held, 'Discord: missing permission (50013)', minutes(60))).toBe(true);
      expect(await store.get(follow.id)).toMatchObject({
        failureCount: 1,
        failureReason: 'Discord: missing permission (50013)',
        retryAt: minutes(60).toISOString(),
        watermark: 3,
      });
      const retry = await store.claimBatch(batch, 'b', minutes(61), LONG_AGO);
      if (!retry) throw new Error('the failed delivery is free again');
      expect(await store.completeBatch(retry, 'm1', minutes(61))).toBe(true);
      expect(await store.get(follow.id)).toMatchObject({ failureCount: 0, failureReason: null, retryAt: null });
    });

    it('records nothing for a follow removed while its delivery was posted', async () => {
      const { follow } = await store.add(newFollow(), T0, 3);
      const held = await store.claimBatch({ followId: follow.id, fromSeq: 3, toSeq: 4 }, 'a', T0, LONG_AGO);
      if (!held) throw new Error('claim expected');
      await store.remove(follow.id);
      expect(await store.completeBatch(held, 'm1', minutes(1))).toBe(false);
    });
  });
}
