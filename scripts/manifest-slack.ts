import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { buildSlackManifest } from '../src/adapters/slack/manifest.js';

// npm run manifest:slack [-- --request-url https://example.com/slack/events] [-- --name newsdesk]
const { values } = parseArgs({
  options: { 'request-url': { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } },
});
const requestUrl = values['request-url'];
const manifest = buildSlackManifest(commands, {
  ...(values.name === undefined ? {} : { name: values.name }),
  ...(requestUrl === undefined ? {} : { requestUrl }),
});
const target = resolve(values.out ?? new URL('../slack-manifest.json', import.meta.url).pathname);
writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(
  `Wrote the Slack app manifest to ${target}\n` +
    `(${requestUrl === undefined ? 'Socket Mode' : `HTTP mode, requests to ${requestUrl}`}). ` +
    'Create the app at https://api.slack.com/apps -> Create New App -> From a manifest, and paste it.\n',
);
