import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeldSlot, NewSubscription, SlotClaim, SubscriptionStore } from '../../src/core/ports.js';

/** A SubscriptionStore opened on an empty database, and how to close it. */
export interface OpenedSubscriptionStore {
  store: SubscriptionStore;
  close(): Promise<void>;
}

const T0 = new Date('2026-03-27T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const LONG_AGO = new Date(0);

function newSub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'discord',
    channelId: 'C1',
    workspaceId: null,
    schedule: 'daily 08:00',
    cron: '0 8 * * *',
    timezone: 'Europe/Berlin',
    filter: { people: [], keywords: [] },
    origin: 'chat',
    createdBy: 'u1',
    ...overrides,
  };
}

/**
 * The behaviour every SubscriptionStore implementation shares (SQLite and PostgreSQL run it). `open`
 * gives a fresh, migrated database for each test.
 */
export function subscriptionStoreContract(name: string, open: () => Promise<OpenedSubscriptionStore>): void {
  describe(`subscription store (${name})`, () => {
    let opened: OpenedSubscriptionStore;
    let store: SubscriptionStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    async function subscribed(overrides: Partial<NewSubscription> = {}) {
      return (await store.add(newSub(overrides), T0, 7)).subscription;
    }

    it('adds a subscription with its workspace, filter and starting watermark, times as ISO strings', async () => {
      const { subscription, created } = await store.add(
        newSub({
          platform: 'slack',
          workspaceId: 'T0TEAM',
          filter: { people: ['Ada Lindqvist'], keywords: ['ferry'] },
        }),
        T0,
        42,
      );
      expect(created).toBe(true);
      expect(subscription).toEqual({
        id: expect.any(Number),
        platform: 'slack',
        channelId: 'C1',
        workspaceId: 'T0TEAM',
        schedule: 'daily 08:00',
        cron: '0 8 * * *',
        timezone: 'Europe/Berlin',
        filter: { people: ['Ada Lindqvist'], keywords: ['ferry'] },
        origin: 'chat',
        createdBy: 'u1',
        createdAt: '2026-03-27T12:00:00.000Z',
        lastSuccessAt: null,
        watermark: 42,
        failureCount: 0,
        failureReason: null,
        retryAt: null,
      });
      expect(await store.get(subscription.id)).toEqual(subscription);
    });

    it('returns the existing subscription for the same channel, schedule and filter in any order', async () => {
      const first = await store.add(newSub({ filter: { people: ['B', 'A'], keywords: [] } }), T0, 1);
      const again = await store.add(newSub({ filter: { people: ['A', 'B'], keywords: [] } }), minutes(5), 9);
      expect(again.created).toBe(false);
      expect(again.subscription.id).toBe(first.subscription.id);
      expect(again.subscription.watermark).toBe(1);
      const other = await store.add(newSub({ cron: '0 9 * * *' }), T0, 1);
      expect(other.created).toBe(true);
    });

    it('lists subscriptions by channel and in creation order, and removes them', async () => {
      const a = await subscribed({ channelId: 'C1' });
      const b = await subscribed({ channelId: 'C2' });
      const c = await subscribed({ channelId: 'C1', cron: '0 18 * * *' });
      expect((await store.forChannel('discord', 'C1')).map((s) => s.id)).toEqual([a.id, c.id]);
      expect(await store.forChannel('slack', 'C1')).toEqual([]);
      expect((await store.all()).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
      expect(await store.remove(a.id)).toBe(true);
      expect(await store.remove(a.id)).toBe(false);
      expect(await store.get(a.id)).toBeNull();
      expect((await store.all()).map((s) => s.id)).toEqual([b.id, c.id]);
    });

    it('replaces the declared subscriptions and leaves the chat ones alone', async () => {
      const chat = await subscribed({ channelId: 'C9' });
      const keep = newSub({ channelId: 'C1', origin: 'file', createdBy: null });
      const drop = newSub({ channelId: 'C2', origin: 'file', createdBy: null });
      expect(await store.syncDeclared([keep, drop], T0, 3)).toEqual({ added: 2, removed: 0 });
      const fresh = newSub({ channelId: 'C3', origin: 'file', createdBy: null });
      expect(await store.syncDeclared([keep, fresh], minutes(1), 5)).toEqual({ added: 1, removed: 1 });
      const channels = (await store.all()).map((s) => `${s.channelId}:${s.origin}`);
      expect(channels.sort()).toEqual(['C1:file', 'C3:file', 'C9:chat']);
      expect(await store.get(chat.id)).not.toBeNull();
      expect(await store.syncDeclared([], minutes(2), 5)).toEqual({ added: 0, removed: 2 });
    });

    /** Claim `claim` for `owner`, expecting to get it. */
    async function claimed(claim: SlotClaim, owner: string, now: Date, staleBefore: Date): Promise<HeldSlot> {
      const held = await store.claimSlot(claim, owner, now, staleBefore);
      expect(held).toEqual({ ...claim, owner, claimedAt: now.toISOString() });
      return held as HeldSlot;
    }

    it('lets one owner claim a slot and refuses it to others while the claim is live', async () => {
      const sub = await subscribed();
      const claim: SlotClaim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      await claimed(claim, 'p1', T0, minutes(-5));
      expect(await store.claimSlot({ ...claim, watermarkTo: 10 }, 'p2', minutes(1), minutes(-4))).toBeNull();
      expect(await store.claimSlot(claim, 'p1', minutes(1), minutes(-4))).toBeNull();
      expect(await store.isDone(sub.id, claim.slot)).toBe(false);
    });

    it('hands a stale claim (a process that died mid-digest) to exactly one other owner', async () => {
      const sub = await subscribed();
      const slot = '2026-03-28T07:00:00.000Z';
      await claimed({ subscriptionId: sub.id, slot, watermarkTo: 9 }, 'dead', T0, LONG_AGO);
      const takeOver = { subscriptionId: sub.id, slot, watermarkTo: 12 };
      const held = await claimed(takeOver, 'p2', minutes(6), minutes(1));
      expect(await store.claimSlot(takeOver, 'p3', minutes(6), minutes(1))).toBeNull();
      // the taker's watermark is the one recorded when the slot completes
      expect(await store.completeSlot(held, 'm1')).toBe(true);
      expect((await store.get(sub.id))?.watermark).toBe(12);
    });

    it('gives a slot to exactly one of many owners claiming it at once', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.claimSlot(claim, `p${i}`, T0, minutes(-5))),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('records a delivered slot: done for good, watermark moved, failure cleared', async () => {
      const sub = await subscribed();
      const slot = '2026-03-28T07:00:00.000Z';
      const failed = await claimed({ subscriptionId: sub.id, slot, watermarkTo: 9 }, 'p1', T0, minutes(-5));
      expect(await store.failSlot(failed, 'missing permission (50013)', minutes(60))).toBe(true);
      const claim = { subscriptionId: sub.id, slot, watermarkTo: 11 };
      const held = await claimed(claim, 'p2', minutes(70), minutes(65));
      expect(await store.completeSlot(held, 'm1')).toBe(true);
      expect(await store.isDone(sub.id, slot)).toBe(true);
      expect(await store.get(sub.id)).toMatchObject({
        lastSuccessAt: slot,
        watermark: 11,
        failureCount: 0,
        failureReason: null,
        retryAt: null,
      });
      // done slots are never claimed again, even long after
      expect(await store.claimSlot(claim, 'p3', minutes(999), minutes(998))).toBeNull();
    });

    it('never moves the last success or the watermark back when an older slot completes late', async () => {
      const sub = await subscribed();
      const newer = await claimed(
        { subscriptionId: sub.id, slot: '2026-03-29T06:00:00.000Z', watermarkTo: 20 },
        'p1',
        T0,
        minutes(-5),
      );
      const older = await claimed(
        { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 15 },
        'p2',
        T0,
        minutes(-5),
      );
      await store.completeSlot(newer, 'm2');
      await store.completeSlot(older, 'm1');
      expect(await store.get(sub.id)).toMatchObject({ lastSuccessAt: newer.slot, watermark: 20 });
    });

    it('frees a failed slot for a retry and records why and when', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      await store.failSlot(await claimed(claim, 'p1', T0, minutes(-5)), 'channel not found', minutes(5));
      await store.failSlot(await claimed(claim, 'p1', minutes(6), minutes(1)), 'channel not found', minutes(16));
      expect(await store.get(sub.id)).toMatchObject({
        failureCount: 2,
        failureReason: 'channel not found',
        retryAt: minutes(16).toISOString(),
        lastSuccessAt: null,
        watermark: 7,
      });
      expect(await store.isDone(sub.id, claim.slot)).toBe(false);
    });

    it('releases an unposted claim without counting a failure, and never undoes a delivered slot', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      expect(await store.releaseSlot(await claimed(claim, 'stopping', T0, minutes(-5)))).toBe(true);
      const held = await claimed(claim, 'other', T0, minutes(-5));
      expect(await store.get(sub.id)).toMatchObject({ failureCount: 0, failureReason: null });
      await store.completeSlot(held, 'm1');
      expect(await store.releaseSlot(held)).toBe(false);
      expect(await store.failSlot(held, 'late failure', minutes(5))).toBe(false);
      expect(await store.isDone(sub.id, claim.slot)).toBe(true);
      expect(await store.get(sub.id)).toMatchObject({ failureCount: 0, failureReason: null });
    });

    it('does not let an owner whose claim went stale release or fail the claim that took it over', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      const stale = await claimed(claim, 'slow', T0, minutes(-5));
      const current = await claimed({ ...claim, watermarkTo: 12 }, 'taker', minutes(6), minutes(1));
      expect(await store.releaseSlot(stale)).toBe(false);
      expect(await store.failSlot(stale, 'timed out', minutes(10))).toBe(false);
      // the taker's claim is still live, so a third process cannot post the slot again
      expect(await store.claimSlot(claim, 'third', minutes(7), minutes(2))).toBeNull();
      expect(await store.get(sub.id)).toMatchObject({ failureCount: 0, failureReason: null, retryAt: null });
      // a claim is its owner and time: the same owner taking its own stale claim over holds a new one
      const again = await claimed(claim, 'taker', minutes(20), minutes(15));
      expect(await store.releaseSlot(current)).toBe(false);
      expect(await store.releaseSlot(again)).toBe(true);
      await claimed(claim, 'third', minutes(20), minutes(15));
    });

    it('records a late delivery by an owner whose claim went stale, once, and keeps the first record', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      const stale = await claimed(claim, 'slow', T0, minutes(-5));
      const current = await claimed({ ...claim, watermarkTo: 12 }, 'taker', minutes(6), minutes(1));
      // nothing posted: the taker decides, the slot stays its claim
      expect(await store.completeSlot(stale, null)).toBe(false);
      expect(await store.isDone(sub.id, claim.slot)).toBe(false);
      // posted: the message exists, so the slot is done whoever holds the claim
      expect(await store.completeSlot(stale, 'm-slow')).toBe(true);
      expect(await store.isDone(sub.id, claim.slot)).toBe(true);
      expect(await store.get(sub.id)).toMatchObject({ lastSuccessAt: claim.slot, watermark: 9 });
      // the taker's own outcome no longer changes the delivered slot
      expect(await store.completeSlot(current, 'm-taker')).toBe(false);
      expect(await store.completeSlot(stale, 'm-slow')).toBe(false);
      expect(await store.failSlot(current, 'unavailable', minutes(30))).toBe(false);
      expect(await store.get(sub.id)).toMatchObject({ watermark: 9, failureCount: 0, retryAt: null });
      expect(await store.claimSlot(claim, 'third', minutes(999), minutes(998))).toBeNull();
    });

    it('records a late delivery even after the owner that took over failed and freed the slot', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      const stale = await claimed(claim, 'slow', T0, minutes(-5));
      const current = await claimed({ ...claim, watermarkTo: 12 }, 'taker', minutes(6), minutes(1));
      expect(await store.failSlot(current, 'unavailable', minutes(11))).toBe(true);
      expect(await store.completeSlot(stale, 'm-slow')).toBe(true);
      expect(await store.isDone(sub.id, claim.slot)).toBe(true);
      expect(await store.get(sub.id)).toMatchObject({
        lastSuccessAt: claim.slot,
        watermark: 9,
        failureCount: 0,
        failureReason: null,
        retryAt: null,
      });
      expect(await store.claimSlot(claim, 'third', minutes(999), minutes(998))).toBeNull();
    });

    it('keeps the 50 most recent delivered slots of a subscription and forgets older ones', async () => {
      const sub = await subscribed();
      const slots = Array.from({ length: 55 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day, 7)).toISOString());
      for (const [index, slot] of slots.entries()) {
        const held = await claimed({ subscriptionId: sub.id, slot, watermarkTo: index }, 'p1', T0, minutes(-5));
        await store.completeSlot(held, `m${index}`);
      }
      expect(await store.isDone(sub.id, slots[4] as string)).toBe(false);
      expect(await store.isDone(sub.id, slots[5] as string)).toBe(true);
      expect(await store.isDone(sub.id, slots[54] as string)).toBe(true);
    });

    it('forgets the slots of a removed subscription, and records nothing for it when a delivery ends late', async () => {
      const sub = await subscribed();
      const claim = { subscriptionId: sub.id, slot: '2026-03-28T07:00:00.000Z', watermarkTo: 9 };
      await store.completeSlot(await claimed(claim, 'p1', T0, minutes(-5)), 'm1');
      const late = await claimed({ ...claim, slot: '2026-03-29T07:00:00.000Z' }, 'p1', T0, minutes(-5));
      await store.remove(sub.id);
      expect(await store.isDone(sub.id, claim.slot)).toBe(false);
      expect(await store.completeSlot(late, 'm2')).toBe(false);
      expect(await store.failSlot(late, 'unavailable', minutes(5))).toBe(false);
      expect(await store.isDone(sub.id, late.slot)).toBe(false);
    });
  });
}
