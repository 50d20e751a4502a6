/**
 * People and their roles, measured (`npm run eval:people`) on the project's own labels (scripts/eval/labels/):
 *
 * 1. Per article (people-articles.json: BBC, PolNeAR and CNN/DM articles, each person with the roles the article
 *    gives): person recall (a labelled person found under their full name), spurious people (found people that are
 *    nobody the label names: fragments of organisations, places, titles), first role right (the first role shown
 *    is one the article gives), and junk (shown roles, the first three of each person, that the article does not
 *    give that person).
 * 2. As a user sees it (people-corpus.json): every BBC News article ingested into a fresh store through the CLI,
 *    then `newsdesk who <name> --json` for 60 people who recur in it: found, first role right (one a reader would
 *    accept first), junk among the three roles a chat reply shows; and 30 strings that are no person
 *    (`who "Home Office"` must not answer with a person of that name).
 *
 * Both label files split into tune and held-out halves; `--split tune|heldout|all` (default all) picks one.
 * 3. Other outlets: AllSides excerpts (a headline and the first paragraphs) of many US and UK outlets, labelled
 *    the same way: people-allsides-tune.json (tuning, printed unless --split heldout) and people-allsides-2021.json
 *    (report: printed with --report, its misses never).
 * Flags: --check (exit 1 below the targets on the held-out split), --report, --json, --verbose (every miss).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runCli } from '../src/cli/run-cli.js';
import type { Person } from '../src/core/articles/article.js';
import { attributeQuotes } from '../src/core/nlp/attribution/pipeline.js';
import { articlesFor, compareSpeaker } from './eval/canonical.js';
import { readEvalText } from './eval/corpora.js';
import { rolesMatch } from './eval/roles-match.js';

const TARGETS = { recall: 95, firstRole: 90, junk: 2 };
/** Roles a chat reply shows. */
const SHOWN_ROLES = 3;

const Split = z.enum(['tune', 'heldout']);
const ArticlesFile = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      split: Split,
      people: z.array(
        z.object({ name: z.string(), roles: z.array(z.string()), alsoKnownAs: z.array(z.string()).optional() }),
      ),
    }),
  ),
});
const CorpusFile = z.object({
  people: z.array(
    z.object({
      name: z.string(),
      split: Split,
      roles: z.array(z.string()),
      firstRoleAccepted: z.array(z.string()),
    }),
  ),
  notPeople: z.array(z.object({ text: z.string(), split: Split })),
});
const WhoJson = z.object({
  matches: z.array(
    z.object({ name: z.string(), kind: z.enum(['person', 'organisation']), roles: z.array(z.string()) }),
  ),
});

const here = dirname(fileURLToPath(import.meta.url));
const root = process.env.NEWSDESK_EVAL_DIR ?? resolve(here, '..', '..', 'shared', 'eval');
const labels = join(here, 'eval', 'labels');

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

interface ArticleFigures {
  articles: number;
  labelled: number;
  recall: number;
  spurious: number;
  spuriousShare: number;
  firstRoleRight: number;
  firstRoleShown: number;
  withRoles: number;
  junk: number;
  shownRoles: number;
}

