/** Discord's documented message limits (resources/message.mdx, components/reference.mdx). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
} as const;

const ELLIPSIS = '…';
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes untrusted text (article titles, summaries, quotes) inert in Discord markdown: emphasis, code, spoilers,
 * masked links, block quotes, headings and lists are backslash-escaped, and mention syntax is broken so it neither
 * pings nor renders. Bare URLs are left intact so they still link.
 *
 * discord.js `escapeMarkdown` would do most of this, but its underline rule has a lookbehind that rescans the line
 * at every position (quadratic: about 2 ms per 1500-character line), so this linear version is used instead.
 */
export function escapeUntrusted(text: string): string {
  const escaped = text
    .split(URL_PATTERN)
    .map((part, i) => (i % 2 === 1 ? part : escapeInline(part)))
    .join('')
    .replace(LINE_START_MARKUP, '$1\\$2')
    .replace(NUMBERED_LIST, '$1\\.');
  return neutralizeMentions(escaped);
}

// a capture group, so split() keeps the URLs at odd indices; brackets end a URL so no masked link hides in one
const URL_PATTERN = /(https?:\/\/[^\s[\]<>]+)/;
const INLINE_MARKUP = /[\\*_~`|[\]]/g;
// block quotes, headings, subtext, bullets and numbered lists only mean something at the start of a line
const LINE_START_MARKUP = /^([ \t]*)(>|#|-|\+)/gm;
// "1." needs its dot escaped: a backslash before a digit would show
const NUMBERED_LIST = /^([ \t]*\d+)\./gm;

function escapeInline(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&');
}

/** Breaks `@everyone`, `@here` and `<@id>` / `<@&id>` / `<#id>` / `</cmd:id>` / `<t:…>` / `<:emoji:id>` syntax. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(?=[@#/:]|a:|t:|id:)/gi, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Cuts `text` to at most `max` UTF-16 units, at a word boundary when one is near, ending with '…'.
 * Never splits a surrogate pair or leaves a dangling markdown escape.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  // the character after the room tells whether the room ends exactly at a word end
  const lastSpace = text.slice(0, room + 1).search(/\s\S*$/);
  let cut = text.slice(0, room);
  // prefer a word boundary unless it would throw away most of the room
  if (lastSpace > room / 2) cut = cut.slice(0, lastSpace);
  cut = cut.replace(/[\uD800-\uDBFF]$/, '').replace(/\s+$/, '');
  cut = dropDanglingEscape(cut);
  return `${cut}${ELLIPSIS}`;
}

/** An odd number of trailing backslashes would escape the ellipsis (or be shown); drop one. */
function dropDanglingEscape(text: string): string {
  const trailing = /\\+$/.exec(text)?.[0].length ?? 0;
  return trailing % 2 === 1 ? text.slice(0, -1) : text;
}

/** Escapes then cuts: the usual path for untrusted text going into a limited field. */
export function safeText(text: string, max: number): string {
  // escaping never shortens text, so only the first max + 1 characters can survive the cut
  return cutAtWord(escapeUntrusted(text.slice(0, max + 1)), max);
}

/** The URL when it is a well-formed http(s) URL Discord accepts in embeds and links, else null. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value || value.length > 2048) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // parentheses and angle brackets would end a markdown link early
    return url.href.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

/** The ISO timestamp when `value` parses as a date, else null. */
export function safeTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
