import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { summarizeExtractive, truncateAtWord } from '../../src/core/nlp/summarize.js';
import { leadPriorStrength } from '../../src/core/nlp/summary-ranking.js';
import { collectCandidateSentences, isDanglingOpener } from '../../src/core/nlp/summary-sentences.js';

function article(paragraphs: (string | { heading: string })[], extra: Partial<ParsedArticle> = {}): ParsedArticle {
  let offset = 0;
  return {
    title: 'Harbour city opens flood barrier',
    url: null,
    source: null,
    author: null,
    publishedAt: null,
    publishedApprox: false,
    dateline: null,
    caption: null,
    highlights: [],
    paragraphs: paragraphs.map((p) => {
      const text = typeof p === 'string' ? p : p.heading;
      const start = offset;
      offset += text.length + 2;
      return { text, start, end: start + text.length, kind: typeof p === 'string' ? 'body' : 'heading' };
    }),
    ...extra,
  };
}

const barrierStory = [
  'The harbour city of Norden opened its new flood barrier on Monday after six years of construction.',
  'The barrier cost 1.2 billion euros and protects 80,000 homes from storm surges.',
  'Engineers tested the flood barrier gates twice during the autumn storms.',
  'Local shops reported brisk trade as visitors came to see the barrier.',
  'The city council plans a second flood barrier on the eastern river by 2030.',
];

describe('summarizeExtractive', () => {
  it('returns up to three sentences in article order, a short line and the extractive method', () => {
    const summary = summarizeExtractive(article(barrierStory));
    expect(summary.method).toBe('extractive');
    expect(summary.standard.length).toBe(3);
    const positions = summary.standard.map((s) => barrierStory.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary.short.length).toBeLessThanOrEqual(280);
    expect(barrierStory).toContain(summary.short);
  });

  it('honours a requested sentence count', () => {
    expect(summarizeExtractive(article(barrierStory), { sentences: 1 }).standard).toHaveLength(1);
  });

  it('never opens with a pronoun whose antecedent was left out', () => {
    const paragraphs = [
      'Voters in the river province elect a new governor on Sunday after a bitter campaign about flood defences.',
      'Polls show the two main candidates level, with flood defences the top concern of river province voters.',
      'He promised that every river town in the province would get flood defences within four years of the election.',
      'Turnout in the province is expected to be high because the flood defences campaign energised young voters.',
      'Results are due on Monday morning.',
    ];
    for (let sentences = 1; sentences <= 4; sentences++) {
      const summary = summarizeExtractive(article(paragraphs, { title: 'River province votes on flood defences' }), {
        sentences,
      });
      const heIndex = summary.standard.findIndex((s) => s.startsWith('He promised'));
      if (heIndex >= 0) expect(summary.standard[heIndex - 1]).toBe(paragraphs[1]);
      expect(isDanglingOpener(summary.short)).toBe(false);
    }
  });

  it('leaves out headings, captions, chrome, bylines and copies of the highlights', () => {
    const highlight = 'Norden opens its flood barrier after six years of building work.';
    const summary = summarizeExtractive(
      article(
        [
          'By . Jane Doe . PUBLISHED: . 09:15 EST, 4 March 2014 . | . UPDATED: . 11:02 EST, 4 March 2014 . The harbour city of Norden opened its new flood barrier on Monday.',
          { heading: 'FLOOD BARRIER OPENS IN NORDEN AFTER SIX YEARS' },
          highlight,
          'Mayor Ana Ruiz (pictured) opened the flood barrier in Norden with a speech.',
          'Click here to sign up for our flood barrier newsletter.',
          ...barrierStory.slice(1),
        ],
        { highlights: [highlight], caption: 'The Norden flood barrier at dusk. Photo: Port Authority' },
      ),
    );
    const all = `${summary.standard.join(' ')} ${summary.short}`;
    expect(all).not.toMatch(/Jane Doe|PUBLISHED|FLOOD BARRIER OPENS|pictured|Click here|newsletter|at dusk/);
    expect(summary.standard).not.toContain(highlight);
    expect(summary.standard[0]).toBe('The harbour city of Norden opened its new flood barrier on Monday.');
  });

  it('cuts the short summary at a word with an ellipsis only when no sentence fits', () => {
    const long = `The ${'very '.repeat(70)}long sentence about the flood barrier ends here.`;
    const summary = summarizeExtractive(article([long]));
    expect(summary.short.length).toBeLessThanOrEqual(280);
    expect(summary.short.endsWith('…')).toBe(true);
    expect(summary.short).not.toMatch(/\s…$/);
  });

  it('returns an empty summary for an article without body text', () => {
    expect(summarizeExtractive(article([{ heading: 'ONLY A HEADING' }, 'Follow']))).toEqual({
      standard: [],
      short: '',
      method: 'extractive',
    });
  });
});

