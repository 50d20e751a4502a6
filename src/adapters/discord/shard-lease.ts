import { NewsdeskError } from '../../core/errors.js';
import { type AcquireLeasesOptions, acquireLeases, LeaseHeldError, type LeaseLoss } from '../../core/leases.js';
import type { Logger } from '../../core/ports.js';

/** Takes the shards a process is about to run; rejects when another process runs one of them. */
export type ShardLeaser = (ids: readonly number[], count: number) => Promise<{ release(): Promise<void> }>;

/** The work-claim key of one gateway shard; the count is part of it, since shard 1 of 2 and of 3 differ. */
export function shardLeaseKey(id: number, count: number): string {
  return `${SHARD_KEY_PREFIX}${id}/${count}`;
}

const SHARD_KEY_PREFIX = 'discord-shard:';

/**
 * Leases Discord gateway shards in the shared work claims, so two processes on one database never run the same
 * shard (both would receive, and answer, every interaction of its guilds). A shard held by another live process
 * fails with a NewsdeskError naming it and that process; a renewal that fails later is logged as an error.
 */
export function createShardLeaser(
  options: Omit<AcquireLeasesOptions, 'keys' | 'onLost'> & { logger: Logger },
): ShardLeaser {
  const { logger, ...leaseOptions } = options;
  return async (ids, count) => {
    await refuseOtherCounts(leaseOptions, count);
    const shardOf = new Map(ids.map((id) => [shardLeaseKey(id, count), id] as const));
    try {
      return await acquireLeases({
        ...leaseOptions,
        keys: [...shardOf.keys()],
        onLost: (loss) => logLoss(logger, loss, shardOf.get(loss.key), count),
      });
    } catch (error) {
      if (!(error instanceof LeaseHeldError)) throw error;
      const shard = `Discord shard ${shardOf.get(error.key)} of ${count}`;
      throw new NewsdeskError(
        'CONFIG_INVALID',
        `${shard} is already run by ${error.owner ?? 'another process'}; give each process its own DISCORD_SHARD_IDS`,
        { cause: error },
      );
    }
  };
}

/**
 * Shard 0 of 2 and shard 0 of 3 serve overlapping guilds, so a live lease under another shard count means two
 * processes would answer the same guilds: refuse, naming the process and its count.
 */
async function refuseOtherCounts(
  options: Pick<AcquireLeasesOptions, 'claims' | 'owner' | 'clock' | 'staleMs'>,
  count: number,
): Promise<void> {
  const live = options.clock.now().getTime() - options.staleMs;
  for (const lease of (await options.claims.holders?.(SHARD_KEY_PREFIX)) ?? []) {
    const other = Number(lease.key.split('/').at(-1));
    if (lease.owner === options.owner || other === count || Date.parse(lease.claimedAt) < live) continue;
    throw new NewsdeskError(
      'CONFIG_INVALID',
      `${lease.owner} runs Discord with ${other} shards and this process asks for ${count}; give every process the same DISCORD_SHARD_COUNT`,
    );
  }
}

function logLoss(logger: Logger, loss: LeaseLoss, shardId: number | undefined, count: number): void {
  if (loss.reason === 'taken') {
    logger.error(
      { shardId, shardCount: count, heldBy: loss.heldBy },
      'discord shard lease taken over by another process: both now answer its guilds; restart one of them',
    );
  } else {
    const reason = loss.error instanceof Error ? loss.error.message : String(loss.error);
    logger.error({ shardId, shardCount: count, reason }, 'discord shard lease not renewed; retrying');
  }
}
