/**
 * Quote extraction and attribution measured on PolNeAR (US political news, brat standoff annotations).
 *
 * Reads `../shared/eval/polnear/<split>` in place (override the eval root with NEWSDESK_EVAL_DIR) and skips with a
 * message when it is absent. For each article the annotator file whose suffix sorts first is used.
 *
 * A gold "direct quote" is an Attribution whose Content span (first segment) begins with a double quotation mark,
 * straight or curly: the quoted words are the whole content. Discontinuous Content spans (a quote interrupted by its
 * attribution) count as one gold quote made of their segments.
 *
 * Predictions are the quotes in quotation marks of analyzePeopleAndQuotes (kinds `direct` and `partial`): PolNeAR's
 * definition above takes in quoted words woven into a sentence ("said it “considers that ...”"), which the product
 * marks partial.
 * - Content precision: a predicted quote matches when >= 50% of its characters lie inside one gold Content span
 *   (any attribution: a quote inside an annotated paraphrase is still a real quote).
 * - Content recall: a gold direct quote is found when predicted quotes cover >= 50% of its characters
 *   (quotation marks excluded); F1 combines the two.
 * - Speaker accuracy: of the found gold direct quotes with a Source span, the share whose covering prediction has a
 *   speakerMention overlapping that Source span. Attribution coverage: the share with any speakerMention.
 *   Wrong-speaker rate: of those with a speakerMention, the share not overlapping the Source.
 * - Source type from the gold Source text: pronoun (he, she, they, I, we, ...), titled name (a title or honorific
 *   before a capitalised name), name (capitalised words), nominal (anything else: "the campaign", "a spokesman").
 *
 * Flags: --split dev|test|train (default dev), --check (exit 1 below the targets, dev only), --json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedArticle, Quote } from '../src/core/articles/article.js';
import { articleFromLines } from '../src/core/articles/from-lines.js';
import { titleLengthAt } from '../src/core/nlp/names.js';
import { analyzePeopleAndQuotes } from '../src/core/nlp/quotes/index.js';

type SourceType = 'name' | 'titled name' | 'pronoun' | 'nominal';

interface Range {
  start: number;
  end: number;
}

interface GoldQuote {
  segments: Range[];
  source: Range | null;
  sourceText: string;
  sourceType: SourceType | null;
}

interface GoldArticle {
  name: string;
  text: string;
  contents: Range[][];
  quotes: GoldQuote[];
}

interface Tally {
  gold: number;
  found: number;
  withSource: number;
  attributed: number;
  correct: number;
}

const TARGETS = { contentF1: 95, speakerAccuracy: 85, pronounAccuracy: 70, wrongSpeakerRate: 3 };
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'him', 'her', 'them']);

function parseArgs(argv: readonly string[]): { split: string; check: boolean; json: boolean } {
  const splitAt = argv.indexOf('--split');
  const split = splitAt >= 0 ? (argv[splitAt + 1] ?? 'dev') : 'dev';
  if (!['dev', 'test', 'train'].includes(split)) throw new Error(`unknown split "${split}": use dev, test or train`);
  return { split, check: argv.includes('--check'), json: argv.includes('--json') };
}

function evalRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return process.env.NEWSDESK_EVAL_DIR ?? resolve(here, '..', '..', 'shared', 'eval');
}

function parseSegments(spec: string): Range[] {
  return spec.split(';').map((segment) => {
    const [start, end] = segment.trim().split(/\s+/).map(Number);
    return { start: start ?? 0, end: end ?? 0 };
  });
}

function classifySource(text: string): SourceType {
  const words = text.trim().split(/\s+/);
  const lower = words.map((word) => word.toLowerCase().replace(/[^a-z]/g, ''));
  if (words.length === 1 && PRONOUNS.has(lower[0] ?? '')) return 'pronoun';
  if (!/^\p{Lu}/u.test(words[0] ?? '') || ['the', 'a', 'an'].includes(lower[0] ?? '')) return 'nominal';
  const titled = titleLengthAt(lower, 0);
  if (titled > 0 && /^\p{Lu}/u.test(words[titled] ?? '')) return 'titled name';
  return words.every((word) => /^[\p{Lu}\d]/u.test(word) || /^(?:of|de|van|von|bin|al|la|le)$/.test(word))
    ? 'name'
    : 'nominal';
}

function readGold(dir: string, textFile: string, annFiles: readonly string[]): GoldArticle | null {
  const base = textFile.replace(/\.txt$/, '');
  const annotation = annFiles.filter((file) => file.startsWith(`${base}_`)).sort()[0];
  if (!annotation) return null;
  const text = readFileSync(join(dir, 'text', textFile), 'utf8');
  const spans = new Map<string, { type: string; segments: Range[] }>();
  const events: Record<string, string>[] = [];
  for (const line of readFileSync(join(dir, 'attributions', annotation), 'utf8').split('\n')) {
    const fields = line.split('\t');
    const id = fields[0] ?? '';
    if (id.startsWith('T') && fields[1]) {
      const [type, ...rest] = fields[1].split(' ');
      spans.set(id, { type: type ?? '', segments: parseSegments(rest.join(' ')) });
    } else if (id.startsWith('E') && fields[1]) {
      const roles: Record<string, string> = {};
      for (const pair of fields[1].split(' ')) {
        const [role, ref] = pair.split(':');
        if (role && ref) roles[role.startsWith('Attribution') ? 'Attribution' : role] = ref;
      }
      events.push(roles);
    }
  }
  const contents: Range[][] = [];
  const quotes: GoldQuote[] = [];
  for (const event of events) {
    const content = spans.get(event.Content ?? '');
    if (content?.type !== 'Content') continue;
    contents.push(content.segments);
    const first = content.segments[0]!;
    if (!/^\s*["“”]/u.test(text.slice(first.start, first.end))) continue;
    const source = spans.get(event.Source ?? '');
    const sourceRange = source ? { start: source.segments[0]!.start, end: source.segments.at(-1)!.end } : null;
    const sourceText = sourceRange ? text.slice(sourceRange.start, sourceRange.end) : '';
    quotes.push({
      segments: content.segments,
      source: sourceRange,
      sourceText,
      sourceType: sourceRange ? classifySource(sourceText) : null,
    });
  }
  return { name: textFile, text, contents, quotes };
}

/** Paragraphs are the non-empty lines, with exact offsets; the first is the title. */
/** PolNeAR texts have no title line of their own: the first line stands in for one. */
function toArticle(text: string): ParsedArticle {
  const article = articleFromLines('', text);
  return { ...article, title: article.paragraphs[0]?.text ?? '' };
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

function main(): void {
  const { split, check, json } = parseArgs(process.argv.slice(2));
  const dir = join(evalRoot(), 'polnear', split);
  if (!existsSync(join(dir, 'text'))) {
    process.stdout.write(`eval:quotes skipped: no PolNeAR data at ${dir}\n`);
    return;
  }
  const annFiles = readdirSync(join(dir, 'attributions'));
  const articles = readdirSync(join(dir, 'text'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readGold(dir, file, annFiles))
    .filter((article): article is GoldArticle => article !== null);

  let predicted = 0;
  let predictedMatched = 0;
  const overall = newTally();
  const byType = new Map<SourceType, Tally>();
  let elapsed = 0;

  // one full warm-up pass so the timing reflects steady-state ingest, not JIT compilation of first calls
  for (const gold of articles) analyzePeopleAndQuotes(toArticle(gold.text));

  for (const gold of articles) {
    const article = toArticle(gold.text);
    const began = performance.now();
    const { quotes } = analyzePeopleAndQuotes(article);
    elapsed += performance.now() - began;
    const direct = quotes.filter((quote) => quote.kind !== 'reported');
    predicted += direct.length;
    for (const quote of direct) {
      const length = quote.end - quote.start;
      const matched = gold.contents.some((segments) =>
        segments.some((segment) => overlap(segment, quote) * 2 >= length),
      );
      if (matched) predictedMatched++;
    }
    for (const goldQuote of gold.quotes) {
      scoreGoldQuote(gold.text, goldQuote, direct, overall, byType);
    }
  }

  const precision = percent(predictedMatched, predicted);
  const recall = percent(overall.found, overall.gold);
  const f1 = precision + recall === 0 ? 0 : Math.round((20 * precision * recall) / (precision + recall)) / 10;
  const figures = {
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

  if (json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    process.stdout.write(formatFigures(figures));
  }
  if (check && split === 'dev') {
    const pronoun = figures.bySourceType.pronoun?.speakerAccuracy ?? 100;
    const failures = [
      f1 < TARGETS.contentF1 ? `content F1 ${f1} < ${TARGETS.contentF1}` : null,
      figures.speakerAccuracy < TARGETS.speakerAccuracy
        ? `speaker accuracy ${figures.speakerAccuracy}% < ${TARGETS.speakerAccuracy}%`
        : null,
      pronoun < TARGETS.pronounAccuracy ? `pronoun speaker accuracy ${pronoun}% < ${TARGETS.pronounAccuracy}%` : null,
      figures.wrongSpeakerRate > TARGETS.wrongSpeakerRate
        ? `wrong-speaker rate ${figures.wrongSpeakerRate}% > ${TARGETS.wrongSpeakerRate}%`
        : null,
    ].filter((failure): failure is string => failure !== null);
    if (failures.length > 0) {
      process.stderr.write(`eval:quotes --check failed: ${failures.join('; ')}\n`);
      process.exitCode = 1;
    }
  }
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
    .map((quote) => ({ quote, shared: chars.reduce((sum, range) => sum + overlap(range, quote), 0) }))
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

function formatFigures(figures: {
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
}): string {
  const lines = [
    `PolNeAR ${figures.split}: ${figures.articles} articles, ${figures.goldDirectQuotes} gold direct quotes, ${figures.predictedDirectQuotes} predicted`,
    `content      P ${figures.content.precision}  R ${figures.content.recall}  F1 ${figures.content.f1}`,
    `speaker      accuracy ${figures.speakerAccuracy}%  coverage ${figures.attributionCoverage}%  wrong ${figures.wrongSpeakerRate}%`,
    ...Object.entries(figures.bySourceType).map(
      ([type, tally]) =>
        `  ${type.padEnd(12)} n=${String(tally.quotes).padEnd(4)} accuracy ${tally.speakerAccuracy}%  coverage ${tally.coverage}%  wrong ${tally.wrongSpeakerRate}%`,
    ),
    `speed        ${figures.msPerArticle} ms/article`,
  ];
  return `${lines.join('\n')}\n`;
}

main();
