import type { Clock, WorkClaims } from './ports.js';

/** Keys this process holds in the shared work claims, renewed until released. */
export interface Lease {
  readonly keys: readonly string[];
  /** Stop renewing and give every key back (waits for a renewal in flight first); safe to call twice. */
  release(): Promise<void>;
}

/** A renewal that did not keep a key: another process took it over, or the claims could not be reached. */
export type LeaseLoss =
  /** `heldBy` is the owner now holding the key (null when the claims cannot say) */
  | { key: string; reason: 'taken'; heldBy: string | null }
  /** the renewal threw (e.g. the database is down); the key lapses unless a later renewal succeeds in time */
  | { key: string; reason: 'error'; error: unknown };

/** The timer functions renewals run on; injected so tests can fire them by hand. */
export interface LeaseTimers {
  /** `callback` returns the renewal it started, which never rejects (tests await it) */
  setInterval(callback: () => Promise<void>, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface AcquireLeasesOptions {
  claims: WorkClaims;
  keys: readonly string[];
  owner: string;
  clock: Clock;
  /** a claim not renewed for this long belongs to a process that died, and is taken over */
  staleMs: number;
  /** how often held keys are claimed again; well under `staleMs` so a live lease never goes stale */
  renewMs: number;
  timers?: LeaseTimers;
  /** called for every key a renewal failed to keep; the caller logs it (core code never exits the process) */
  onLost?: (loss: LeaseLoss) => void;
}

/** Thrown by {@link acquireLeases} when another live owner holds one of the keys; names the key and the owner. */
export class LeaseHeldError extends Error {
  override readonly name = 'LeaseHeldError';
  readonly key: string;
  /** the other owner, or null when the claims cannot say who (no `holder` method, or it was just released) */
  readonly owner: string | null;
  /** when the other owner last claimed or renewed the key */
  readonly claimedAt: string | null;

  constructor(key: string, holder: { owner: string; claimedAt: string } | null) {
    super(`${key} is held by ${holder ? `${holder.owner} (last claimed ${holder.claimedAt})` : 'another owner'}`);
    this.key = key;
    this.owner = holder?.owner ?? null;
    this.claimedAt = holder?.claimedAt ?? null;
  }
}

/** Timers that do not keep the process alive on their own: renewals matter only while something else runs. */
const unrefTimers: LeaseTimers = {
  setInterval(callback, ms) {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval(handle) {
    clearInterval(handle as ReturnType<typeof setInterval>);
  },
};

/**
 * Claim every key for `owner`, all or nothing: when another live owner holds one, the keys already claimed are
 * given back and a {@link LeaseHeldError} names that key and its owner. Held keys are claimed again every
 * `renewMs` (a claim by the same owner renews it) until `release()`.
 */
export async function acquireLeases(options: AcquireLeasesOptions): Promise<Lease> {
  const { claims, owner, clock, staleMs, renewMs, onLost } = options;
  if (!(renewMs > 0 && renewMs < staleMs)) {
    throw new RangeError(
      `lease renewal (${renewMs} ms) must be positive and shorter than the stale window (${staleMs} ms)`,
    );
  }
  const keys = [...new Set(options.keys)];
  const timers = options.timers ?? unrefTimers;
  const claim = (key: string) => {
    const now = clock.now();
    return claims.claim(key, owner, now, new Date(now.getTime() - staleMs));
  };

  const claimed: string[] = [];
  try {
    for (const key of keys) {
      await claimOrExplain(key, claim, claims);
      claimed.push(key);
    }
  } catch (error) {
    // what was claimed lapses after the stale window anyway, so a failed release must not hide why
    await Promise.allSettled(claimed.map((key) => claims.release(key, owner)));
    throw error;
  }

  let renewing: Promise<void> | null = null;
  let released: Promise<void> | null = null;
  const renewOne = async (key: string): Promise<LeaseLoss | null> => {
    try {
      if (await claim(key)) return null;
      return { key, reason: 'taken', heldBy: (await claims.holder?.(key))?.owner ?? null };
    } catch (error) {
      return { key, reason: 'error', error };
    }
  };
  const renewAll = async (): Promise<void> => {
    for (const key of keys) {
      const loss = await renewOne(key);
      if (!loss) continue;
      try {
        onLost?.(loss);
      } catch {
        // a throwing callback must neither stop the other keys' renewal nor reject inside a timer
      }
    }
  };
  const handle = timers.setInterval(() => {
    if (released) return Promise.resolve();
    // a renewal still waiting on a slow database is not doubled up
    renewing ??= renewAll().finally(() => {
      renewing = null;
    });
    return renewing;
  }, renewMs);

  return {
    keys,
    release() {
      released ??= (async () => {
        timers.clearInterval(handle);
        // a renewal landing after the release would claim the key again
        await renewing;
        await Promise.all(keys.map((key) => claims.release(key, owner)));
      })();
      return released;
    },
  };
}

/** Claim one key, or throw naming its holder; a holder gone between the two queries gets one more claim. */
async function claimOrExplain(
  key: string,
  claim: (key: string) => Promise<boolean>,
  claims: WorkClaims,
): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await claim(key)) return;
    if (!claims.holder) break;
    const holder = await claims.holder(key);
    if (holder) throw new LeaseHeldError(key, holder);
  }
  throw new LeaseHeldError(key, null);
}
