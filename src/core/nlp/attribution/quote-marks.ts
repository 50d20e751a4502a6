/** A quoted stretch of one paragraph. Offsets are local to the paragraph text. */
export interface QuotePart {
  /** the paragraph's index in the article, -1 for the headline */
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
  /** double marks (straight or curly) or single marks (‘...’ or '...', as British copy and headlines use) */
  marks: 'double' | 'single';
  /**
   * a straight double mark that opens, never closes in its paragraph and holds curly quotes: the convention for an
   * excerpt of another text (the curly marks being the quotes inside it), not one person's words
   */
  excerpt: boolean;
}

/** One quotation: a single part, or the parts of a quote that runs over several paragraphs. */
export interface QuoteGroup {
  parts: QuotePart[];
}

const OPENING_GLYPHS = new Set(['“', '„', '«']);
const CLOSING_GLYPHS = new Set(['”', '»']);
// ('' is the double mark of New York Times archive copy: ''We will win,'' she said.)
const DOUBLE_MARKS = /''|["“”„«»]/g;
const SINGLE_MARKS = /['‘’]/g;
const OPENING_CONTEXT = /[\s([{—–\-/‘]/u;
const SPACE = /\s/u;

type MarkRole = 'open' | 'close';

/** Decide whether a double mark opens or closes, from its surroundings first and its glyph second. */
function markRole(text: string, at: number, firstVisible: number, length = 1): MarkRole {
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = at + length >= text.length ? ' ' : text[at + length]!;
  // nothing can close at the start of a paragraph, whatever the glyph ("” … what I learned")
  if (at <= firstVisible) return 'open';
  const opensByContext = OPENING_CONTEXT.test(before) && !SPACE.test(after);
  const closesByContext = !SPACE.test(before) && !OPENING_CONTEXT.test(before);
  const glyph = text[at]!;
  if (opensByContext && !closesByContext) return 'open';
  if (closesByContext && !opensByContext) {
    // a curly opening mark glued to a word still opens ("said:“Yes”")
    return OPENING_GLYPHS.has(glyph) && !/[\s.,;:!?]/u.test(after) ? 'open' : 'close';
  }
  if (OPENING_GLYPHS.has(glyph)) return 'open';
  if (CLOSING_GLYPHS.has(glyph)) return 'close';
  return SPACE.test(after) ? 'close' : 'open';
}

/** The length of the double mark at `at`: two for New York Times archive copy's '' , else one. */
function markLength(text: string, at: number): number {
  return text.startsWith("''", at) ? 2 : 1;
}

/** Trim spaces and a trailing comma from a quoted range. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && SPACE.test(text[from]!)) from++;
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

function firstVisibleIndex(text: string): number {
  const match = /\S/u.exec(text);
  return match ? match.index : text.length;
}

/** Find the top-level quoted stretches of one paragraph, in order: double marks first, then single ones outside them. */
export function scanParagraphQuotes(text: string, paragraphIndex: number): QuotePart[] {
  const double = scanDoubleQuotes(text, paragraphIndex);
  const single = scanSingleQuotes(text, paragraphIndex, double);
  if (single.length === 0) return double;
  return [...outsideOf(double, single), ...single].sort((a, b) => (a.open ?? 0) - (b.open ?? 0));
}

/** The double-quoted parts not inside a single-quoted one: British copy nests double marks in single ones. */
function outsideOf(double: readonly QuotePart[], single: readonly QuotePart[]): QuotePart[] {
  const kept: QuotePart[] = [];
  let index = 0;
  for (const part of double) {
    const open = part.open ?? 0;
    while (index < single.length && single[index]!.end <= open) index++;
    const holder = single[index];
    if (holder === undefined || (holder.open ?? 0) > open || part.end > holder.end) kept.push(part);
  }
  return kept;
}

function scanDoubleQuotes(text: string, paragraphIndex: number): QuotePart[] {
  const parts: QuotePart[] = [];
  const firstVisible = firstVisibleIndex(text);
  // the last straight and curly marks of the paragraph, for telling an excerpt in one step
  const lastStraight = text.lastIndexOf('"');
  const lastCurly = Math.max(text.lastIndexOf('“'), text.lastIndexOf('”'));
  const addPart = (open: number, close: number | null, end: number): void => {
    const [textStart, textEnd] = trimRange(text, open + markLength(text, open), close ?? end);
    if (textEnd <= textStart) return;
    const excerpt = close === null && text[open] === '"' && lastCurly > open && lastStraight <= open;
    parts.push({ paragraphIndex, open, close, end, textStart, textEnd, marks: 'double', excerpt });
  };
  let openAt: number | null = null;
  let depth = 0;
  for (const match of text.matchAll(DOUBLE_MARKS)) {
    const at = match.index;
    const role = markRole(text, at, firstVisible, match[0].length);
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
    addPart(openAt, at, at + match[0].length);
    openAt = null;
  }
  if (openAt !== null) addPart(openAt, null, text.length);
  return parts;
}

/** Words written with a leading apostrophe that is no quotation mark ("'em", "rock 'n' roll", "the '90s"). */
const ELISION = /^(?:em|n|til|tis|twas|cause|bout|round|nuff|s|\d+s?)(?![\p{L}\p{N}])/iu;

type SingleMark = { at: number; role: 'open' | 'close' | 'weak-close' };

/**
 * Classify a single mark: opening, closing, a closing mark that may be a plural possessive, or an apostrophe.
 * `afterDoubleClose`: the mark follows a double mark that closed a quote inside its own (`... think "why?"'`).
 */
function singleMarkRole(text: string, at: number, afterDoubleClose: boolean): SingleMark['role'] | null {
  const glyph = text[at]!;
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = at + 1 >= text.length ? ' ' : text[at + 1]!;
  // an editor's bracket may open or end the quoted words ('[Police] said ... tho [sic]')
  if (glyph !== '’' && !afterDoubleClose && /[\s([{—–\-/"“:]/u.test(before) && /[\p{L}\p{N}[]/u.test(after)) {
    return ELISION.test(text.slice(at + 1, at + 8)) ? null : 'open';
  }
  if (glyph === '‘' || !(afterDoubleClose || /[\p{L}\p{N}.,!?;:…)\]]/u.test(before))) return null;
  // both marks of "rock 'n' roll" stand for the letters of "and"
  if (/(?:^|\s)['‘’]n$/iu.test(text.slice(Math.max(0, at - 3), at))) return null;
  if (!/[\s.,;:!?)\]—–\-"”]/u.test(after)) return null;
  // "the players' union": after an s and before a lowercase word the mark may be a possessive
  const weak =
    (before === 's' || before === 'S') && /\s/u.test(after) && /^\s+\p{Ll}/u.test(text.slice(at + 1, at + 4));
  return weak ? 'weak-close' : 'close';
}

/** Single-quoted stretches outside the double-quoted ones (headlines and British copy quote with single marks). */
function scanSingleQuotes(text: string, paragraphIndex: number, double: readonly QuotePart[]): QuotePart[] {
  if (!/['‘’]/u.test(text)) return [];
  const marks: SingleMark[] = [];
  let part = 0;
  for (const match of text.matchAll(SINGLE_MARKS)) {
    const at = match.index;
    while (part < double.length && double[part]!.end <= at) part++;
    const inside = double[part] !== undefined && at >= (double[part]!.open ?? 0) && at < double[part]!.end;
    if (inside) continue;
    const role = singleMarkRole(text, at, part > 0 && double[part - 1]!.close === at - 1);
    if (role) marks.push({ at, role });
  }
  const parts: QuotePart[] = [];
  const addPart = (open: number, close: number | null, end: number): boolean => {
    const [textStart, textEnd] = trimRange(text, open + 1, close ?? end);
    // one letter or less is no quote ("rock 'n' roll")
    if (!/[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(text.slice(textStart, textEnd))) return false;
    parts.push({ paragraphIndex, open, close, end, textStart, textEnd, marks: 'single', excerpt: false });
    return true;
  };
  let index = 0;
  while (index < marks.length) {
    const open = marks[index]!;
    if (open.role !== 'open') {
      index++;
      continue;
    }
    // a quote of several sentences reopens each one (`'I'm upset. 'What makes me cross ...'`, as British copy whose
    // paragraph breaks were lost writes it): follow the chain of reopenings to the mark that closes it
    const chain = [open.at];
    let close = -1;
    let weak = -1;
    let next = index + 1;
    for (; next < marks.length; next++) {
      const mark = marks[next]!;
      if (mark.role === 'open') {
        if (weak >= 0) break;
        if (!SENTENCE_END_BEFORE.test(text.slice(Math.max(chain[chain.length - 1]! + 1, mark.at - 4), mark.at))) {
          // mid-sentence, a pair closed right before the quote's own closing mark is a quote inside it
          // (`... move away from 'one size fits all' diets.'`); any other opening mark starts a quote of its own
          if (marks[next + 1]?.role === 'open' || marks[next + 2]?.role !== 'close') break;
          close = next + 2;
          break;
        }
        chain.push(mark.at);
        continue;
      }
      if (mark.role === 'close') {
        close = next;
        break;
      }
      if (weak < 0) weak = next;
    }
    const chosen = close >= 0 ? close : weak;
    if (chosen < 0) {
      // a chain that never closes is no quote (its marks were apostrophes or a typo), but for the sentences it
      // reopened: those parts end where it reopened, whatever became of the last one
      for (let link = 0; link < chain.length - 1; link++) addPart(chain[link]!, null, chain[link + 1]!);
      index = Math.max(next, index + 1);
      continue;
    }
    const closeAt = marks[chosen]!.at;
    for (let link = 0; link < chain.length - 1; link++) addPart(chain[link]!, null, chain[link + 1]!);
    addPart(chain[chain.length - 1]!, closeAt, closeAt + 1);
    index = chosen + 1;
  }
  return parts;
}

/** A quote reopens with marks of its own style: a straight excerpt is not continued by a curly quote. */
function sameMarkStyle(running: QuotePart, text: string, part: QuotePart): boolean {
  if (running.marks !== part.marks) return false;
  return running.marks === 'single' || (running.excerpt ? text[part.open ?? 0] === '"' : !part.excerpt);
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
  for (const [index, parts] of paragraphParts.entries()) {
    const text = texts[index] ?? '';
    const firstVisible = firstVisibleIndex(text);
    for (const [position, part] of parts.entries()) {
      const previous = parts[position - 1];
      // a part left open before another in the same paragraph was cut where the quote reopened
      const reopened = previous !== undefined && previous.close === null && previous.marks === part.marks;
      const first = running?.parts[0];
      const continues =
        running !== null &&
        first !== undefined &&
        part.open !== null &&
        (reopened || (position === 0 && part.open <= firstVisible && sameMarkStyle(first, text, part)));
      if (continues && running) {
        running.parts.push(part);
      } else {
        running = { parts: [part] };
        groups.push(running);
      }
      if (part.close !== null) running = null;
    }
    // an unclosed quote followed by a paragraph that does not reopen it ends with its paragraph
    if (parts.length === 0 || parts[parts.length - 1]!.close !== null) running = null;
  }
  return groups;
}
