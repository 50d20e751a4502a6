/**
 * Measures the extractive summarizer against Lead-3 on the CNN/DailyMail sample and the BBC News Summary set.
 * Reads ../shared/eval in place (or NEWSDESK_EVAL_DIR); skips with a message when the data is absent.
 *
 *   npm run eval:summaries [-- --check] [-- --json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParsedArticle } from '../src/core/articles/article.js';
import { articleFromLines } from '../src/core/articles/from-lines.js';
import { type RougeScores, scoreRouge } from '../src/core/nlp/rouge.js';
import { summarizeExtractive } from '../src/core/nlp/summarize.js';
import type { RankingConfig } from '../src/core/nlp/summary-ranking.js';
import { type CandidateSentence, collectCandidateSentences } from '../src/core/nlp/summary-sentences.js';

/** One evaluation document: the article and its reference summary sentences. */
export interface EvalDocument {
  id: string;
  article: ParsedArticle;
  reference: string[];
}

/** Mean figures of one system on one data set (ROUGE in percent). */
export interface SystemFigures {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
  /** share of summaries with a sentence whose antecedent was left out, in percent */
  danglingRate: number;
  msPerArticle: number;
}

export interface DatasetFigures {
  dataset: string;
  documents: number;
  lead3: SystemFigures;
  ours: SystemFigures;
}

/** Targets from issue 4: ROUGE-1 of our summarizer on each set. */
export const TARGETS: Record<string, number> = { 'cnndm-sample': 37.2, bbc: 59.4 };

const K = 3;

export function resolveEvalDir(): string {
  const fromEnv = process.env.NEWSDESK_EVAL_DIR;
  if (fromEnv !== undefined && fromEnv.length > 0) return path.resolve(fromEnv);
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return path.resolve(projectRoot, '../shared/eval');
}

