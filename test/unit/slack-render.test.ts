import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBoltLogger, redactSecrets } from '../../src/adapters/slack/bolt-logger.js';
import { escapeMrkdwn, mrkdwnLink } from '../../src/adapters/slack/escape.js';
import { ACTION_IDS, decodeState, encodeState } from '../../src/adapters/slack/interaction.js';
import {
  blockTextLength,
  renderReply,
  renderReplyMessages,
  SLACK_LIMITS,
  type SlackMessage,
} from '../../src/adapters/slack/render.js';
import type { Reply, ReplyBlock } from '../../src/core/reply.js';
import { validateMessage } from '../fakes/fake-slack.js';
import { createTestLogger } from '../helpers/test-logger.js';

function quote(text: string, n = 1): ReplyBlock {
  return {
    type: 'quote',
    text,
    kind: 'direct',
    speaker: 'Ada Example',
    articleId: `article-${n}`,
    articleTitle: `Talks resume in Geneva, part ${n}`,
    articleUrl: `https://news.example/geneva-${n}`,
    publishedAt: '2025-12-20T09:00:00Z',
  };
}

function article(n: number, summary = 'Negotiators met for a third day.'): ReplyBlock {
  return {
    type: 'article',
    id: `abcdef0123456789${n}`,
    title: `Ministers agree on a timetable ${n}`,
    url: `https://news.example/a/${n}`,
    source: 'Example Wire',
    publishedAt: '2025-12-19T18:30:00Z',
    publishedApprox: n % 2 === 0,
    summary,
  };
}

