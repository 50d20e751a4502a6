import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { tokenize } from '../commands/tokenize.js';
import { isValidTimezone, parseSchedule } from './core/digest/schedule.js';
import { NewsdeskError } from './core/errors.js';
import type { NewSubscription } from './core/ports.js';

/** digests.json: digests an operator declares instead of (or besides) /news subscribe in chat. */
export const DigestsFileSchema = z.array(
  z.object({
    platform: z.enum(['discord', 'slack']),
    channel: z
      .string()
      .trim()
      .min(1, 'give the channel id (Discord: right-click > Copy Channel ID; Slack: channel details)'),
    /** Slack with several workspaces (OAuth): the team id the channel belongs to */
    workspace: z
      .string()
      .regex(/^[TE][A-Z0-9]+$/, 'must be a Slack team id such as T0123ABCD')
      .optional(),
    schedule: z.string().trim().min(1),
    timezone: z.string().refine(isValidTimezone, 'must be an IANA timezone such as Europe/Berlin').optional(),
    filter: z.object({ people: z.array(z.string()).default([]), keywords: z.array(z.string()).default([]) }).optional(),
  }),
);

/**
 * Read and validate digests.json. A missing file means no declared digests; an invalid one stops
 * start-up with what to fix, since silently dropping an operator's digests would lose deliveries.
 */
export async function loadDigestsFile(path: string, defaultTimezone: string): Promise<NewSubscription[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new NewsdeskError('CONFIG_INVALID', `Cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NewsdeskError('CONFIG_INVALID', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = DigestsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new NewsdeskError('CONFIG_INVALID', `${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.map((entry, index) => {
    const schedule = parseSchedule(tokenize(entry.schedule), { defaultTimezone, timezone: entry.timezone });
    if (!schedule.ok) throw new NewsdeskError('CONFIG_INVALID', `${path} entry ${index}: ${schedule.error}`);
    return {
      platform: entry.platform,
      channelId: entry.channel,
      workspaceId: entry.workspace ?? null,
      schedule: schedule.value.schedule,
      cron: schedule.value.cron,
      timezone: schedule.value.timezone,
      filter: entry.filter ?? schedule.value.filter,
      origin: 'file',
      createdBy: null,
    };
  });
}
