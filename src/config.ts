import { z } from 'zod';
import { isValidTimezone } from './core/digest/schedule.js';
import { NewsdeskError } from './core/errors.js';

/** Blank values in .env ("DISCORD_TOKEN=") mean "not set"; defaults are given as env text and parsed like it. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.prefault(fallback as never),
  );

/** Every environment variable newsdesk reads. `.env.example` lists exactly these keys. */
export const EnvSchema = z
  .object({
    ARTICLES_DIR: withDefault(z.string(), './articles'),
    DATABASE_PATH: withDefault(z.string(), './data/newsdesk.db'),
    DATABASE_URL: optional(
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL (leave it empty to use SQLite)' }),
    ),
    DATABASE_POOL_SIZE: withDefault(z.coerce.number().int().min(1).max(100), 10),
    INSTANCE_ID: optional(z.string().max(100)),
    HEALTH_PORT: optional(z.coerce.number().int().min(0).max(65535)),
    WATCH_ARTICLES: withDefault(z.stringbool(), 'true'),
    ARTICLE_MAX_FILE_BYTES: withDefault(
      z.coerce
        .number()
        .int()
        .min(1024, 'must be at least 1024 (bytes)')
        .max(1024 ** 3, 'must be at most 1073741824 (1 GiB)'),
      5 * 1024 * 1024,
    ),
    ANALYSIS_THREADS: optional(z.coerce.number().int().min(0).max(64)),
    LOG_LEVEL: withDefault(z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']), 'info'),

    DISCORD_TOKEN: optional(z.string()),
    DISCORD_APPLICATION_ID: optional(
      z.string().regex(/^\d{17,20}$/, 'must be the numeric application id (17-20 digits)'),
    ),
    DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be a numeric server (guild) id (17-20 digits)')),
    DISCORD_SHARD_COUNT: withDefault(
      z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)], {
        error: 'must be auto or a number of shards',
      }),
      'auto',
    ),
    DISCORD_SHARD_IDS: optional(
      z
        .string()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'must be shard ids separated by commas, such as 0,1')
        .transform((text) => text.split(',').map((id) => Number(id.trim()))),
    ),
    DISCORD_API_URL: withDefault(z.url({ protocol: /^https?$/ }), 'https://discord.com/api'),

    SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-')),
    SLACK_SIGNING_SECRET: optional(z.string()),
    SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-')),
    SLACK_CLIENT_ID: optional(z.string()),
    SLACK_CLIENT_SECRET: optional(z.string()),
    SLACK_STATE_SECRET: optional(z.string().min(16, 'must be at least 16 random characters')),
    SLACK_PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3000),
    SLACK_API_URL: optional(z.url({ protocol: /^https?$/ })),

    DIGEST_TIMEZONE: withDefault(
      z.string().refine(isValidTimezone, 'must be an IANA timezone such as Europe/Berlin or UTC'),
      'UTC',
    ),
    DIGESTS_PATH: withDefault(z.string(), './digests.json'),
    DIGEST_POST_EMPTY: withDefault(z.stringbool(), 'false'),
    // how often live alerts look for new articles (a cheap query); a file sync also triggers a look at once
    ALERT_POLL_MS: withDefault(z.coerce.number().int().min(200, 'must be at least 200 ms').max(600_000), 2000),

    SOURCES_PATH: withDefault(z.string(), './sources.json'),
    // no upper limit: a large backlog only means the first poll ingests every item the feed still holds
    FEED_BACKLOG_HOURS: withDefault(z.coerce.number().min(0, 'must be 0 or more hours'), 24),
    FEED_ALLOW_PRIVATE: withDefault(z.stringbool(), 'false'),

    LLM_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
    LLM_MODEL: optional(z.string()),
    LLM_API_KEY: optional(z.string()),
    LLM_TIMEOUT_MS: withDefault(z.coerce.number().int().min(1000).max(600_000), 30_000),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required when DISCORD_TOKEN is set (Discord developer portal > your app > General Information)',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) along with SLACK_BOT_TOKEN',
      });
    }
    if (env.DISCORD_SHARD_IDS && env.DISCORD_SHARD_COUNT === 'auto') {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_COUNT'],
        message: 'must be a number when DISCORD_SHARD_IDS picks the shards this process runs',
      });
    }
    if (env.DISCORD_SHARD_IDS && typeof env.DISCORD_SHARD_COUNT === 'number') {
      const count = env.DISCORD_SHARD_COUNT;
      if (env.DISCORD_SHARD_IDS.some((id) => id >= count)) {
        ctx.addIssue({
          code: 'custom',
          path: ['DISCORD_SHARD_IDS'],
          message: `shard ids must be below DISCORD_SHARD_COUNT (${count})`,
        });
      }
    }
    if ((env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET) && (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.SLACK_BOT_TOKEN ? 'SLACK_BOT_TOKEN' : 'SLACK_APP_TOKEN'],
        message:
          'leave it blank with SLACK_CLIENT_ID: many workspaces (OAuth) run in HTTP mode and keep each workspace token in the database',
      });
    }
    if (env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET) {
      for (const key of [
        'SLACK_CLIENT_ID',
        'SLACK_CLIENT_SECRET',
        'SLACK_STATE_SECRET',
        'SLACK_SIGNING_SECRET',
      ] as const) {
        if (!env[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              'is required for multi-workspace Slack (OAuth): set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET',
          });
        }
      }
    }
    if (env.LLM_BASE_URL && !env.LLM_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'is required when LLM_BASE_URL is set' });
    }
  });

export type Config = z.infer<typeof EnvSchema>;

/** Read and validate the configuration; throws a CONFIG_INVALID NewsdeskError that says what to fix. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(EnvSchema.shape).map((key) => [key, env[key]]));
  const result = EnvSchema.safeParse(known);
  if (!result.success) {
    const message = `newsdesk cannot start: the configuration is invalid.\n${z.prettifyError(result.error)}\nFix these variables in your environment or .env file (see .env.example and the README).`;
    throw new NewsdeskError('CONFIG_INVALID', message);
  }
  return result.data;
}
