import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { alsoInOutlets, type Reply, type ReplyBlock } from '../../core/reply.js';
import { cutAtWord, DISCORD_LIMITS, neutralizeMentions, safeText, safeTimestamp, safeUrl } from './text.js';

/** One Discord message as API JSON, ready for `reply()`, `editReply()` or `POST /channels/{id}/messages`. */
export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/** custom_ids of the Previous / Next buttons (see custom-id.ts). */
export interface PagerButtons {
  previous: string;
  next: string;
}

/** How long each kind of untrusted text may get; tighter levels are tried when a page does not fit one message. */
interface TextCaps {
  quote: number;
  summary: number;
  text: number;
}

const CAP_LEVELS: readonly TextCaps[] = [
  { quote: 1500, summary: DISCORD_LIMITS.embedDescription, text: DISCORD_LIMITS.embedDescription },
  { quote: 600, summary: 1200, text: 1500 },
  { quote: 280, summary: 500, text: 700 },
];

const COLORS = { article: 0x2b6cb0, person: 0x805ad5, text: 0x4a5568, error: 0xc53030 } as const;
const HEADER_TITLE_MAX = 200;
const TRUNCATION_NOTE = '*Part of this answer was left out to fit Discord’s message limits.*';

/**
 * Renders a reply as a single message (an interaction answer or one page): text is shortened step by step until
 * everything fits Discord's limits, and only then are trailing parts dropped, with a note saying so.
 */
export function renderReply(reply: Reply, options: { pager?: PagerButtons | undefined } = {}): RenderedMessage {
  let messages: APIEmbed[][] = [];
  for (const caps of CAP_LEVELS) {
    messages = packEmbeds(buildEmbeds(reply, caps));
    if (messages.length <= 1) break;
  }
  const truncated = messages.length > 1;
  const content = [headerLine(reply), truncated ? TRUNCATION_NOTE : ''].filter(Boolean).join('\n');
  return {
    content,
    embeds: messages[0] ?? [],
    components: options.pager && reply.page && reply.page.total > 1 ? [pagerRow(options.pager, reply.page)] : [],
  };
}

/** Renders a reply in full as one or more messages, each within Discord's limits (used for posted digests). */
export function renderMessages(reply: Reply): RenderedMessage[] {
  const groups = packEmbeds(buildEmbeds(reply, CAP_LEVELS[0]!));
  if (groups.length === 0) return [{ content: headerLine(reply), embeds: [], components: [] }];
  return groups.map((embeds, i) => ({ content: i === 0 ? headerLine(reply) : '', embeds, components: [] }));
}

/** The characters of an embed that count toward Discord's 6000-per-message total. */
export function embedSize(embed: APIEmbed): number {
  const fields = embed.fields ?? [];
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function headerLine(reply: Reply): string {
  const title = `**${safeText(reply.title, HEADER_TITLE_MAX)}**`;
  return reply.page && reply.page.total > 1 ? `${title} · page ${reply.page.index} of ${reply.page.total}` : title;
}

function pagerRow(
  pager: PagerButtons,
  page: { index: number; total: number },
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const button = (customId: string, label: string, disabled: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    label,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(pager.previous, '◀ Previous', page.index <= 1),
      button(pager.next, 'Next ▶', page.index >= page.total),
    ],
  };
}

// ---- blocks -> embeds ----

/** A piece of flowing text (paragraphs, lists, quotes) or a standalone embed (article, person). */
type Piece = { kind: 'flow'; text: string; joiner: string } | { kind: 'embed'; embed: APIEmbed };

function buildEmbeds(reply: Reply, caps: TextCaps): APIEmbed[] {
  const color = reply.isError ? COLORS.error : COLORS.text;
  return assemble(blocksToPieces(reply.blocks, caps), color);
}

function blocksToPieces(blocks: readonly ReplyBlock[], caps: TextCaps): Piece[] {
  const personNames = new Set(blocks.flatMap((block) => (block.type === 'person' ? [block.name] : [])));
  const pieces: Piece[] = [];
  let previousQuoteKind: string | null = null;
  for (const block of blocks) {
    if (block.type === 'quote' && block.kind === 'reported' && previousQuoteKind !== 'reported') {
      pieces.push({ kind: 'flow', text: '**Reported speech**', joiner: '\n\n' });
    }
    previousQuoteKind = block.type === 'quote' ? block.kind : null;
    pieces.push(...blockToPieces(block, caps, personNames));
  }
  return pieces;
}

function blockToPieces(block: ReplyBlock, caps: TextCaps, personNames: ReadonlySet<string>): Piece[] {
  switch (block.type) {
    case 'text':
      return [{ kind: 'flow', text: safeText(block.text, caps.text), joiner: '\n\n' }];
    case 'heading':
      return [{ kind: 'flow', text: `**${safeText(block.text, DISCORD_LIMITS.embedTitle)}**`, joiner: '\n\n' }];
    case 'list':
      return block.items.map((item, i) => ({
        kind: 'flow',
        text: `• ${safeText(item, caps.text)}`,
        joiner: i === 0 ? '\n\n' : '\n',
      }));
    case 'quote':
      return [{ kind: 'flow', text: quoteText(block, caps, personNames), joiner: '\n\n' }];
    case 'article':
      return [{ kind: 'embed', embed: articleEmbed(block, caps) }];
    case 'person':
      return [{ kind: 'embed', embed: personEmbed(block) }];
  }
}

