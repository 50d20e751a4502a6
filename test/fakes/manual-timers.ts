import type { Timers } from '../../src/adapters/sources/feeds/feed-poller.js';

/** Timers that only fire when the test says so. */
export function manualTimers() {
  const pending: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { callback, ms, cleared: false };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const active = () => pending.filter((entry) => !entry.cleared);
  /** fire the earliest-set timer still waiting, as its time had come */
  const fireFirst = () => {
    const entry = active()[0];
    if (!entry) throw new Error('no timer is waiting');
    entry.cleared = true;
    entry.callback();
  };
  return { timers, active, pending, fireFirst };
}
