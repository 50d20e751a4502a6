import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../commands/command-line.js';
import { findCommand } from '../../commands/index.js';
import {
  composeArticleAlert,
  composeQuoteAlert,
  MAX_ALERT_ITEMS,
  type QuoteHit,
} from '../../src/core/alerts/compose.js';
import type { ArticleView } from '../../src/core/ports.js';

function hit(text: string, outlet: string, articleId = `a-${outlet}`): QuoteHit {
  return {
    text,
    kind: 'direct',
    speaker: 'Ada Lindqvist',
    role: 'Finance Minister',
    article: {
      id: articleId,
      title: `Budget news (${outlet})`,
      url: `https://news.example/${articleId}`,
      publishedAt: null,
      publishedApprox: false,
      ingestedAt: '2026-03-27T10:00:00.000Z',
    },
    outlets: [outlet],
  };
}

function article(n: number): ArticleView {
  return {
    id: `art${n}`,
    title: `Lighthouse story ${n}`,
    url: `https://news.example/${n}`,
    source: 'Coast Weekly',
    publishedAt: '2026-03-27',
    publishedApprox: false,
    ingestedAt: '2026-03-27T10:00:00.000Z',
    summary: [`Summary ${n}.`],
    short: `Short ${n}.`,
  };
}

describe('composing alerts', () => {
  it('makes the same words of one speaker in several outlets one entry listing every outlet', () => {
    const reply = composeQuoteAlert('Ada Lindqvist', [
      hit('The ferries keep running.', 'Harbour Gazette'),
      hit('The  ferries keep running', 'Island Times'),
      hit('Tolls stay low.', 'Harbour Gazette'),
    ]);
    expect(reply.title).toBe('Ada Lindqvist: 2 new quotes');
    expect(reply.blocks).toMatchObject([
      {
        type: 'quote',
        text: 'The ferries keep running.',
        speaker: 'Ada Lindqvist (Finance Minister)',
        outlets: ['Harbour Gazette', 'Island Times'],
        publishedAt: '2026-03-27T10:00:00.000Z',
      },
      { type: 'quote', text: 'Tolls stay low.', outlets: ['Harbour Gazette'] },
    ]);
  });

  it('lists at most ten items and says where the rest are', () => {
    const hits = Array.from({ length: 40 }, (_, i) => hit(`Quote number ${i}.`, 'Harbour Gazette', 'one'));
    const reply = composeQuoteAlert('Ada Lindqvist', hits);
    expect(reply.blocks.filter((b) => b.type === 'quote')).toHaveLength(MAX_ALERT_ITEMS);
    expect(reply.blocks.at(-1)).toEqual({ type: 'text', text: '…and 30 more. All of them: /news who Ada Lindqvist' });
    const topic = composeArticleAlert(
      'topic',
      'lighthouse',
      Array.from({ length: 12 }, (_, i) => ({ article: article(i), quote: null })),
    );
    expect(topic.title).toBe('New about "lighthouse": 12 stories');
    expect(topic.blocks.at(-1)).toEqual({ type: 'text', text: '…and 2 more. See /news search lighthouse' });
    const source = composeArticleAlert('source', 'Coast Weekly', [{ article: article(1), quote: null }]);
    expect(source).toMatchObject({ title: 'New from Coast Weekly: 1 story', blocks: [{ summary: 'Short 1.' }] });
  });

  it('lists a story once with every outlet carrying it, and a story delivered before as an update with its new quote', () => {
    const quote = {
      text: 'The keepers stay all winter.',
      kind: 'direct' as const,
      speaker: 'Ada Lindqvist',
      articleId: 'art2',
      articleTitle: 'Lighthouse story 2',
      articleUrl: null,
      publishedAt: null,
      publishedApprox: false,
      start: 0,
      end: 10,
    };
    const reply = composeArticleAlert('topic', 'lighthouse', [
      { article: article(1), quote, outlets: ['Coast Weekly', 'Island Times'] },
      { article: article(2), quote, outlets: ['Coast Weekly', 'Harbour Gazette'], update: true },
    ]);
    expect(reply.title).toBe('New about "lighthouse": 2 stories');
    expect(reply.blocks).toEqual([
      expect.objectContaining({
        title: 'Lighthouse story 1',
        outlets: ['Coast Weekly', 'Island Times'],
        quote: undefined,
      }),
      expect.objectContaining({
        title: 'Update: Lighthouse story 2',
        outlets: ['Coast Weekly', 'Harbour Gazette'],
        quote: { text: 'The keepers stay all winter.', speaker: 'Ada Lindqvist' },
      }),
    ]);
  });
});

describe('alert commands typed on Slack and in the console', () => {
  const parse = (text: string) => {
    const { name, options } = parseCommandText(text);
    return findCommand(name)?.options.safeParse(options);
  };

  it('reads the kind, the target and a trailing ping', () => {
    expect(parse('follow who Marco Rubio ping:<!subteam^S0123|@desk>')?.data).toEqual({
      kind: 'who',
      target: 'Marco Rubio',
      ping: '<!subteam^S0123|@desk>',
    });
    expect(parse('follow topic steel tariffs')?.data).toEqual({ kind: 'topic', target: 'steel tariffs' });
    expect(parse('follow rubio')?.error?.issues[0]?.message).toContain('Say what to follow: who, topic or source.');
    expect(parse('follow who')?.error?.issues[0]?.message).toContain('Say whom or what to follow.');
  });
});