function evaluateArticles(file: string, split: string, misses: string[]): ArticleFigures | null {
  const path = join(labels, file);
  if (!existsSync(path)) return null;
  const parsed = ArticlesFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const entries = parsed.articles.filter((entry) => split === 'all' || entry.split === split);
  if (entries.length === 0 || readEvalText(root, entries[0]!.file) === null) return null;
  let labelled = 0;
  let found = 0;
  let systemPeople = 0;
  let spurious = 0;
  let withRoles = 0;
  let firstShown = 0;
  let firstRight = 0;
  let shownRoles = 0;
  let junk = 0;
  for (const entry of entries) {
    const people: Person[] = articlesFor(root, entry.file).flatMap((article) =>
      attributeQuotes(article).people.filter((person) => (person.kind ?? 'person') === 'person'),
    );
    systemPeople += people.length;
    const matched = new Set<Person>();
    for (const gold of entry.people) {
      labelled++;
      const names = [gold.name, ...(gold.alsoKnownAs ?? [])];
      const person = people.find((candidate) =>
        names.some((name) => compareSpeaker(candidate.name, name) === 'correct'),
      );
      if (!person) {
        misses.push(`missed person ${gold.name} | ${entry.file}`);
        continue;
      }
      found++;
      matched.add(person);
      const shown = person.roles.slice(0, SHOWN_ROLES);
      for (const role of shown) {
        shownRoles++;
        if (!gold.roles.some((labelledRole) => rolesMatch(role, labelledRole))) {
          junk++;
          misses.push(
            `junk role "${role}" for ${gold.name} (labelled: ${gold.roles.join('; ') || 'none'}) | ${entry.file}`,
          );
        }
      }
      if (gold.roles.length === 0) continue;
      withRoles++;
      const first = person.roles[0];
      if (first === undefined) continue;
      firstShown++;
      if (gold.roles.some((role) => rolesMatch(first, role))) firstRight++;
      else misses.push(`first role "${first}" for ${gold.name} (labelled: ${gold.roles.join('; ')}) | ${entry.file}`);
    }
    for (const person of people) {
      const known = entry.people.some((gold) =>
        [gold.name, ...(gold.alsoKnownAs ?? [])].some((name) => compareSpeaker(person.name, name) !== 'wrong'),
      );
      if (matched.has(person) || known) continue;
      spurious++;
      misses.push(`spurious person ${person.name} | ${entry.file}`);
    }
  }
  return {
    articles: entries.length,
    labelled,
    recall: percent(found, labelled),
    spurious,
    spuriousShare: percent(spurious, systemPeople),
    firstRoleRight: percent(firstRight, firstShown),
    firstRoleShown: percent(firstShown, withRoles),
    withRoles,
    junk: percent(junk, shownRoles),
    shownRoles,
  };
}

interface CorpusFigures {
  people: number;
  found: number;
  firstRoleRight: number;
  junk: number;
  shownRoles: number;
  notPeople: number;
  notPeopleTakenForPeople: number;
  ingestSeconds: number;
}

/** Run the CLI in this process and return what it printed on stdout. */
async function cli(argv: string[]): Promise<string> {
  let out = '';
  const silent = { write: () => true };
  const logger = { debug() {}, info() {}, warn() {}, error() {} } as never;
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (out += text) },
    stderr: silent,
    env: { LOG_LEVEL: 'error' },
    logger,
  });
  if (code !== 0) throw new Error(`newsdesk ${argv.join(' ')} exited with ${code}`);
  return out;
}

