import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One article as the file source would read it: a title line, a blank line, paragraphs. */
export interface BenchText {
  name: string;
  text: string;
  words: number;
}

/** The evaluation corpora, read in place (never copied into the repository). */
export function resolveEvalDir(): string {
  return resolve(process.env.NEWSDESK_EVAL_DIR ?? new URL('../../shared/eval', import.meta.url).pathname);
}

/** Base texts: BBC News Summary articles and PolNeAR news where present, else synthetic news-like text. */
export function loadBaseTexts(): { source: string; texts: string[] } {
  const dir = resolveEvalDir();
  const texts: string[] = [];
  const bbc = join(dir, 'bbc-news-summary', 'articles');
  if (existsSync(bbc)) {
    for (const category of readdirSync(bbc).sort()) {
      for (const file of readdirSync(join(bbc, category)).sort()) {
        const raw = new TextDecoder('utf-8').decode(readFileSync(join(bbc, category, file)));
        const [title = '', ...body] = raw.split('\n').filter((line) => line.trim() !== '');
        texts.push(`${title.trim()}\n\n${body.join('\n')}\n`);
      }
    }
  }
  for (const split of ['dev', 'test']) {
    const folder = join(dir, 'polnear', split, 'text');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) {
      const lines = readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const [first = 'Untitled', ...rest] = lines;
      texts.push(`${first.slice(0, 120)}\n\n${rest.join('\n')}\n`);
    }
  }
  if (texts.length > 0) return { source: `eval corpora in ${dir}`, texts };
  return { source: 'synthetic generator', texts: Array.from({ length: 500 }, (_, i) => syntheticArticle(i)) };
}

const NAMES = [
  ['Maria', 'Lindqvist'],
  ['Tomas', 'Okafor'],
  ['Hanna', 'Petrov'],
  ['David', 'Mensah'],
  ['Yuki', 'Tanaka'],
  ['Carlos', 'Ibarra'],
  ['Amira', 'Haddad'],
  ['John', 'Whitfield'],
];
const ROLES = ['Finance Minister', 'opposition leader', 'central bank governor', 'union spokeswoman', 'mayor'];
const TOPICS = ['budget', 'rail strike', 'energy prices', 'housing plan', 'trade talks', 'flood defences'];

/** Deterministic news-like text with names, roles, quotes and reported speech. */
export function syntheticArticle(seed: number): string {
  const pick = <T>(items: T[], offset: number): T => items[(seed * 7 + offset) % items.length] as T;
  const [first, last] = pick(NAMES, 0) as [string, string];
  const [first2, last2] = pick(NAMES, 3) as [string, string];
  const topic = pick(TOPICS, 1);
  const paragraphs = [
    `${pick(ROLES, 2)} ${first} ${last} on Tuesday defended the government's ${topic}, saying it would protect families.`,
    `"We have listened to people across the country and this ${topic} reflects what they told us," ${last} said at a press conference.`,
    `${first2} ${last2}, the ${pick(ROLES, 4)}, said the plan did not go far enough and called for a vote in parliament.`,
    `"This is too little, too late," ${last2} told reporters. "Working people will pay the price."`,
    `Analysts said the ${topic} could cost about ${(seed % 90) + 10} million over five years, according to figures published on Monday.`,
    `${last} is expected to meet regional leaders next week to discuss the details.`,
  ];
  return `${first} ${last} defends ${topic} as critics call for vote\n\n${paragraphs.join('\n')}\n`;
}

/** `count` article files made from the base texts, each varied so that every id differs. */
export function buildCorpus(base: string[], count: number): BenchText[] {
  const out: BenchText[] = [];
  for (let i = 0; i < count; i++) {
    const source = base[i % base.length] as string;
    const round = Math.floor(i / base.length);
    const newline = source.indexOf('\n');
    // a varied title changes the content hash, so each copy is a distinct article
    const text = round === 0 ? source : `${source.slice(0, newline)} (${round})${source.slice(newline)}`;
    out.push({ name: `/bench/${String(i).padStart(6, '0')}.txt`, text, words: countWords(text) });
  }
  return out;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
