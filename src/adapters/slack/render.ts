import type { types } from '@slack/bolt';
import { alsoInOutlets, type Reply, type ReplyBlock } from '../../core/reply.js';
import { escapeMrkdwn, mrkdwnLink, truncate } from './escape.js';
import { ACTION_IDS, type CommandState, encodeState } from './interaction.js';

type KnownBlock = types.KnownBlock;
type ContextBlock = types.ContextBlock;
type SectionBlock = types.SectionBlock;
type Button = types.Button;

/** Slack's Block Kit limits for messages, and the budget newsdesk keeps under them. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  /**
   * Our budget for all text in one message's blocks. Slack rejects messages somewhere around 11-13k characters
   * of block text with the undocumented `msg_blocks_too_long`, so stay well below.
   */
  messageBlockText: 8000,
  /** the notification fallback; Slack truncates `text` at 40k, notifications show far less */
  fallbackText: 3000,
} as const;

/** A message body as Slack's `chat.postMessage` and `respond()` take it: Block Kit plus a plain fallback. */
export interface SlackMessage {
  /** mrkdwn fallback for notifications and screen readers (escaped like the blocks) */
  text: string;
  blocks: KnownBlock[];
}

/** How to render a reply. */
export interface RenderOptions {
  /** the command that produced the reply: adds Previous/Next and "Share to channel" buttons */
  state?: CommandState | undefined;
  /** a Slack user id credited as having shared the reply in the channel */
  sharedBy?: string | undefined;
  /** a user group id mentioned on a line above the reply (live alerts); nothing else in it mentions anyone */
  mentionGroup?: string | undefined;
}

/** Blocks that belong together (an article and its context line) and their fallback text. */
interface Unit {
  blocks: KnownBlock[];
  fallback: string;
}

const ARTICLE_TITLE_MAX = 300;
const QUOTE_MAX = 1500;
const SUMMARY_MAX = 1500;
const FALLBACK_LINE_MAX = 150;

/**
 * Renders a reply as one Slack message within every limit. When the reply holds more than one message can
 * carry, the items that do not fit are left out and a context line says how many.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const mention = options.mentionGroup === undefined ? '' : `<!subteam^${options.mentionGroup}>`;
  const lead = mention === '' ? [] : [contextBlock([mention])];
  const header = headerBlock(reply.title);
  const footer = footerBlocks(reply, options);
  const units = reply.blocks.flatMap(renderBlock);
  const [first = []] = packUnits(units, capacityBeside([...lead, header, ...footer], 1));
  const omitted = units.length - first.length;
  const note = omitted > 0 ? [contextBlock([`${omitted} more ${omitted === 1 ? 'item' : 'items'} not shown.`])] : [];
  const text = fallbackText(reply, first);
  return {
    text: mention === '' ? text : `${mention} ${text}`,
    blocks: [...lead, header, ...first.flatMap((unit) => unit.blocks), ...note, ...footer],
  };
}

/**
 * Renders a reply as one message, or as several when a single message would exceed Slack's limits;
 * nothing is left out. Used for posts into a channel (digests), which carry no buttons.
 */
export function renderReplyMessages(reply: Reply, options: Pick<RenderOptions, 'sharedBy'> = {}): SlackMessage[] {
  const header = headerBlock(reply.title);
  const footer = footerBlocks(reply, options);
  const continued = contextBlock(['(continued)']);
  const units = reply.blocks.flatMap(renderBlock);
  const chunks = packUnits(units, capacityBeside([header, ...footer], 0));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, index) => {
    const lead = index === 0 ? [header] : [continued];
    const tail = index === chunks.length - 1 ? footer : [];
    return {
      text: fallbackText(reply, chunk, index),
      blocks: [...lead, ...chunk.flatMap((unit) => unit.blocks), ...tail],
    };
  });
}

/** Characters of text in a block (sections, contexts, headers, button labels): what the message budget counts. */
export function blockTextLength(block: KnownBlock): number {
  return collectTexts(block).reduce((sum, text) => sum + text.length, 0);
}

function collectTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, child]) =>
    key === 'text' && typeof child === 'string' ? [child] : collectTexts(child),
  );
}

interface Capacity {
  blocks: number;
  text: number;
}

function capacityBeside(fixed: KnownBlock[], reservedBlocks: number): Capacity {
  const fixedText = fixed.reduce((sum, block) => sum + blockTextLength(block), 0);
  return {
    blocks: SLACK_LIMITS.blocksPerMessage - fixed.length - reservedBlocks,
    // the note and the "(continued)" line are short; 100 characters covers them
    text: SLACK_LIMITS.messageBlockText - fixedText - 100,
  };
}