// a lede, then sentences that repeat one another's words far more than they repeat the lede's
const ferryStory = [
  'Storms closed the island ferry route on Tuesday, and the ferry operator cancelled all sailings to the mainland.',
  'The island council said the ferry route would reopen when the harbour wall repairs and the ferry inspections finish.',
  'Repairs to the harbour wall and the ferry inspections will take the island council and the ferry operator a week.',
  'The ferry operator said the island council had delayed harbour wall repairs and ferry inspections for years.',
  'Residents stocked up on food.',
  'Schools stayed open.',
];

describe('layout-dependent lede prior', () => {
  it('applies fully to one-sentence paragraphs and to an undivided block, not to multi-sentence paragraphs', () => {
    expect(leadPriorStrength(collectCandidateSentences(article(ferryStory)))).toBe(1);
    const block = [
      ...ferryStory,
      'Shops ran low on bread.',
      'A doctor flew in by helicopter.',
      'Fishing boats stayed in port.',
      'The post office closed early.',
      'Tourists waited at the hotel.',
      'Forecasters expect calmer seas on Friday.',
    ];
    expect(leadPriorStrength(collectCandidateSentences(article([block.join(' ')])))).toBe(1);
    const inParagraphs = [
      ferryStory.slice(0, 2).join(' '),
      ferryStory.slice(2, 4).join(' '),
      ferryStory.slice(4).join(' '),
    ];
    expect(leadPriorStrength(collectCandidateSentences(article(inParagraphs)))).toBe(0);
  });

  it('opens a flat article with its lede but lets centrality choose in an article written in paragraphs', () => {
    const title = { title: 'Island ferry route closed' };
    expect(summarizeExtractive(article(ferryStory, title), { sentences: 1 }).standard).toEqual([ferryStory[0]]);
    const inParagraphs = [
      ferryStory.slice(0, 2).join(' '),
      ferryStory.slice(2, 4).join(' '),
      ferryStory.slice(4).join(' '),
    ];
    const summary = summarizeExtractive(article(inParagraphs, title), { sentences: 1 });
    expect(summary.standard).toHaveLength(1);
    expect(summary.standard).not.toEqual([ferryStory[0]]);
  });
});

describe('summary hygiene', () => {
  it('never puts a photo caption in the standard summary, even when that leaves it short', () => {
    const summary = summarizeExtractive(
      article([
        'The harbour city of Norden opened its new flood barrier on Monday after six years of construction.',
        'Mayor Ana Ruiz (pictured) cut the ribbon on the flood barrier in front of a large crowd on Monday.',
        'The flood barrier cost 1.2 billion euros and protects 80,000 homes from storm surges.',
      ]),
    );
    expect(summary.standard).toHaveLength(2);
    expect(summary.standard.join(' ')).not.toContain('pictured');
  });

  it('picks a short line that stands alone even when the best-ranked sentence opens with a back-reference', () => {
    const paragraphs = [
      'But the river province election was close. Voters met on Sunday.',
      'Governor Ana Ruiz won the river province election with promises of flood defences for every river town. ' +
        'She promised flood defences for every river town in the river province within four years of the election. ' +
        'Turnout was high.',
      'Results in the river province election were certified on Monday by the river province electoral board.',
    ];
    const summary = summarizeExtractive(article(paragraphs, { title: 'River province election' }));
    expect(summary.short.length).toBeGreaterThan(0);
    expect(isDanglingOpener(summary.short)).toBe(false);
    expect(summary.short.startsWith('But')).toBe(false);
  });
});

describe('isDanglingOpener', () => {
  it('flags pronouns, demonstratives, contrastive openers and event back-references', () => {
    for (const sentence of [
      'He denied the claims.',
      'This was the third attempt.',
      '"But it failed," she said later.',
      'However, officials disagreed.',
      'The move angered unions.',
      '"We will appeal," she said.',
    ]) {
      expect(isDanglingOpener(sentence)).toBe(true);
    }
  });

  it('accepts sentences that name their subject', () => {
    for (const sentence of [
      'The minister denied the claims.',
      'Theresa Ortiz won the vote.',
      '"We will appeal," Ortiz said.',
    ]) {
      expect(isDanglingOpener(sentence)).toBe(false);
    }
  });
});

describe('truncateAtWord', () => {
  it('keeps short text and cuts long text at a word boundary', () => {
    expect(truncateAtWord('Short enough.', 20)).toBe('Short enough.');
    expect(truncateAtWord('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });
});
