import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { buildNewsCommand } from '../../src/adapters/discord/command-definition.js';
import { decodePagerId, encodePagerId } from '../../src/adapters/discord/custom-id.js';
import { embedSize, renderMessages, renderReply } from '../../src/adapters/discord/render.js';
import { cutAtWord, escapeUntrusted } from '../../src/adapters/discord/text.js';
import type { Reply, ReplyBlock } from '../../src/core/reply.js';
import { commandListErrors, messageLimitErrors } from '../fakes/fake-discord.js';

const pager = { previous: 'nd1:p:1:42:who:name=X', next: 'nd1:n:2:42:who:name=X' };

function article(overrides: Partial<Extract<ReplyBlock, { type: 'article' }>> = {}): ReplyBlock {
  return {
    type: 'article',
    id: 'c0ffee1234567890',
    title: 'Harbour authority approves night ferries',
    url: 'https://example.org/news/ferries',
    source: 'Coastal Herald',
    publishedAt: '2025-11-03T08:15:00Z',
    publishedApprox: false,
    summary: 'The port board voted to run ferries until 2 am from spring.',
    ...overrides,
  };
}

function quote(
  text: string,
  kind: 'direct' | 'partial' | 'reported' = 'direct',
  articleTitle = 'Harbour authority approves night ferries',
): ReplyBlock {
  return {
    type: 'quote',
    text,
    kind,
    speaker: 'Ada Moreno',
    articleId: 'c0ffee1234567890',
    articleTitle,
    articleUrl: 'https://example.org/news/ferries',
    publishedAt: '2025-11-03T08:15:00Z',
  };
}

const person: ReplyBlock = {
  type: 'person',
  kind: 'person',
  name: 'Ada Moreno',
  roles: ['harbour board chair'],
  aliases: ['Moreno'],
  articleCount: 3,
};

