import { NewsdeskError } from '../../core/errors.js';
import { type AcquireLeasesOptions, acquireLeases, LeaseHeldError, type LeaseLoss } from '../../core/leases.js';
import type { Logger } from '../../core/ports.js';

/** Takes the shards a process is about to run; rejects when another process runs one of them. */
export type ShardLeaser = (ids: readonly number[], count: number) => Promise<{ release(): Promise<void> }>;

/** The work-claim key of one gateway shard; the count is part of it, since shard 1 of 2 and of 3 differ. */
export function shardLeaseKey(id: number, count: number): string {
  return `discord-shard:${id}/${count}`;
}

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
