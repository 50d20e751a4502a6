/**
 * `npm run register:discord`: registers the `/news` slash command (built from commands/) with Discord.
 * With DISCORD_GUILD_ID set it registers to that one server, which takes effect instantly (for development);
 * otherwise globally, which can take a while to reach every server.
 */
import { pathToFileURL } from 'node:url';
import { type APIApplicationCommand, REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { commands } from '../commands/index.js';
import type { CommandSpec } from '../commands/spec.js';
import { buildNewsCommand } from '../src/adapters/discord/command-definition.js';

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The environment this script reads. */
export const RegisterEnvSchema = z.object({
  DISCORD_TOKEN: z.string({ error: 'is required (Developer Portal > your app > Bot > Reset Token)' }).min(1),
  DISCORD_APPLICATION_ID: z
    .string({ error: 'is required (Developer Portal > your app > General Information)' })
    .regex(/^\d{17,20}$/, 'must be the numeric application id (17-20 digits)'),
  DISCORD_GUILD_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a numeric server (guild) id (17-20 digits)')
      .optional(),
  ),
  DISCORD_API_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
});

export type RegisterEnv = z.infer<typeof RegisterEnvSchema>;

/** What was registered, and where. */
export interface RegistrationResult {
  scope: 'guild' | 'global';
  guildId: string | null;
  commands: { id: string; name: string; subcommands: string[] }[];
}

/** Replaces the application's commands (in one guild, or globally) with `/news`. */
export async function registerDiscordCommands(options: {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
  specs?: readonly CommandSpec[];
  restOptions?: { retries?: number; timeout?: number };
}): Promise<RegistrationResult> {
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.restOptions?.retries !== undefined ? { retries: options.restOptions.retries } : {}),
    ...(options.restOptions?.timeout !== undefined ? { timeout: options.restOptions.timeout } : {}),
  }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const body = [buildNewsCommand(options.specs ?? commands)];
  const saved = (await rest.put(route, { body })) as APIApplicationCommand[];
  return {
    scope: options.guildId ? 'guild' : 'global',
    guildId: options.guildId ?? null,
    commands: saved.map((command) => ({
      id: command.id,
      name: command.name,
      subcommands: (command.options ?? []).map((option) => option.name),
    })),
  };
}

/** One line per registered command, e.g. `/news (latest, who, ...) registered to guild 123 as 456`. */
export function describeRegistration(result: RegistrationResult): string {
  const where =
    result.scope === 'guild' ? `to guild ${result.guildId} (active now)` : 'globally (may take up to an hour)';
  return result.commands
    .map((command) => `/${command.name} (${command.subcommands.join(', ')}) registered ${where} as ${command.id}`)
    .join('\n');
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const parsed = RegisterEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    process.stderr.write(
      `Cannot register the Discord command; fix these settings in .env:\n${z.prettifyError(parsed.error)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const env = parsed.data;
  const result = await registerDiscordCommands({
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_GUILD_ID,
    apiUrl: env.DISCORD_API_URL,
  });
  process.stdout.write(`${describeRegistration(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // the token is never part of a Discord error; the message and status say what went wrong
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`Registering the Discord command failed: ${detail}\n`);
    process.exitCode = 1;
  });
}
