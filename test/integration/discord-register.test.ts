import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../commands/index.js';
import type { CommandSpec } from '../../commands/spec.js';
import { describeRegistration, RegisterEnvSchema, registerDiscordCommands } from '../../scripts/register-discord.js';
import { FakeDiscord } from '../fakes/fake-discord.js';

const TOKEN = 'MTIz.fake-bot.register-token';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.stop();
});

describe('registerDiscordCommands', () => {
  it('registers /news with every subcommand to one guild when a guild id is given', async () => {
    const result = await registerDiscordCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
    });
    const call = fake.calls.at(-1)!;
    expect(call.method).toBe('PUT');
    expect(call.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(call.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(call.status).toBe(200);
    expect(result.scope).toBe('guild');
    expect(result.commands).toEqual([
      { id: expect.any(String), name: 'news', subcommands: commands.map((c) => c.name) },
    ]);
    const id = result.commands[0]?.id;
    expect(describeRegistration(result)).toBe(
      `/news (${commands.map((c) => c.name).join(', ')}) registered to guild ${fake.guildId} (active now) as ${id}`,
    );
  });

  it('registers globally when no guild id is given', async () => {
    const result = await registerDiscordCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
    });
    expect(fake.calls.at(-1)?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(result.scope).toBe('global');
    expect(describeRegistration(result)).toContain('registered globally');
  });

  it('surfaces Discord’s validation error when a definition is invalid', async () => {
    const broken = { ...commands[0]!, name: 'Not Valid' } as CommandSpec;
    const attempt = registerDiscordCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      specs: [broken],
      restOptions: { retries: 0 },
    });
    await expect(attempt).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(attempt).rejects.toMatchObject({ code: 50035 });
  });
});

describe('RegisterEnvSchema', () => {
  it('treats a blank guild id as unset', () => {
    const env = RegisterEnvSchema.parse({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '1000000000000000001',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: ' ',
    });
    expect(env.DISCORD_GUILD_ID).toBeUndefined();
    expect(env.DISCORD_API_URL).toBeUndefined();
  });

  it('explains what is missing or malformed', () => {
    const result = RegisterEnvSchema.safeParse({ DISCORD_APPLICATION_ID: 'my-app', DISCORD_GUILD_ID: '42' });
    expect(result.success).toBe(false);
    const text = z.prettifyError(result.error!);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).toContain('must be the numeric application id');
    expect(text).toContain('must be a numeric server (guild) id');
  });
});
