/** A quoted stretch of one paragraph. Offsets are local to the paragraph text. */
export interface QuotePart {
  paragraphIndex: number;
  /** offset of the opening mark, or null when the paragraph continues a quote without reopening it */
  open: number | null;
  /**
   * offset of the closing mark, or null when the quote runs on: to the end of the paragraph, or to an opening mark
   * that starts the next sentence of the same quote (`... teachers. "We have ...`)
   */
  close: number | null;
  /** offset just past the part's stretch: after its closing mark, before a reopening mark, or the paragraph's end */
  end: number;
  /** the quoted text without marks, surrounding spaces or a trailing comma */
  textStart: number;
  textEnd: number;
}

/** One quotation: a single part, or the parts of a quote that runs over several paragraphs. */
export interface QuoteGroup {
  parts: QuotePart[];
}

const OPENING_GLYPHS = new Set(['“', '„', '«']);
const CLOSING_GLYPHS = new Set(['”', '»']);
const QUOTE_MARKS = /["“”„«»]/g;
const OPENING_CONTEXT = /[\s([{—–\-/‘]/u;

type MarkRole = 'open' | 'close';

/** Decide whether a quotation mark opens or closes, from its surroundings first and its glyph second. */
function markRole(text: string, at: number): MarkRole {
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = at + 1 >= text.length ? ' ' : text[at + 1]!;
  const opensByContext = OPENING_CONTEXT.test(before) && !/\s/u.test(after);
  const closesByContext = !/\s/u.test(before) && !OPENING_CONTEXT.test(before);
  const glyph = text[at]!;
  // nothing can close at the start of a paragraph, whatever the glyph ("” … what I learned")
  if (text.slice(0, at).trim() === '') return 'open';
  if (opensByContext && !closesByContext) return 'open';
  if (closesByContext && !opensByContext) {
    // a curly opening mark glued to a word still opens ("said:“Yes”")
    return OPENING_GLYPHS.has(glyph) && !/[\s.,;:!?]/u.test(after) ? 'open' : 'close';
  }
  if (OPENING_GLYPHS.has(glyph)) return 'open';
  if (CLOSING_GLYPHS.has(glyph)) return 'close';
  return /\s/u.test(after) ? 'close' : 'open';
}

/** Trim spaces and a trailing comma from a quoted range. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /[\s,]/u.test(text[to - 1]!)) to--;
  return [from, to];
}

/** Sentence-final punctuation (perhaps closing an inner quote or bracket) and a space, right before a mark. */
const SENTENCE_END_BEFORE = /[.!?…]['’)]?\s+$/u;

/**
 * An opening mark after the end of a sentence inside an open quote: the next paragraph of a multi-paragraph quote
 * whose paragraph break was lost (`... teachers. "We have ...`), not a quote nested inside it.
 */
function reopensQuote(text: string, openAt: number, at: number): boolean {
  return SENTENCE_END_BEFORE.test(text.slice(Math.max(openAt + 1, at - 4), at));
}

/** Find the top-level double-quoted stretches of one paragraph, in order. */
export function scanParagraphQuotes(text: string, paragraphIndex: number): QuotePart[] {
  const parts: QuotePart[] = [];
  const addPart = (open: number, close: number | null, end: number): void => {
    const [textStart, textEnd] = trimRange(text, open + 1, close ?? end);
    if (textEnd > textStart) parts.push({ paragraphIndex, open, close, end, textStart, textEnd });
  };
  let openAt: number | null = null;
  let depth = 0;
  for (const match of text.matchAll(QUOTE_MARKS)) {
    const at = match.index;
    const role = markRole(text, at);
    if (openAt === null) {
      // a stray closing mark outside any quote is ignored
      if (role === 'open') {
        openAt = at;
        depth = 1;
      }
      continue;
    }
    if (role === 'open' && depth === 1 && reopensQuote(text, openAt, at)) {
      // a quote never swallows narration: the run-on part ends here and the same quote goes on from this mark
      addPart(openAt, null, at);
      openAt = at;
      continue;
    }
    if (role === 'open') {
      depth++;
      continue;
    }
    depth--;
    if (depth > 0) continue;
    addPart(openAt, at, at + 1);
    openAt = null;
  }
  if (openAt !== null) addPart(openAt, null, text.length);
  return parts;
}

/**
 * A straight mark that opens a part, never closes in its paragraph and holds curly quotes: the convention for an
 * excerpt of another text (the curly marks being the quotes inside it), not one person's words.
 */
export function isExcerptPart(text: string, part: QuotePart): boolean {
  if (part.close !== null || part.open === null || text[part.open] !== '"') return false;
  const inner = text.slice(part.open + 1);
  return /[“”]/u.test(inner) && !inner.includes('"');
}

/** A quote reopens with marks of its own style: a straight excerpt is not continued by a curly quote. */
function sameMarkStyle(a: string, b: string): boolean {
  return (a === '"') === (b === '"');
}

/**
 * Group the parts of all paragraphs into quotations. By news convention a quote that runs on opens each
 * paragraph with a mark and closes only in its last one, so an unclosed part at the end of a paragraph
 * continues into a part that opens the next paragraph, and a part cut where its quote reopened continues
 * into the part that reopens it.
 */
export function groupQuoteParts(paragraphParts: readonly QuotePart[][], texts: readonly string[]): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  let running: QuoteGroup | null = null;
  let runningGlyph = '';
  for (const [index, parts] of paragraphParts.entries()) {
    const text = texts[index] ?? '';
    for (const [position, part] of parts.entries()) {
      const previous = parts[position - 1];
      // a part left open before another in the same paragraph was cut where the quote reopened
      const reopened = previous !== undefined && previous.close === null;
      const continues =
        running !== null &&
        part.open !== null &&
        (reopened ||
          (position === 0 && text.slice(0, part.open).trim() === '' && sameMarkStyle(runningGlyph, text[part.open]!)));
      if (continues && running) {
        running.parts.push(part);
      } else {
        running = { parts: [part] };
        groups.push(running);
        runningGlyph = part.open === null ? '' : text[part.open]!;
      }
      if (part.close !== null) running = null;
    }
    // an unclosed quote followed by a paragraph that does not reopen it ends with its paragraph
    if (parts.length === 0 || parts[parts.length - 1]!.close !== null) running = null;
  }
  return groups;
}
