/**
 * PolNeAR (US political news, brat standoff annotations) read in place: for each article the annotator file whose
 * suffix sorts first.
 *
 * A gold "direct quote" is an Attribution whose Content span (first segment) begins with a double quotation mark,
 * straight or curly: the quoted words are the whole content. Discontinuous Content spans (a quote interrupted by its
 * attribution) count as one gold quote made of their segments. The Source span is classified by its text: pronoun
 * (he, she, they, I, we, ...), titled name (a title or honorific before a capitalised name), name (capitalised
 * words), nominal (anything else: "the campaign", "a spokesman").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { titleLengthAt } from '../../src/core/nlp/names.js';

export type SourceType = 'name' | 'titled name' | 'pronoun' | 'nominal';

export interface Range {
  start: number;
  end: number;
}

export interface GoldQuote {
  segments: Range[];
  source: Range | null;
  sourceText: string;
  sourceType: SourceType | null;
}

export interface GoldArticle {
  name: string;
  text: string;
  contents: Range[][];
  quotes: GoldQuote[];
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'him', 'her', 'them']);

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

export function readGold(dir: string, textFile: string, annFiles: readonly string[]): GoldArticle | null {
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

/** The gold articles of a PolNeAR split folder (`polnear/<split>`), in file order. */
export function readPolnearSplit(dir: string): GoldArticle[] {
  const annFiles = readdirSync(join(dir, 'attributions'));
  return readdirSync(join(dir, 'text'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readGold(dir, file, annFiles))
    .filter((article): article is GoldArticle => article !== null);
}

/**
 * A PolNeAR text as the bot reads a plain-text file: its first line is the headline (offsets into it equal the file's,
 * as it starts the file), the other lines are paragraphs with their offsets in the file.
 */
export function toArticle(text: string): ParsedArticle {
  const firstBreak = text.search(/\r?\n/);
  const titleEnd = firstBreak < 0 ? text.length : firstBreak;
  return articleFromLines(text.slice(0, titleEnd), text, titleEnd);
}