async function evaluateCorpus(split: string, misses: string[]): Promise<CorpusFigures | null> {
  const parsed = CorpusFile.parse(JSON.parse(readFileSync(join(labels, 'people-corpus.json'), 'utf8')));
  const articles = join(root, 'bbc-news-summary', 'articles');
  if (readEvalText(root, 'bbc-news-summary/articles/business/001.txt') === null) return null;
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-eval-people-'));
  const db = join(folder, 'people.db');
  try {
    const began = performance.now();
    await cli(['ingest', articles, '--db', db, '--articles', articles, '--json']);
    const ingestSeconds = Math.round((performance.now() - began) / 100) / 10;
    const people = parsed.people.filter((entry) => split === 'all' || entry.split === split);
    let found = 0;
    let firstRight = 0;
    let shownRoles = 0;
    let junk = 0;
    for (const entry of people) {
      const who = WhoJson.parse(JSON.parse(await cli(['who', entry.name, '--db', db, '--json'])));
      const match = who.matches.find((candidate) => compareSpeaker(candidate.name, entry.name) === 'correct');
      if (!match) {
        misses.push(`corpus: ${entry.name} not found (best: ${who.matches[0]?.name ?? 'nobody'})`);
        continue;
      }
      found++;
      const first = match.roles[0];
      if (first !== undefined && entry.firstRoleAccepted.some((role) => rolesMatch(first, role))) firstRight++;
      else
        misses.push(
          `corpus: ${entry.name} first role "${first ?? 'none'}" (accepted: ${entry.firstRoleAccepted.join('; ')})`,
        );
      for (const role of match.roles.slice(0, SHOWN_ROLES)) {
        shownRoles++;
        if (entry.roles.some((labelled) => rolesMatch(role, labelled))) continue;
        junk++;
        misses.push(`corpus: ${entry.name} junk role "${role}"`);
      }
    }
    const notPeople = parsed.notPeople.filter((entry) => split === 'all' || entry.split === split);
    let taken = 0;
    for (const entry of notPeople) {
      const who = WhoJson.parse(JSON.parse(await cli(['who', entry.text, '--db', db, '--json'])));
      // an organisation found under its name ("Home Office") is right; only one shown as a person is wrong
      const asPerson = who.matches.some(
        (candidate) => candidate.kind === 'person' && compareSpeaker(candidate.name, entry.text) === 'correct',
      );
      if (!asPerson) continue;
      taken++;
      misses.push(`corpus: "${entry.text}" taken for a person`);
    }
    return {
      people: people.length,
      found: percent(found, people.length),
      firstRoleRight: percent(firstRight, found),
      junk: percent(junk, shownRoles),
      shownRoles,
      notPeople: notPeople.length,
      notPeopleTakenForPeople: taken,
      ingestSeconds,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const splitAt = argv.indexOf('--split');
  const split = splitAt >= 0 ? (argv[splitAt + 1] ?? 'all') : 'all';
  if (!['tune', 'heldout', 'all'].includes(split))
    throw new Error(`unknown split "${split}": use tune, heldout or all`);
  const check = argv.includes('--check');
  const misses: string[] = [];
  const report = argv.includes('--report');
  const chosen = check ? 'heldout' : split;
  const perArticle = evaluateArticles('people-articles.json', chosen, misses);
  // AllSides excerpts of many outlets: a tuning set, and a report set printed only with --report, its misses never
  const outlets = {
    tune: chosen === 'heldout' ? null : evaluateArticles('people-allsides-tune.json', 'all', misses),
    report: report ? evaluateArticles('people-allsides-2021.json', 'all', []) : null,
  };
  const corpus = await evaluateCorpus(chosen, misses);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ split: chosen, perArticle, outlets, corpus }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    const describe = (label: string, figures: ArticleFigures) =>
      lines.push(
        `${label}: ${figures.articles} articles, ${figures.labelled} people labelled`,
        `  person recall ${figures.recall}%  spurious people ${figures.spurious} (${figures.spuriousShare}% of found)`,
        `  first role right ${figures.firstRoleRight}% (a role shown for ${figures.firstRoleShown}% of ${figures.withRoles} with roles)  junk ${figures.junk}% of ${figures.shownRoles} shown`,
      );
    if (perArticle) describe(`per article (${chosen})`, perArticle);
    else lines.push('per article: skipped, the labelled articles are not on this machine');
    if (outlets.tune) describe('AllSides excerpts, many outlets (tune)', outlets.tune);
    if (outlets.report) describe('AllSides 2021 excerpts, many outlets (report)', outlets.report);
    if (corpus) {
      lines.push(
        `corpus (all BBC ingested in ${corpus.ingestSeconds} s; ${corpus.people} people): found ${corpus.found}%  first role right ${corpus.firstRoleRight}%  junk ${corpus.junk}% of ${corpus.shownRoles} shown`,
        `  not people taken for people: ${corpus.notPeopleTakenForPeople} of ${corpus.notPeople}`,
      );
    } else lines.push('corpus: skipped, BBC News Summary is not on this machine');
    if (argv.includes('--verbose')) lines.push(...misses.map((miss) => `    ${miss}`));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!check) return;
  const failures: string[] = [];
  if (perArticle) {
    if (perArticle.recall < TARGETS.recall) failures.push(`person recall ${perArticle.recall}% < ${TARGETS.recall}%`);
    if (perArticle.firstRoleRight < TARGETS.firstRole)
      failures.push(`first role right ${perArticle.firstRoleRight}% < ${TARGETS.firstRole}%`);
    if (perArticle.junk > TARGETS.junk) failures.push(`junk roles ${perArticle.junk}% > ${TARGETS.junk}%`);
  }
  if (corpus) {
    if (corpus.firstRoleRight < TARGETS.firstRole)
      failures.push(`corpus first role right ${corpus.firstRoleRight}% < ${TARGETS.firstRole}%`);
    if (corpus.junk > TARGETS.junk) failures.push(`corpus junk roles ${corpus.junk}% > ${TARGETS.junk}%`);
  }
  if (failures.length > 0) {
    process.stderr.write(`eval:people --check failed: ${failures.join('; ')}\n`);
    process.exitCode = 1;
  }
}

await main();
