/**
 * Quote extraction and attribution, measured two ways (`npm run eval:quotes`):
 *
 * 1. PolNeAR (`../shared/eval/polnear/<split>`, brat standoff, see scripts/eval/polnear.ts): content precision,
 *    recall and F1 of direct and partial quotes, and whether the speaker *mention* overlaps PolNeAR's Source span.
 *    - Content precision: a predicted quote matches when >= 50% of its characters lie inside one gold Content span.
 *    - Content recall: a gold direct quote is found when predicted quotes cover >= 50% of its characters.
 * 2. What a user sees: the person or organisation each quote is listed under, scored against canonical speakers
 *    (scripts/eval/canonical.ts) on the shared sets (`quotes-canonical/`) and on the project's own label files
 *    (scripts/eval/labels/). Tuning sets print by default; report sets, labelled from outlets and splits never
 *    tuned on, print with `--report`.
 *
 * Data is read in place (override the root with NEWSDESK_EVAL_DIR); a set whose data is absent is skipped with a
 * message. Flags: --split dev|test|train (PolNeAR split of part 1, default dev), --report, --check (exit 1 below the
 * targets: dev content F1, and recall and wrong rate on both canonical dev sets), --json, --verbose (every quote
 * not listed under its speaker), --paths (right and wrong attributions by how the speaker was found).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quote } from '../src/core/articles/article.js';
import { attributeQuotes, runPipeline } from '../src/core/nlp/attribution/pipeline.js';
import type { AttributionTrace } from '../src/core/nlp/attribution/trace.js';
import {
  articlesFor,
  CANONICAL_SETS,
  type CanonicalFigures,
  type CanonicalItem,
  type ListedQuote,
  loadCanonicalSet,
  type ScoredItem,
  scoreArticle,
  summarize,
} from './eval/canonical.js';
import {
  type GoldArticle,
  type GoldQuote,
  type Range,
  readPolnearSplit,
  type SourceType,
  toArticle,
} from './eval/polnear.js';

interface Tally {
  gold: number;
  found: number;
  withSource: number;
  attributed: number;
  correct: number;
}

/** Targets of issue 14: what a user sees on both canonical dev sets, and the content F1 of issue 3. */
const TARGETS = { contentF1: 95, recall: 85, wrongRate: 3 };
const CHECKED_SETS = ['polnear-dev', 'bbc-dev'];

interface Options {
  split: string;
  check: boolean;
  json: boolean;
  report: boolean;
  verbose: boolean;
  paths: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const splitAt = argv.indexOf('--split');
  const split = splitAt >= 0 ? (argv[splitAt + 1] ?? 'dev') : 'dev';
  if (!['dev', 'test', 'train'].includes(split)) throw new Error(`unknown split "${split}": use dev, test or train`);
  return {
    split,
    check: argv.includes('--check'),
    json: argv.includes('--json'),
    report: argv.includes('--report'),
    verbose: argv.includes('--verbose'),
    paths: argv.includes('--paths'),
  };
}

function evalRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return process.env.NEWSDESK_EVAL_DIR ?? resolve(here, '..', '..', 'shared', 'eval');
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function quoteChars(text: string, segments: readonly Range[]): Range[] {
  // quotation marks and surrounding spaces do not count toward coverage
  return segments.map((segment) => {
    let { start, end } = segment;
    while (start < end && /[\s"“”,]/u.test(text[start]!)) start++;
    while (end > start && /[\s"“”,]/u.test(text[end - 1]!)) end--;
    return { start, end };
  });
}

function newTally(): Tally {
  return { gold: 0, found: 0, withSource: 0, attributed: 0, correct: 0 };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

/** A quote's offsets in the file: body quotes are already; a headline quote's are into the title, which starts it. */
function fileRange(quote: Quote): Range {
  return { start: quote.start, end: quote.end };
}

interface PolnearFigures {
  split: string;
  articles: number;
  goldDirectQuotes: number;
  predictedDirectQuotes: number;
  content: { precision: number; recall: number; f1: number };
  speakerAccuracy: number;
  attributionCoverage: number;
  wrongSpeakerRate: number;
  bySourceType: Record<string, { quotes: number; speakerAccuracy: number; coverage: number; wrongSpeakerRate: number }>;
  msPerArticle: number;
}

function evaluatePolnear(articles: readonly GoldArticle[], split: string): PolnearFigures {
  let predicted = 0;
  let predictedMatched = 0;
  const overall = newTally();
  const byType = new Map<SourceType, Tally>();
  let elapsed = 0;
  // one full warm-up pass so the timing reflects steady-state ingest, not JIT compilation of first calls
  for (const gold of articles) attributeQuotes(toArticle(gold.text));
  for (const gold of articles) {
    const article = toArticle(gold.text);
    const began = performance.now();
    const { quotes } = attributeQuotes(article);
    elapsed += performance.now() - began;
    const direct = quotes.filter((quote) => quote.kind !== 'reported');
    predicted += direct.length;
    for (const quote of direct) {
      const range = fileRange(quote);
      const length = range.end - range.start;
      const matched = gold.contents.some((segments) =>
        segments.some((segment) => overlap(segment, range) * 2 >= length),
      );
      if (matched) predictedMatched++;
    }
    for (const goldQuote of gold.quotes) scoreGoldQuote(gold.text, goldQuote, direct, overall, byType);
  }
  const precision = percent(predictedMatched, predicted);
  const recall = percent(overall.found, overall.gold);
  const f1 = precision + recall === 0 ? 0 : Math.round((20 * precision * recall) / (precision + recall)) / 10;
  return {
    split,
    articles: articles.length,
    goldDirectQuotes: overall.gold,
    predictedDirectQuotes: predicted,
    content: { precision, recall, f1 },
    speakerAccuracy: percent(overall.correct, overall.withSource),
    attributionCoverage: percent(overall.attributed, overall.withSource),
    wrongSpeakerRate: percent(overall.attributed - overall.correct, overall.attributed),
    bySourceType: Object.fromEntries(
      [...byType.entries()].map(([type, tally]) => [
        type,
        {
          quotes: tally.withSource,
          speakerAccuracy: percent(tally.correct, tally.withSource),
          coverage: percent(tally.attributed, tally.withSource),
          wrongSpeakerRate: percent(tally.attributed - tally.correct, tally.attributed),
        },
      ]),
    ),
    msPerArticle: Math.round((100 * elapsed) / Math.max(articles.length, 1)) / 100,
  };
}

function scoreGoldQuote(
  text: string,
  gold: GoldQuote,
  predicted: readonly Quote[],
  overall: Tally,
  byType: Map<SourceType, Tally>,
): void {
  const chars = quoteChars(text, gold.segments);
  const total = chars.reduce((sum, range) => sum + Math.max(0, range.end - range.start), 0);
  const covering = predicted
    .map((quote) => ({ quote, shared: chars.reduce((sum, range) => sum + overlap(range, fileRange(quote)), 0) }))
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared);
  const covered = covering.reduce((sum, entry) => sum + entry.shared, 0);
  const found = total > 0 && covered * 2 >= total;
  const tallies = [overall, ...(gold.sourceType ? [tallyFor(byType, gold.sourceType)] : [])];
  for (const tally of tallies) {
    tally.gold++;
    if (!found) continue;
    tally.found++;
    if (!gold.source) continue;
    tally.withSource++;
    const mention = covering[0]?.quote.speakerMention;
    if (!mention) continue;
    tally.attributed++;
    if (overlap(mention, gold.source) > 0) tally.correct++;
  }
}

function tallyFor(byType: Map<SourceType, Tally>, type: SourceType): Tally {
  let tally = byType.get(type);
  if (!tally) {
    tally = newTally();
    byType.set(type, tally);
  }
  return tally;
}

/** Every labelled quote of a set, scored on the quotes the pipeline lists for its article, with how each was found. */
function evaluateCanonical(
  root: string,
  items: readonly CanonicalItem[],
): { scored: ScoredItem[]; traces: (AttributionTrace | null)[] } {
  const scored: ScoredItem[] = [];
  const traces: (AttributionTrace | null)[] = [];
  const byFile = new Map<string, CanonicalItem[]>();
  for (const item of items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  for (const [file, fileItems] of byFile) {
    const listed: ListedQuote[] = [];
    for (const article of articlesFor(root, file)) {
      const result = runPipeline(article);
      result.quotes.forEach((quote, position) => {
        listed.push({
          text: quote.text,
          kind: quote.kind,
          speaker: quote.speaker,
          mention: quote.speakerMention?.text ?? null,
          position: traces.length,
        });
        traces.push(result.traces[position] ?? null);
      });
    }
    scored.push(...scoreArticle(fileItems, listed));
  }
  return { scored, traces };
}

/** Right and wrong attributions by how the speaker was found (cue, then resolution), worst first. */
function formatPaths(scored: readonly ScoredItem[], traces: readonly (AttributionTrace | null)[]): string {
  const tally = new Map<string, { right: number; wrong: number }>();
  for (const entry of scored) {
    const trace = entry.quote?.position === undefined ? null : traces[entry.quote.position];
    if (!trace) continue;
    const right = entry.outcome === 'correct';
    if (!right && entry.outcome !== 'wrong' && entry.outcome !== 'anonymous-given') continue;
    for (const key of [`cue ${trace.cue}`, `resolved by ${trace.via}`]) {
      const counts = tally.get(key) ?? { right: 0, wrong: 0 };
      if (right) counts.right++;
      else counts.wrong++;
      tally.set(key, counts);
    }
  }
  return [...tally.entries()]
    .sort(([, a], [, b]) => b.wrong - a.wrong || b.right - a.right)
    .map(([key, counts]) => `    ${key.padEnd(36)} right ${counts.right}  wrong ${counts.wrong}\n`)
    .join('');
}

function formatPolnear(figures: PolnearFigures): string {
  const lines = [
    `PolNeAR ${figures.split}: ${figures.articles} articles, ${figures.goldDirectQuotes} gold direct quotes, ${figures.predictedDirectQuotes} predicted`,
    `  content      P ${figures.content.precision}  R ${figures.content.recall}  F1 ${figures.content.f1}`,
    `  mention      accuracy ${figures.speakerAccuracy}%  coverage ${figures.attributionCoverage}%  wrong ${figures.wrongSpeakerRate}%`,
    ...Object.entries(figures.bySourceType).map(
      ([type, tally]) =>
        `    ${type.padEnd(12)} n=${String(tally.quotes).padEnd(4)} accuracy ${tally.speakerAccuracy}%  coverage ${tally.coverage}%  wrong ${tally.wrongSpeakerRate}%`,
    ),
    `  speed        ${figures.msPerArticle} ms/article`,
  ];
  return `${lines.join('\n')}\n`;
}

function formatCanonical(name: string, use: string, figures: CanonicalFigures): string {
  const lines = [
    `${name} (${use}): ${figures.labelled} quotes with a speaker`,
    `  listed under the right speaker ${figures.recall}%  wrong ${figures.wrongRate}%  ` +
      `(correct ${figures.correct}, wrong ${figures.wrong}, surname only ${figures.unresolved}, ` +
      `unattributed ${figures.unattributed}, missed ${figures.missed}, anonymous given a speaker ${figures.anonymousGiven})`,
    ...Object.entries(figures.byConstruct)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([construct, tally]) =>
          `    ${construct.padEnd(12)} n=${String(tally.quotes).padEnd(4)} right ${tally.recall}%  wrong ${tally.wrongRate}%`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const root = evalRoot();
  const output: string[] = [];
  const result: { polnear?: PolnearFigures; canonical: Record<string, CanonicalFigures> } = { canonical: {} };
  const failures: string[] = [];

  const dir = join(root, 'polnear', options.split);
  if (existsSync(join(dir, 'text'))) {
    result.polnear = evaluatePolnear(readPolnearSplit(dir), options.split);
    output.push(formatPolnear(result.polnear));
    if (options.check && options.split === 'dev' && result.polnear.content.f1 < TARGETS.contentF1) {
      failures.push(`PolNeAR dev content F1 ${result.polnear.content.f1} < ${TARGETS.contentF1}`);
    }
  } else {
    output.push(`PolNeAR skipped: no data at ${dir}\n`);
  }

  for (const entry of CANONICAL_SETS) {
    if (entry.use === 'report' && !options.report) continue;
    const set = loadCanonicalSet(root, entry.name);
    if (!set) {
      output.push(`${entry.name} skipped: its articles or labels are not on this machine\n`);
      if (options.check && CHECKED_SETS.includes(entry.name)) failures.push(`${entry.name}: no data to check`);
      continue;
    }
    const { scored, traces } = evaluateCanonical(root, set.items);
    const figures = summarize(scored);
    result.canonical[set.name] = figures;
    output.push(formatCanonical(set.name, set.use, figures));
    if (options.paths) output.push(formatPaths(scored, traces));
    if (options.verbose) output.push(formatMisses(scored, traces));
    if (options.check && CHECKED_SETS.includes(set.name)) {
      if (figures.recall < TARGETS.recall) failures.push(`${set.name} recall ${figures.recall}% < ${TARGETS.recall}%`);
      if (figures.wrongRate > TARGETS.wrongRate) {
        failures.push(`${set.name} wrong rate ${figures.wrongRate}% > ${TARGETS.wrongRate}%`);
      }
    }
  }

  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : output.join(''));
  if (failures.length > 0) {
    process.stderr.write(`eval:quotes --check failed: ${failures.join('; ')}\n`);
    process.exitCode = 1;
  }
}

/** The quotes not listed under their speaker, for reading the errors of a tuning set. */
function formatMisses(scored: readonly ScoredItem[], traces: readonly (AttributionTrace | null)[]): string {
  return scored
    .filter((entry) => entry.outcome !== 'correct' && entry.outcome !== 'anonymous-ok')
    .map((entry) => {
      const trace = entry.quote?.position === undefined ? null : traces[entry.quote.position];
      const path = trace ? ` (${trace.cue}, ${trace.via})` : '';
      return `    ${entry.outcome.padEnd(15)} ${entry.construct.padEnd(12)} gold=${entry.item.speaker} listed=${entry.listedUnder} mention=${entry.mention}${path} | ${entry.item.quote.slice(0, 60)} | ${entry.item.file}\n`;
    })
    .join('');
}

main();
