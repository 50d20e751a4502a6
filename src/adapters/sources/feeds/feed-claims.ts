import { createHash } from 'node:crypto';
import type { Clock, Logger, WorkClaims } from '../../../core/ports.js';

/** A claim this process holds on one unit of work. */
export interface HeldClaim {
  readonly key: string;
  /** Renew the claim once part of its window has passed, so a long job is not taken over as stale. */
  keep(): Promise<void>;
  /** Give the work back; a failure is logged, and the claim then lapses after the stale window. */
  release(): Promise<void>;
}

/** Claims on feed work (a source's poll, one item) for this process, with owner, clock and window bound in. */
export interface FeedClaims {
  /** Claim `key`; null while another process holds it. */
  acquire(key: string): Promise<HeldClaim | null>;
}

/** Longest a claim key gets before it is shortened to a hash (index rows have a size limit). */
const MAX_KEY_LENGTH = 400;

/** The claim on polling one source, so two processes never fetch the same feed at once. */
export function feedPollKey(sourceUrl: string): string {
  return boundedKey(`feed-poll:${sourceUrl}`);
}

/** The claim on one item of one source, so two processes never fetch and analyse it both. */
export function feedItemKey(sourceUrl: string, itemId: string): string {
  return boundedKey(`feed-item:${sourceUrl}:${itemId}`);
}

function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const prefix = key.slice(0, key.indexOf(':'));
  return `${prefix}:sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Bind the shared {@link WorkClaims} to this process. A claim older than `staleMs` is taken to
 * belong to a process that died and may be taken over, so held claims renew themselves (`keep`)
 * well before that.
 */
export function createFeedClaims(options: {
  claims: WorkClaims;
  owner: string;
  clock: Clock;
  logger: Logger;
  staleMs: number;
}): FeedClaims {
  const { claims, owner, clock, logger, staleMs } = options;
  const claim = (key: string, now: Date) => claims.claim(key, owner, now, new Date(now.getTime() - staleMs));

  return {
    async acquire(key) {
      let claimedAt = clock.now();
      if (!(await claim(key, claimedAt))) return null;
      return {
        key,
        async keep() {
          const now = clock.now();
          if (now.getTime() - claimedAt.getTime() < staleMs / 4) return;
          claimedAt = now;
          // lost means another process judged us dead and took over; its own item claims keep the work single
          if (!(await claim(key, now)))
            logger.warn({ claim: key }, 'feed work claim was taken over by another process');
        },
        async release() {
          try {
            await claims.release(key, owner);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            logger.warn({ claim: key, reason }, 'feed work claim not released; it lapses after the stale window');
          }
        },
      };
    },
  };
}
