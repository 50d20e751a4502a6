import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { NewsdeskError } from '../../../core/errors.js';
import { canonicalizeUrl } from './canonical-url.js';

/** One entry of sources.json. */
export const SourceConfigSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) feed URL' })
      .transform((url) => canonicalizeUrl(url) ?? url),
    name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    intervalMinutes: z
      .number()
      .int('must be a whole number of minutes')
      .min(2, 'must be at least 2 (minutes); polling more often is impolite')
      .max(7 * 24 * 60)
      .default(15),
  })
  .strict();

/** sources.json: an array of feed sources, each URL once. */
export const SourcesFileSchema = z.array(SourceConfigSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    if (seen.has(source.url)) {
      ctx.addIssue({ code: 'custom', path: [index, 'url'], message: `${source.url} is listed twice` });
    }
    seen.add(source.url);
  });
});

/** A feed source as declared in sources.json (URL canonicalised, interval defaulted). */
export type SourceConfig = z.output<typeof SourceConfigSchema>;

/**
 * Read and validate sources.json. A missing file means no configured sources; an unreadable or
 * invalid one is a CONFIG_INVALID error that says what to fix.
 */
export async function loadSourcesFile(path: string): Promise<SourceConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return [];
    throw new NewsdeskError('CONFIG_INVALID', `Cannot read the sources file ${path}.`, { cause: error });
  }
  return parseSourcesFile(text, path);
}

/** Validate the text of a sources file; `path` only names it in errors. */
export function parseSourcesFile(text: string, path: string): SourceConfig[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NewsdeskError('CONFIG_INVALID', `The sources file ${path} is not valid JSON: ${reason}`);
  }
  const result = SourcesFileSchema.safeParse(value);
  if (!result.success) {
    throw new NewsdeskError(
      'CONFIG_INVALID',
      `The sources file ${path} is invalid.\n${z.prettifyError(result.error)}\nIt must be an array like [{ "url": "https://example.com/feed.xml", "name": "Example", "intervalMinutes": 15 }].`,
    );
  }
  return result.data;
}