const longWords = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('renderReply', () => {
  it('renders an article as an embed with a linked title, timestamp, source footer and summary', () => {
    const message = renderReply({ title: 'Latest news', blocks: [article()] });
    expect(message).toMatchInlineSnapshot(`
      {
        "components": [],
        "content": "**Latest news**",
        "embeds": [
          {
            "color": 2845872,
            "description": "The port board voted to run ferries until 2 am from spring.",
            "footer": {
              "text": "Coastal Herald · id c0ffee1234567890",
            },
            "timestamp": "2025-11-03T08:15:00.000Z",
            "title": "Harbour authority approves night ferries",
            "url": "https://example.org/news/ferries",
          },
        ],
      }
    `);
  });

  it('shows a person with roles, then quotes as block quotes with article and date, reported speech last', () => {
    const reply: Reply = {
      title: 'Ada Moreno',
      blocks: [person, quote('We will keep the lights on.'), quote('the timetable would change', 'reported')],
    };
    const [personEmbed, quotes] = renderReply(reply).embeds;
    expect(personEmbed?.title).toBe('Ada Moreno');
    expect(personEmbed?.description).toBe('harbour board chair');
    expect(personEmbed?.fields).toEqual([
      { name: 'Also called', value: 'Moreno', inline: true },
      { name: 'Articles', value: '3', inline: true },
    ]);
    expect(quotes?.description).toMatchInlineSnapshot(`
      "> “We will keep the lights on.”
      — [Harbour authority approves night ferries](https://example.org/news/ferries) · <t:1762157700:D>

      **Reported speech**

      > the timetable would change
      — [Harbour authority approves night ferries](https://example.org/news/ferries) · <t:1762157700:D>"
    `);
  });

  it('names the speaker of a quote when the reply is not about that person', () => {
    const embed = renderReply({ title: 'Quotes', blocks: [quote('Ferries matter.')] }).embeds[0];
    expect(embed?.description).toContain('— Ada Moreno, [Harbour authority');
  });

  it('neutralises mentions, markdown and masked links in article text', () => {
    const hostile = '@everyone @here <@123> <@&456> <#789> **bold** `code` [link](http://x) > quote\n# heading';
    const message = renderReply({ title: hostile, blocks: [article({ title: hostile, summary: hostile })] });
    const texts = [message.content, message.embeds[0]?.title ?? '', message.embeds[0]?.description ?? ''];
    for (const text of texts) {
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toMatch(/<[@#]/);
      expect(text).not.toMatch(/(?<!\\)\*\*bold/);
      expect(text).not.toMatch(/(?<!\\)`/);
      expect(text).not.toMatch(/(?<!\\)\[link/);
    }
    expect(message.embeds[0]?.description).toContain('\n\\# heading');
  });

  it('adds Previous and Next buttons only to paged replies, disabling the one that leads nowhere', () => {
    const paged = renderReply(
      { title: 'Ada Moreno', blocks: [quote('One.')], page: { index: 1, total: 3 } },
      { pager },
    );
    expect(paged.content).toBe('**Ada Moreno** · page 1 of 3');
    expect(paged.components[0]?.components.map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ['◀ Previous', pager.previous, true],
      ['Next ▶', pager.next, false],
    ]);
    expect(renderReply({ title: 'x', blocks: [quote('One.')] }, { pager }).components).toEqual([]);
  });

  it('omits the url and timestamp of an article when they are not valid', () => {
    const embed = renderReply({
      title: 't',
      blocks: [article({ url: 'javascript:alert(1)', publishedAt: 'yesterday-ish' })],
    }).embeds[0];
    expect(embed).not.toHaveProperty('url');
    expect(embed).not.toHaveProperty('timestamp');
  });

  it('gives a person with 200 long quotes a first page within every Discord limit', () => {
    const blocks = [person, ...Array.from({ length: 200 }, (_, i) => quote(`${i} ${longWords(300)}`))];
    const message = renderReply({ title: 'Ada Moreno', blocks, page: { index: 1, total: 40 } }, { pager });
    expect(messageLimitErrors(message, true)).toBeNull();
    expect(message.embeds[0]?.title).toBe('Ada Moreno');
    expect(message.content).toContain('left out to fit');
  });

  it('shortens long quotes rather than dropping them when a page would not fit one message', () => {
    const blocks = [person, ...Array.from({ length: 5 }, (_, i) => quote(`${i} ${longWords(250)}`))];
    const message = renderReply({ title: 'Ada Moreno', blocks });
    expect(messageLimitErrors(message, true)).toBeNull();
    const text = message.embeds.map((e) => e.description ?? '').join('\n');
    for (let i = 0; i < 5; i++) expect(text).toContain(`“${i} word0`);
    expect(message.content).not.toContain('left out');
  });

  it('keeps any reply within Discord limits, whatever the text', () => {
    const anyText = fc.string({ maxLength: 6000, unit: 'grapheme' });
    const block = fc.oneof(
      anyText.map((text): ReplyBlock => ({ type: 'text', text })),
      anyText.map((text): ReplyBlock => ({ type: 'heading', text })),
      fc.array(anyText, { maxLength: 40 }).map((items): ReplyBlock => ({ type: 'list', items })),
      fc.tuple(anyText, anyText, anyText).map(([title, summary, source]) => article({ title, summary, source })),
      fc.tuple(anyText, anyText).map(([text, articleTitle]) => quote(text, 'direct', articleTitle)),
    );
    fc.assert(
      fc.property(anyText, fc.array(block, { maxLength: 30 }), (title, blocks) => {
        const reply: Reply = { title, blocks, page: { index: 2, total: 9 } };
        expect(messageLimitErrors(renderReply(reply, { pager }), false)).toBeNull();
        for (const message of renderMessages(reply)) expect(messageLimitErrors(message, true)).toBeNull();
      }),
      { numRuns: 60, seed: 20251220 },
    );
  });
});

describe('renderMessages', () => {
  it('splits a digest of 25 articles into messages of at most 10 embeds and 6000 characters', () => {
    const blocks = Array.from({ length: 25 }, (_, i) => article({ id: `a${i}`, summary: longWords(150) }));
    const messages = renderMessages({ title: 'Digest', blocks });
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.flatMap((m) => m.embeds)).toHaveLength(25);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(message.embeds.reduce((sum, e) => sum + embedSize(e), 0)).toBeLessThanOrEqual(6000);
    }
    expect(messages[0]?.content).toBe('**Digest**');
    expect(messages[1]?.content).toBe('');
  });
});

describe('text helpers', () => {
  it('escapes line-start markup and leaves bare URLs intact', () => {
    expect(escapeUntrusted('1. first\n- dash\n> quote')).toBe('1\\. first\n\\- dash\n\\> quote');
    expect(escapeUntrusted('see https://example.org/a_b_c for *more*')).toBe(
      'see https://example.org/a_b_c for \\*more\\*',
    );
  });

  it('cuts at a word boundary and ends with an ellipsis', () => {
    expect(cutAtWord('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(cutAtWord('short', 16)).toBe('short');
  });

  it('never leaves a dangling escape or half a surrogate pair at the cut', () => {
    expect(cutAtWord(escapeUntrusted('a'.repeat(10) + '*'.repeat(20)), 13)).not.toMatch(/[^\\]\\…$/);
    expect(cutAtWord('😀😀😀😀😀', 4)).toBe('😀…');
  });
});

describe('pager custom ids', () => {
  it('round-trips the command, options, page and user', () => {
    const state = {
      command: 'search',
      options: { terms: 'ferry: night & day' },
      page: 3,
      userId: '123456789012345678',
    };
    const id = encodePagerId(state, 'next');
    expect(id?.length).toBeLessThanOrEqual(100);
    expect(decodePagerId(id!)).toEqual(state);
  });

  it('returns null when the state does not fit in 100 characters', () => {
    expect(
      encodePagerId({ command: 'search', options: { terms: longWords(30) }, page: 2, userId: '1' }, 'next'),
    ).toBeNull();
  });

  it('rejects malformed and stale ids', () => {
    for (const id of ['', 'hello', 'nd0:n:2:1:who:name=x', 'nd1:n:0:1:who:', 'nd1:x:2:1:who:', 'nd1:n:2:abc:who:']) {
      expect(decodePagerId(id)).toBeNull();
    }
  });
});

describe('buildNewsCommand', () => {
  it('builds one /news command with a subcommand per spec that passes Discord validation', () => {
    const command = buildNewsCommand(commands);
    expect(commandListErrors([command as never])).toBeNull();
    expect(command.options?.map((o) => o.name)).toEqual(commands.map((c) => c.name));
    const sub = (name: string) => command.options?.find((o) => o.name === name) as { options?: object[] };
    expect(sub('latest').options).toEqual([
      expect.objectContaining({ name: 'count', type: 4, min_value: 1, max_value: 10, required: false }),
    ]);
    expect(sub('who').options).toEqual([
      expect.objectContaining({ name: 'name', type: 3, autocomplete: true, required: true }),
      expect.objectContaining({ name: 'about', type: 3, required: false }),
    ]);
    // /news follow who|topic|source: a subcommand group, each subcommand with a role picker for the ping
    const follow = command.options?.find((o) => o.name === 'follow') as {
      type: number;
      options: { name: string; type: number; options: object[] }[];
    };
    expect(follow.type).toBe(2);
    expect(follow.options.map((o) => [o.name, o.type])).toEqual([
      ['who', 1],
      ['topic', 1],
      ['source', 1],
    ]);
    expect(follow.options[0]?.options).toEqual([
      expect.objectContaining({ name: 'name', type: 3, autocomplete: true, required: true }),
      expect.objectContaining({ name: 'ping', type: 8, required: false }),
    ]);
    expect(sub('read').options).toEqual([expect.objectContaining({ name: 'article', autocomplete: true })]);
    expect(sub('search').options).toEqual([expect.objectContaining({ name: 'terms', required: true })]);
  });
});
