/**
 * The texts of the shared evaluation corpora, addressed the way label files name them:
 * - `polnear/<split>/text/<name>.txt` and `bbc-news-summary/articles/<category>/<nnn>.txt`: the file, decoded as
 *   UTF-8 (leniently: one BBC file has a stray invalid byte);
 * - `cnndm-sample/train_sample.csv#<id>`: the `article` field of the row with that id;
 * - `story-clusters/<set>.jsonl#<id>`: the AllSides excerpt with that id, as its title, a blank line and its text.
 * Label offsets are JavaScript string offsets (UTF-16 code units) into that text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../eval-summaries.js';

const decoder = new TextDecoder('utf-8', { fatal: false });
const csvCache = new Map<string, Map<string, string>>();

/** The text a label reference names, or null when the corpus is absent or has no such document. */
export function readEvalText(root: string, ref: string): string | null {
  const [file, id] = ref.split('#') as [string, string | undefined];
  const path = join(root, file);
  if (!existsSync(path)) return null;
  if (id === undefined) return decoder.decode(readFileSync(path));
  if (file.endsWith('.jsonl')) return excerptText(path, id);
  let rows = csvCache.get(path);
  if (!rows) {
    const [header, ...records] = parseCsv(readFileSync(path, 'utf8'));
    const idColumn = header?.indexOf('id') ?? -1;
    const articleColumn = header?.indexOf('article') ?? -1;
    rows = new Map(records.map((record) => [record[idColumn] ?? '', record[articleColumn] ?? '']));
    csvCache.set(path, rows);
  }
  return rows.get(id) ?? null;
}

const Excerpt = z.object({ id: z.string(), title: z.string(), text: z.string() });
const jsonlCache = new Map<string, Map<string, string>>();

/** An AllSides excerpt as one text: title, a blank line, the excerpt (what the label offsets count in). */
function excerptText(path: string, id: string): string | null {
  let rows = jsonlCache.get(path);
  if (!rows) {
    rows = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = Excerpt.parse(JSON.parse(line));
      rows.set(row.id, `${row.title}\n\n${row.text}`);
    }
    jsonlCache.set(path, rows);
  }
  return rows.get(id) ?? null;
}
