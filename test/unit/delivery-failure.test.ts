import { describe, expect, it } from 'vitest';
import { describeDiscordFailure } from '../../src/adapters/discord/discord-adapter.js';
import { describeSlackFailure } from '../../src/adapters/slack/slack-adapter.js';
import { backoffMs } from '../../src/core/digest/scheduler.js';
import { NewsdeskError } from '../../src/core/errors.js';

const wrapped = (cause: unknown) => new NewsdeskError('PLATFORM_FAILURE', 'post failed', { cause });

describe('delivery failure classification', () => {
  it('treats a gone Slack channel or missing membership as permanent, other errors as transient', () => {
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived']) {
      expect(describeSlackFailure(wrapped({ data: { error: code } }))).toEqual({
        permanent: true,
        reason: `Slack: ${code}`,
      });
    }
    expect(describeSlackFailure(wrapped({ data: { error: 'internal_error' } }))).toEqual({
      permanent: false,
      reason: 'Slack: internal_error',
    });
    expect(describeSlackFailure(wrapped(new Error('socket hang up')))).toEqual({
      permanent: false,
      reason: 'Slack: socket hang up',
    });
  });

  it('treats Discord 10003, 50001 and 50013 as permanent', () => {
    expect(describeDiscordFailure(wrapped({ code: 10003, status: 404 }))).toEqual({
      permanent: true,
      reason: 'Discord: unknown channel (10003)',
    });
    expect(describeDiscordFailure(wrapped({ code: 50001, status: 403 })).permanent).toBe(true);
    expect(describeDiscordFailure(wrapped(Object.assign(new Error('Service Unavailable'), { status: 503 })))).toEqual({
      permanent: false,
      reason: 'Discord: Service Unavailable',
    });
  });

  it('backs off for hours on permanent failures and minutes on transient ones, capped', () => {
    expect(backoffMs(false, 0)).toBe(5 * 60_000);
    expect(backoffMs(false, 5)).toBe(60 * 60_000);
    expect(backoffMs(true, 0)).toBe(60 * 60_000);
    expect(backoffMs(true, 20)).toBe(24 * 60 * 60_000);
  });
});