/** Parse CSV (RFC 4180: quoted fields may hold commas, doubled quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function loadCnnSample(evalDir: string): EvalDocument[] | null {
  const file = path.join(evalDir, 'cnndm-sample', 'train_sample.csv');
  if (!existsSync(file)) return null;
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [idCol, articleCol, highlightsCol] = [column('id'), column('article'), column('highlights')];
  return rows
    .filter((row) => row.length > Math.max(idCol, articleCol, highlightsCol))
    .map((row) => ({
      id: row[idCol] as string,
      // the sample has no titles: the text is the whole article
      article: articleFromLines('', row[articleCol] as string, 0),
      reference: (row[highlightsCol] as string)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    }));
}

/** BBC summaries join their sentences without a space ("profit.She said"). */
export function splitBbcSummary(text: string): string[] {
  return text
    .replace(/([.!?]["']?)(?=[A-Z"'])/g, '$1\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function loadBbc(evalDir: string): EvalDocument[] | null {
  const root = path.join(evalDir, 'bbc-news-summary');
  if (!existsSync(path.join(root, 'articles'))) return null;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const documents: EvalDocument[] = [];
  for (const category of readdirSync(path.join(root, 'articles')).sort()) {
    for (const name of readdirSync(path.join(root, 'articles', category)).sort()) {
      const summaryFile = path.join(root, 'summaries', category, name);
      if (!name.endsWith('.txt') || !existsSync(summaryFile)) continue;
      const text = decoder.decode(readFileSync(path.join(root, 'articles', category, name)));
      const firstBreak = text.search(/\r?\n/);
      const titleEnd = firstBreak < 0 ? text.length : firstBreak;
      documents.push({
        id: `${category}/${name}`,
        article: articleFromLines(text.slice(0, titleEnd).trim(), text, titleEnd),
        reference: splitBbcSummary(decoder.decode(readFileSync(summaryFile))),
      });
    }
  }
  return documents;
}

/** A summary dangles when one of its sentences refers back to a left-out sentence. */
export function isDanglingSelection(sentences: readonly CandidateSentence[], chosen: readonly number[]): boolean {
  const set = new Set(chosen);
  return chosen.some((i) => i > 0 && (sentences[i] as CandidateSentence).isDangling && !set.has(i - 1));
}

/** Candidate indices of summary texts (first unused match of each). */
function indicesOf(sentences: readonly CandidateSentence[], texts: readonly string[]): number[] {
  const used = new Set<number>();
  return texts.map((text) => {
    const index = sentences.findIndex((sentence, i) => !used.has(i) && sentence.text === text);
    used.add(index);
    return index;
  });
}

interface Accumulator {
  r1: number;
  r2: number;
  rl: number;
  dangling: number;
  ms: number;
}

function emptyAccumulator(): Accumulator {
  return { r1: 0, r2: 0, rl: 0, dangling: 0, ms: 0 };
}

function add(acc: Accumulator, scores: RougeScores, dangling: boolean, ms: number): void {
  acc.r1 += scores.rouge1.f1;
  acc.r2 += scores.rouge2.f1;
  acc.rl += scores.rougeLsum.f1;
  acc.dangling += dangling ? 1 : 0;
  acc.ms += ms;
}

function toFigures(acc: Accumulator, n: number): SystemFigures {
  const pct = (x: number) => Math.round((10_000 * x) / Math.max(n, 1)) / 100;
  return {
    rouge1: pct(acc.r1),
    rouge2: pct(acc.r2),
    rougeLsum: pct(acc.rl),
    danglingRate: pct(acc.dangling),
    msPerArticle: Math.round((1000 * acc.ms) / Math.max(n, 1)) / 1000,
  };
}

/** Score Lead-3 and the summarizer on a set of documents. */
export function evaluate(dataset: string, documents: readonly EvalDocument[], ranking?: RankingConfig): DatasetFigures {
  const lead = emptyAccumulator();
  const ours = emptyAccumulator();
  for (const document of documents) {
    const reference = document.reference.join('\n');
    const started = performance.now();
    const summary = summarizeExtractive(document.article, ranking === undefined ? {} : { ranking });
    const elapsed = performance.now() - started;
    const sentences = collectCandidateSentences(document.article);
    const leadChosen = sentences.slice(0, K).map((_, i) => i);
    const leadText = leadChosen.map((i) => (sentences[i] as CandidateSentence).text).join('\n');
    add(lead, scoreRouge(reference, leadText), isDanglingSelection(sentences, leadChosen), 0);
    add(
      ours,
      scoreRouge(reference, summary.standard.join('\n')),
      isDanglingSelection(sentences, indicesOf(sentences, summary.standard)),
      elapsed,
    );
  }
  return {
    dataset,
    documents: documents.length,
    lead3: toFigures(lead, documents.length),
    ours: toFigures(ours, documents.length),
  };
}

function formatRow(name: string, figures: SystemFigures, withTime: boolean): string {
  const cells = [figures.rouge1, figures.rouge2, figures.rougeLsum].map((x) => x.toFixed(2).padStart(7)).join(' ');
  const time = withTime ? `${figures.msPerArticle.toFixed(3).padStart(9)}` : '        -';
  return `  ${name.padEnd(10)} ${cells} ${`${figures.danglingRate.toFixed(2)}%`.padStart(9)} ${time}`;
}

export function formatReport(results: readonly DatasetFigures[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.dataset} (${result.documents} articles, k = ${K})`);
    lines.push(
      `  ${'system'.padEnd(10)} ${'R-1'.padStart(7)} ${'R-2'.padStart(7)} ${'R-Lsum'.padStart(7)} ${'dangling'.padStart(9)} ${'ms/art'.padStart(9)}`,
    );
    lines.push(formatRow('Lead-3', result.lead3, false));
    lines.push(formatRow('newsdesk', result.ours, true));
    const target = TARGETS[result.dataset];
    if (target !== undefined) lines.push(`  target: R-1 >= ${target.toFixed(2)}, dangling <= Lead-3`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Failures against the targets (empty when all are met). */
export function checkTargets(results: readonly DatasetFigures[]): string[] {
  const failures: string[] = [];
  for (const result of results) {
    const target = TARGETS[result.dataset];
    if (target !== undefined && result.ours.rouge1 < target) {
      failures.push(`${result.dataset}: R-1 ${result.ours.rouge1.toFixed(2)} < ${target.toFixed(2)}`);
    }
    if (result.ours.danglingRate > result.lead3.danglingRate) {
      failures.push(`${result.dataset}: dangling ${result.ours.danglingRate}% > Lead-3 ${result.lead3.danglingRate}%`);
    }
  }
  return failures;
}

function main(argv: readonly string[]): number {
  const evalDir = resolveEvalDir();
  const sets: [string, EvalDocument[] | null][] = [
    ['cnndm-sample', loadCnnSample(evalDir)],
    ['bbc', loadBbc(evalDir)],
  ];
  const present = sets.filter((entry): entry is [string, EvalDocument[]] => entry[1] !== null);
  if (present.length === 0) {
    process.stdout.write(`eval:summaries skipped: no evaluation data in ${evalDir} (set NEWSDESK_EVAL_DIR)\n`);
    return 0;
  }
  for (const [name, documents] of sets) {
    if (documents === null) process.stdout.write(`eval:summaries: ${name} absent in ${evalDir}, skipped\n`);
  }
  const results = present.map(([name, documents]) => evaluate(name, documents));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ results, failures: checkTargets(results) }, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(results));
  }
  if (argv.includes('--check')) {
    const failures = checkTargets(results);
    if (failures.length > 0) {
      process.stderr.write(`eval:summaries below target:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
      return 1;
    }
    if (!argv.includes('--json')) process.stdout.write('eval:summaries: all targets met\n');
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