/** Splits units into consecutive chunks that each fit the capacity. */
function packUnits(units: Unit[], capacity: Capacity): Unit[][] {
  const chunks: Unit[][] = [];
  let chunk: Unit[] = [];
  let blocks = 0;
  let text = 0;
  for (const unit of units) {
    const unitText = unit.blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
    if (chunk.length > 0 && (blocks + unit.blocks.length > capacity.blocks || text + unitText > capacity.text)) {
      chunks.push(chunk);
      chunk = [];
      blocks = 0;
      text = 0;
    }
    chunk.push(unit);
    blocks += unit.blocks.length;
    text += unitText;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function renderBlock(block: ReplyBlock): Unit[] {
  switch (block.type) {
    case 'text':
      return splitForSections(block.text).map((part) => ({
        blocks: [sectionBlock(escapeMrkdwn(part))],
        fallback: part,
      }));
    case 'heading':
      return [{ blocks: [sectionBlock(`*${escapeWithin(block.text, 300)}*`)], fallback: block.text }];
    case 'list':
      return splitForSections(block.items.map((item) => `• ${item}`).join('\n')).map((part) => ({
        blocks: [sectionBlock(escapeMrkdwn(part))],
        fallback: part,
      }));
    case 'article':
      return [renderArticle(block)];
    case 'person':
      return [renderPerson(block)];
    case 'quote':
      return [renderQuote(block)];
  }
}

type ArticleBlock = Extract<ReplyBlock, { type: 'article' }>;
type PersonBlock = Extract<ReplyBlock, { type: 'person' }>;
type QuoteBlock = Extract<ReplyBlock, { type: 'quote' }>;

function renderArticle(article: ArticleBlock): Unit {
  const title = `*${mrkdwnLink(article.url, truncate(article.title, ARTICLE_TITLE_MAX))}*`;
  const lines = [title];
  if (article.outlets) {
    lines.push(`_${article.outlets.length} outlets:_ ${escapeWithin(article.outlets.join(', '), 500)}`);
  }
  if (article.summary.trim() !== '') lines.push(escapeWithin(article.summary, SUMMARY_MAX));
  if (article.quote) {
    lines.push(`${blockQuote(`“${article.quote.text}”`, QUOTE_MAX)}\n— ${escapeWithin(article.quote.speaker, 200)}`);
  }
  const meta = [
    article.source === null ? null : escapeWithin(article.source, 200),
    formatDate(article.publishedAt, article.publishedApprox),
    `ID \`${escapeMrkdwn(article.id.slice(0, 12))}\``,
  ].filter((part): part is string => part !== null);
  return {
    blocks: [sectionBlock(lines.join('\n')), contextBlock([meta.join('  ·  ')])],
    fallback: article.title,
  };
}

function renderPerson(person: PersonBlock): Unit {
  const lines = [`*${escapeWithin(person.name, 200)}*`];
  if (person.roles.length > 0) lines.push(escapeWithin(person.roles.join('; '), 1000));
  if (person.aliases.length > 0) lines.push(`_Also called:_ ${escapeWithin(person.aliases.join(', '), 1000)}`);
  const articles = `${person.articleCount} ${person.articleCount === 1 ? 'article' : 'articles'}`;
  const titles = (person.articles ?? []).map((a) => a.title).join('; ');
  const kind = person.kind === 'organisation' ? 'Organisation' : 'Person';
  const context = `${kind} · appears in ${articles}${titles ? `: ${escapeWithin(titles, 1500)}` : ''}`;
  return { blocks: [sectionBlock(lines.join('\n')), contextBlock([context])], fallback: person.name };
}

function renderQuote(quote: QuoteBlock): Unit {
  // a reported quote paraphrases the speaker, so it gets no quotation marks
  const body = quote.kind === 'reported' ? quote.text : `“${quote.text}”`;
  const label = quote.kind === 'reported' ? ' (reported speech)' : quote.kind === 'partial' ? ' (partial quote)' : '';
  const date = formatDate(quote.publishedAt, quote.publishedApprox ?? false);
  const source = `in ${mrkdwnLink(quote.articleUrl, truncate(quote.articleTitle, ARTICLE_TITLE_MAX))}`;
  const outlets = quote.outlets?.length ? ` · ${escapeWithin(quote.outlets.join(', '), 300)}` : '';
  const attribution = `— *${escapeWithin(quote.speaker, 200)}*${label}, ${source}${outlets}${date === null ? '' : ` · ${date}`}${alsoInOutlets(quote.alsoIn)}`;
  return {
    blocks: [sectionBlock(`${blockQuote(body, QUOTE_MAX)}\n${attribution}`)],
    fallback: `${quote.speaker}: ${body}`,
  };
}

function headerBlock(title: string): KnownBlock {
  // plain_text is shown as written (no mentions, no links), so the title needs no escaping here
  const text = truncate(title.trim() === '' ? 'newsdesk' : title.replace(/\s+/g, ' ').trim(), SLACK_LIMITS.headerText);
  return { type: 'header', text: { type: 'plain_text', text, emoji: false } };
}

function sectionBlock(mrkdwn: string): SectionBlock {
  // verbatim: Slack must not auto-link or auto-mention anything inside untrusted text
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn, verbatim: true } };
}