/** Every mrkdwn string in a message: section texts, context elements and the fallback. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts: string[] = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) texts.push(block.text.text);
    if (block.type === 'context') {
      for (const element of block.elements)
        if ('text' in element && typeof element.text === 'string') texts.push(element.text);
    }
  }
  return texts;
}

function totalText(message: SlackMessage): number {
  return message.blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
}

function expectWithinLimits(message: SlackMessage): void {
  expect(validateMessage({ channel: 'C1', text: message.text, blocks: message.blocks })).toEqual([]);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(totalText(message)).toBeLessThanOrEqual(SLACK_LIMITS.messageBlockText);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
}

describe('renderReply', () => {
  it('marks the date of a quote from an article dated only approximately', () => {
    const reply: Reply = {
      title: 'Ada Example',
      blocks: [{ ...(quote('We are close.') as object), publishedApprox: true } as ReplyBlock, quote('Not yet.', 2)],
    };
    const text = JSON.stringify(renderReply(reply).blocks);
    expect(text).toContain('part 1> · about 2025-12-20');
    expect(text).toContain('part 2> · 2025-12-20');
  });

  it('renders a person with their quotes as block quotes linked to their article', () => {
    const reply: Reply = {
      title: 'Ada Example',
      blocks: [
        {
          type: 'person',
          kind: 'person',
          name: 'Ada Example',
          roles: ['Foreign minister'],
          aliases: ['Example'],
          articleCount: 2,
        },
        quote('We are close to an agreement.'),
        { ...quote('progress on the text', 2), kind: 'partial' } as ReplyBlock,
        { ...quote('the talks would continue next week', 3), kind: 'reported' } as ReplyBlock,
      ],
    };
    const message = renderReply(reply);
    expect(message.blocks).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "emoji": false,
            "text": "Ada Example",
            "type": "plain_text",
          },
          "type": "header",
        },
        {
          "text": {
            "text": "*Ada Example*
      Foreign minister
      _Also called:_ Example",
            "type": "mrkdwn",
            "verbatim": true,
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "Person · appears in 2 articles",
              "type": "mrkdwn",
              "verbatim": true,
            },
          ],
          "type": "context",
        },
        {
          "text": {
            "text": ">“We are close to an agreement.”
      — *Ada Example*, in <https://news.example/geneva-1|Talks resume in Geneva, part 1> · 2025-12-20",
            "type": "mrkdwn",
            "verbatim": true,
          },
          "type": "section",
        },
        {
          "text": {
            "text": ">“progress on the text”
      — *Ada Example* (partial quote), in <https://news.example/geneva-2|Talks resume in Geneva, part 2> · 2025-12-20",
            "type": "mrkdwn",
            "verbatim": true,
          },
          "type": "section",
        },
        {
          "text": {
            "text": ">the talks would continue next week
      — *Ada Example* (reported speech), in <https://news.example/geneva-3|Talks resume in Geneva, part 3> · 2025-12-20",
            "type": "mrkdwn",
            "verbatim": true,
          },
          "type": "section",
        },
      ]
    `);
    expect(message.text).toMatchInlineSnapshot(`
      "Ada Example
      • Ada Example
      • Ada Example: “We are close to an agreement.”
      • Ada Example: “progress on the text”
      • Ada Example: the talks would continue next week"
    `);
  });

  it('renders an article with its linked title, summary, key quote and a source and date context line', () => {
    const block = { ...(article(2) as object), quote: { text: 'A fair deal.', speaker: 'Ada Example' } } as ReplyBlock;
    const message = renderReply({ title: 'Latest news', blocks: [block] });
    expect(message.blocks.slice(1)).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": "*<https://news.example/a/2|Ministers agree on a timetable 2>*
      Negotiators met for a third day.
      >“A fair deal.”
      — Ada Example",
            "type": "mrkdwn",
            "verbatim": true,
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "Example Wire  ·  about 2025-12-19  ·  ID \`abcdef012345\`",
              "type": "mrkdwn",
              "verbatim": true,
            },
          ],
          "type": "context",
        },
      ]
    `);
  });

  it('escapes mention, broadcast and link markup in every piece of article text', () => {
    const hostile = 'Hi <!channel> <!here> <@U123> <#C999> <http://evil.example|click> & more';
    const reply: Reply = {
      title: hostile,
      blocks: [
        { type: 'text', text: hostile },
        { type: 'heading', text: hostile },
        { type: 'list', items: [hostile, hostile] },
        {
          ...(article(1, hostile) as object),
          title: hostile,
          source: hostile,
          quote: { text: hostile, speaker: hostile },
        } as ReplyBlock,
        { type: 'person', kind: 'person', name: hostile, roles: [hostile], aliases: [hostile], articleCount: 1 },
        { ...(quote(hostile) as object), speaker: hostile, articleTitle: hostile } as ReplyBlock,
      ],
    };
    const message = renderReply(reply);
    for (const text of mrkdwnTexts(message)) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toContain('<http://evil.example');
      if (text.includes('more')) expect(text).toContain('&lt;!channel&gt;');
    }
    expect(message.text).toContain('Hi &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;');
    expect(
      message.blocks.every((block) => block.type !== 'section' || block.text?.type !== 'mrkdwn' || block.text.verbatim),
    ).toBe(true);
  });

  it('never lets arbitrary text form Slack markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 80 }), (text, speaker) => {
        const message = renderReply({
          title: text,
          blocks: [{ type: 'text', text }, { ...(quote(text) as object), speaker } as ReplyBlock],
        });
        for (const mrkdwn of mrkdwnTexts(message)) {
          // the only `<` left are the renderer's own article links
          expect(mrkdwn.replace(/<https:\/\/news\.example\/geneva-1\|/g, '')).not.toMatch(/</);
        }
        expect(validateMessage({ channel: 'C1', blocks: message.blocks })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('links only web URLs and percent-encodes characters that would end the link early', () => {
    expect(mrkdwnLink('https://x.example/a|b>c d', 'T')).toBe('<https://x.example/a%7Cb%3Ec%20d|T>');
    expect(mrkdwnLink('javascript:alert(1)', 'T')).toBe('T');
    expect(mrkdwnLink(null, 'a < b')).toBe('a &lt; b');
    expect(escapeMrkdwn('&amp; <>')).toBe('&amp;amp; &lt;&gt;');
  });

  it('cuts a long title to the 150-character header limit', () => {
    const message = renderReply({ title: 'Long '.repeat(100), blocks: [] });
    const header = message.blocks[0];
    expect(header?.type).toBe('header');
    if (header?.type === 'header') {
      expect(header.text.text.length).toBeLessThanOrEqual(150);
      expect(header.text.text.endsWith('…')).toBe(true);
    }
  });

  it('splits a very long text into sections of at most 3000 characters without losing words', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `word${i} &`).join(' ');
    const message = renderReply({ title: 'Read', blocks: [{ type: 'text', text }] });
    const sections = message.blocks.filter((block) => block.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text?.text.length).toBeLessThanOrEqual(3000);
    expectWithinLimits(message);
  });

  it('keeps a reply with 200 long quotes within every Slack limit and says how many were left out', () => {
    const blocks = Array.from({ length: 200 }, (_, i) =>
      quote(`${'Very long statement & more <b>. '.repeat(70)}${i}`, i),
    );
    const message = renderReply(
      { title: 'Quote storm', blocks, page: { index: 1, total: 40 } },
      {
        state: { command: 'who', options: { name: 'Ada' }, page: 1 },
      },
    );
    expectWithinLimits(message);
    const context = message.blocks.filter((block) => block.type === 'context').map((block) => JSON.stringify(block));
    expect(context.some((text) => /\d+ more items not shown/.test(text))).toBe(true);
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });

  it('keeps 60 short articles within the block limit', () => {
    const message = renderReply({ title: 'Digest', blocks: Array.from({ length: 60 }, (_, i) => article(i)) });
    expectWithinLimits(message);
  });
});

describe('renderReplyMessages', () => {
  it('splits a reply too big for one message over several valid messages and keeps every item', () => {
    const blocks = Array.from({ length: 90 }, (_, i) => article(i, `Summary ${i}. ${'Details follow. '.repeat(60)}`));
    const messages = renderReplyMessages({ title: 'Digest', blocks });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectWithinLimits(message);
    const rendered = messages.flatMap((message) => message.blocks).map((block) => JSON.stringify(block));
    for (let i = 0; i < 90; i++) {
      expect(rendered.some((text) => text.includes(`Ministers agree on a timetable ${i}>`))).toBe(true);
    }
    expect(messages[0]?.blocks[0]?.type).toBe('header');
    expect(messages[1]?.text).toContain('(continued)');
  });

  it('sends a small reply as one message with no buttons', () => {
    const messages = renderReplyMessages({ title: 'Digest', blocks: [article(1)], page: { index: 1, total: 2 } });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});

describe('buttons', () => {
  const state = { command: 'search', options: { terms: 'ukraine talks' }, page: 2 };

  it('offers Previous, Next and Share on a middle page, each carrying the command, options and page', () => {
    const message = renderReply({ title: 'Search', blocks: [article(1)], page: { index: 2, total: 3 } }, { state });
    const actions = message.blocks.at(-1);
    expect(actions?.type).toBe('actions');
    if (actions?.type !== 'actions') return;
    const buttons = actions.elements.map((element) => ({
      id: 'action_id' in element ? element.action_id : undefined,
      state: decodeState('value' in element ? (element.value as string) : undefined),
    }));
    expect(buttons).toEqual([
      { id: ACTION_IDS.previous, state: { ...state, page: 1 } },
      { id: ACTION_IDS.next, state: { ...state, page: 3 } },
      { id: ACTION_IDS.share, state: { ...state, page: 2 } },
    ]);
    expect(JSON.stringify(message.blocks)).toContain('Page 2 of 3');
  });

  it('offers no Previous on the first page and no Share on an error', () => {
    const first = renderReply({ title: 'Search', blocks: [article(1)], page: { index: 1, total: 3 } }, { state });
    expect(JSON.stringify(first.blocks)).not.toContain(ACTION_IDS.previous);
    const error = renderReply(
      { title: 'Oops', blocks: [{ type: 'text', text: 'Bad count' }], isError: true },
      { state },
    );
    expect(JSON.stringify(error.blocks)).not.toContain(ACTION_IDS.share);
  });

  it('drops buttons whose state would not fit in a button value instead of sending an invalid one', () => {
    const huge = { command: 'search', options: { terms: 'x'.repeat(2500) }, page: 1 };
    expect(encodeState(huge)).toBeNull();
    const message = renderReply({ title: 'Search', blocks: [article(1)] }, { state: huge });
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('rejects button values newsdesk did not write', () => {
    expect(decodeState('not json')).toBeNull();
    expect(decodeState(JSON.stringify({ c: 'who', o: {}, p: 0 }))).toBeNull();
    expect(decodeState(undefined)).toBeNull();
  });

  it('credits the user who shared a reply', () => {
    const message = renderReply({ title: 'Search', blocks: [article(1)] }, { sharedBy: 'U0000USER' });
    expect(JSON.stringify(message.blocks)).toContain('Shared by <@U0000USER>');
    const forged = renderReply({ title: 'Search', blocks: [article(1)] }, { sharedBy: '!channel' });
    expect(JSON.stringify(forged.blocks)).not.toContain('Shared by');
  });
});

describe('bolt logger', () => {
  it('redacts Slack tokens and configured secrets from what Bolt logs', () => {
    const logger = createTestLogger();
    const bolt = createBoltLogger(logger, { secrets: ['s3cret-signing'] });
    bolt.info('token xoxb-123-456-abc and xapp-1-A0-xyz, secret s3cret-signing');
    bolt.debug('dropped below the info level');
    expect(logger.records).toHaveLength(1);
    expect(logger.text()).not.toMatch(/xoxb-|xapp-|s3cret/);
    expect(redactSecrets('Bearer xoxp-99-aa')).toBe('Bearer [redacted]');
  });
});
