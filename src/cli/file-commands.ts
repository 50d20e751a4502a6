import { z } from 'zod';
import { ingestPaths } from '../adapters/sources/file-source.js';
import { readRegularFile } from '../adapters/sources/read-file.js';
import { cliOnlyCommand, emit } from './cli-command.js';
import { AnalyzeOutput, IngestOutput } from './output-schemas.js';

/** `newsdesk ingest [path...]`: the articles folder, then any files or folders named. */
export const ingest = cliOnlyCommand({
  name: 'ingest',
  description: 'Ingest files or folders (default: the articles directory)',
  example: 'newsdesk ingest ~/Downloads/articles',
  options: [{ name: 'path', description: 'files or folders', form: 'args', required: false }],
  schema: z.object({ path: z.array(z.string()).default([]) }),
  async run({ path: paths }, { io, json, config, analyzer, store }) {
    // the one command that mirrors the folder: files deleted from it leave the database here
    const { desk, synced } = await store({ forgetDeleted: true });
    const extra =
      paths.length > 0
        ? await ingestPaths({
            paths,
            store: desk.stores.articles,
            analyzer,
            maxFileBytes: config.ARTICLE_MAX_FILE_BYTES,
          })
        : null;
    for (const warning of extra?.warnings ?? []) io.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
    const result = extra ?? synced;
    if (json) return emit(io, IngestOutput, result);
    io.stdout.write(
      `${result.added} added, ${result.updated} updated, ${result.removed} removed, ${result.unchanged} unchanged files; ${result.articles} articles ingested.\n`,
    );
    return 0;
  },
});

/** `newsdesk analyze <file...>`: what newsdesk reads in files, without a store. */
export const analyze = cliOnlyCommand({
  name: 'analyze',
  description: 'Parse and analyse files without storing them',
  example: 'newsdesk analyze articles/000_a81465b85111eb58.txt --json',
  options: [{ name: 'file', description: 'article files', form: 'args', required: true }],
  schema: z.object({ file: z.array(z.string()).min(1) }),
  async run({ file: files }, { io, json, config, analyzer }) {
    const articles: z.input<typeof AnalyzeOutput>['articles'] = [];
    const warnings: { file: string; message: string }[] = [];
    for (const file of files) {
      let read: Awaited<ReturnType<typeof readRegularFile>>;
      try {
        read = await readRegularFile(file, { maxBytes: config.ARTICLE_MAX_FILE_BYTES, followLinks: true });
      } catch (error) {
        warnings.push({ file, message: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      if ('refused' in read) {
        warnings.push({ file, message: read.refused });
        continue;
      }
      const result = await analyzer.analyzeFile({ path: file, bytes: read.bytes, retrievedAt: new Date() });
      warnings.push(...result.warnings.map((w) => ({ file: w.file, message: w.message })));
      for (const a of result.analyzed) {
        articles.push({
          id: a.id,
          title: a.title,
          publishedAt: a.publishedAt,
          summary: a.summary.standard,
          highlights: a.highlights,
          people: a.people.map((p) => ({ name: p.name, kind: p.kind ?? 'person', aliases: p.aliases, roles: p.roles })),
          quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind, start: q.start, end: q.end })),
        });
      }
    }
    const code = warnings.length > 0 && articles.length === 0 ? 1 : 0;
    if (json) return emit(io, AnalyzeOutput, { articles, warnings }, code);
    for (const w of warnings) io.stderr.write(`warning: ${w.file}: ${w.message}\n`);
    for (const a of articles) {
      io.stdout.write(`== ${a.title} ==\nid ${a.id} · ${a.publishedAt ?? 'undated'}\n`);
      io.stdout.write(`Summary: ${a.summary.join(' ')}\n`);
      for (const p of a.people) {
        const label = p.kind === 'organisation' ? 'Organisation' : 'Person';
        io.stdout.write(`${label}: ${p.name}${p.roles.length ? ` (${p.roles.join('; ')})` : ''}\n`);
      }
      for (const q of a.quotes) io.stdout.write(`Quote [${q.kind}] ${q.speaker ?? '(unattributed)'}: ${q.text}\n`);
      io.stdout.write('\n');
    }
    return code;
  },
});