function contextBlock(mrkdwnElements: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwnElements
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.contextText), verbatim: true })),
  };
}

function footerBlocks(reply: Reply, options: RenderOptions): KnownBlock[] {
  const context: string[] = [];
  if (reply.page && reply.page.total > 1) context.push(`Page ${reply.page.index} of ${reply.page.total}`);
  if (options.sharedBy !== undefined && /^[UW][A-Z0-9]{2,}$/.test(options.sharedBy)) {
    context.push(`Shared by <@${options.sharedBy}>`);
  }
  const buttons = options.state === undefined ? [] : actionButtons(reply, options.state);
  return [
    ...(context.length > 0 ? [contextBlock(context)] : []),
    ...(buttons.length > 0 ? [{ type: 'actions' as const, elements: buttons }] : []),
  ];
}

function actionButtons(reply: Reply, state: CommandState): Button[] {
  const buttons: Button[] = [];
  const page = reply.page;
  if (page && page.index > 1)
    pushButton(buttons, ACTION_IDS.previous, '◀ Previous', { ...state, page: page.index - 1 });
  if (page && page.index < page.total)
    pushButton(buttons, ACTION_IDS.next, 'Next ▶', { ...state, page: page.index + 1 });
  if (reply.isError !== true) {
    pushButton(buttons, ACTION_IDS.share, 'Share to channel', { ...state, page: page?.index ?? state.page });
  }
  return buttons;
}

function pushButton(buttons: Button[], actionId: string, label: string, state: CommandState): void {
  // a command whose options do not fit in a button value simply gets no button
  const value = encodeState(state);
  if (value === null) return;
  buttons.push({ type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, value });
}

function fallbackText(reply: Reply, units: Unit[], part = 0): string {
  const page = reply.page && reply.page.total > 1 ? ` (page ${reply.page.index} of ${reply.page.total})` : '';
  const title = part === 0 ? `${reply.title}${page}` : `${reply.title}${page} (continued)`;
  // notifications show only the start, so each item gets one short line
  const lines = [title, ...units.map((unit) => `• ${truncate(unit.fallback.replace(/\s+/g, ' '), FALLBACK_LINE_MAX)}`)];
  return escapeWithin(lines.join('\n'), SLACK_LIMITS.fallbackText);
}

/** A mrkdwn block quote: every line starts with `>`, and the text itself is escaped. */
function blockQuote(text: string, max: number): string {
  return escapeWithin(text, max)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Escapes text and keeps the escaped result within `max` characters, cutting before escaping so no entity breaks. */
function escapeWithin(text: string, max: number): string {
  let limit = max;
  while (limit > 0) {
    const escaped = escapeMrkdwn(truncate(text, limit));
    if (escaped.length <= max) return escaped;
    limit -= escaped.length - max;
  }
  return '';
}

/** Splits plain text into parts whose escaped form fits a section, preferring line and word boundaries. */
function splitForSections(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const cut = sectionCut(rest);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return parts;
}

function sectionCut(text: string): number {
  if (escapeMrkdwn(text).length <= SLACK_LIMITS.sectionText) return text.length;
  // escaping at most quintuples a character (& -> &amp;), so find the longest prefix that fits
  let fit = 0;
  let escapedLength = 0;
  while (fit < text.length) {
    const next = escapeMrkdwn(text[fit] ?? '').length;
    if (escapedLength + next > SLACK_LIMITS.sectionText) break;
    escapedLength += next;
    fit += 1;
  }
  const window = text.slice(0, fit);
  const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  const cut = breakAt > fit / 2 ? breakAt + 1 : fit;
  // never leave half a surrogate pair at the end of a part
  const last = text.charCodeAt(cut - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut;
}

/** `2025-12-20`, or `about 2025-12-20` for a date derived from "3 hours ago"; null without a valid date. */
function formatDate(iso: string | null, approximate: boolean): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const day = date.toISOString().slice(0, 10);
  return approximate ? `about ${day}` : day;
}