type QuoteBlock = Extract<ReplyBlock, { type: 'quote' }>;
type ArticleBlock = Extract<ReplyBlock, { type: 'article' }>;
type PersonBlock = Extract<ReplyBlock, { type: 'person' }>;

/** `> “quote”` lines, then `— [Article](url) · date`; the speaker is named unless the reply is about them. */
function quoteText(block: QuoteBlock, caps: TextCaps, personNames: ReadonlySet<string>): string {
  const body = safeText(block.text, caps.quote);
  const shown = block.kind === 'reported' ? body : `“${body}”`;
  const quoted = shown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const speaker = personNames.has(block.speaker) ? '' : `${safeText(block.speaker, 100)}, `;
  const title = safeText(block.articleTitle, 150);
  const url = safeUrl(block.articleUrl);
  const source = url ? `[${title}](${url})` : `*${title}*`;
  const label = block.kind === 'partial' ? ' (partial quote)' : '';
  const outlets = block.outlets?.length ? ` · ${safeText(block.outlets.join(', '), 300)}` : '';
  return `${quoted}${label}\n— ${speaker}${source}${outlets}${dateSuffix(block.publishedAt, block.publishedApprox ?? false)}${alsoInOutlets(block.alsoIn)}`;
}

/** ` · <t:unix:D>`: Discord shows the date in each reader's locale; `~` marks a date worked out from "2 hours ago". */
function dateSuffix(publishedAt: string | null, approx: boolean): string {
  const timestamp = safeTimestamp(publishedAt);
  return timestamp ? ` · ${approx ? '~' : ''}<t:${Math.floor(Date.parse(timestamp) / 1000)}:D>` : '';
}

function articleEmbed(block: ArticleBlock, caps: TextCaps): APIEmbed {
  const url = safeUrl(block.url);
  const timestamp = safeTimestamp(block.publishedAt);
  const quote = block.quote
    ? `\n\n> “${safeText(block.quote.text, Math.min(caps.quote, 500))}”\n— ${safeText(block.quote.speaker, 100)}`
    : '';
  const outlets = block.outlets
    ? `**${block.outlets.length} outlets**: ${safeText(block.outlets.join(', '), 300)}\n`
    : '';
  const summary = safeText(
    block.summary,
    Math.max(1, Math.min(caps.summary, DISCORD_LIMITS.embedDescription - quote.length - outlets.length)),
  );
  // footers render no markdown (escaping would show backslashes), but mention syntax is still broken up
  const footer = [block.source, block.publishedApprox ? 'date approximate' : null, `id ${block.id}`]
    .filter(Boolean)
    .join(' · ');
  return {
    title: safeText(block.title, DISCORD_LIMITS.embedTitle),
    ...(url ? { url } : {}),
    ...(outlets || summary || quote ? { description: `${outlets}${summary}${quote}` } : {}),
    ...(timestamp ? { timestamp } : {}),
    footer: { text: cutAtWord(neutralizeMentions(footer), 300) },
    color: COLORS.article,
  };
}

function personEmbed(block: PersonBlock): APIEmbed {
  const roles = block.roles.map((role) => safeText(role, 300)).join('\n');
  const fields = [
    ...(block.aliases.length > 0
      ? [{ name: 'Also called', value: safeText(block.aliases.join(', '), DISCORD_LIMITS.fieldValue), inline: true }]
      : []),
    {
      name: 'Articles',
      value: safeText(
        [String(block.articleCount), ...(block.articles ?? []).map((a) => `• ${a.title}`)].join('\n'),
        DISCORD_LIMITS.fieldValue,
      ),
      inline: true,
    },
  ];
  return {
    author: { name: block.kind === 'organisation' ? 'Organisation' : 'Person' },
    title: safeText(block.name, DISCORD_LIMITS.embedTitle),
    description: cutAtWord(roles || '*No role given in the articles.*', 1500),
    fields,
    color: COLORS.person,
  };
}

/** Flowing pieces share an embed description until it is full; standalone embeds interrupt the flow. */
function assemble(pieces: readonly Piece[], flowColor: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let description = '';
  const flush = (): void => {
    if (description) embeds.push({ description, color: flowColor });
    description = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'embed') {
      flush();
      embeds.push(piece.embed);
      continue;
    }
    const joined = description ? `${description}${piece.joiner}${piece.text}` : piece.text;
    if (joined.length > DISCORD_LIMITS.embedDescription) {
      flush();
      description = cutAtWord(piece.text, DISCORD_LIMITS.embedDescription);
    } else {
      description = joined;
    }
  }
  flush();
  return embeds;
}

/** Groups embeds into messages of at most 10 embeds and 6000 counted characters. */
function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const next = embedSize(embed);
    if (
      current.length > 0 &&
      (current.length >= DISCORD_LIMITS.embedsPerMessage || size + next > DISCORD_LIMITS.embedTotal)
    ) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += next;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
