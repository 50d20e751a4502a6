import { describe, expect, it } from 'vitest';
import { porterStem } from '../../src/core/nlp/porter.js';
import { rougeLsum, rougeN, scoreRouge, tokenizeForRouge } from '../../src/core/nlp/rouge.js';

describe('porterStem', () => {
  it('stems as the NLTK Porter variant does', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      ties: 'tie',
      agreed: 'agre',
      hopping: 'hop',
      generalization: 'gener',
      happy: 'happi',
      dying: 'die',
      news: 'news',
      controll: 'control',
      geology: 'geolog',
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word)).toBe(stem);
  });

  it('treats inherited object keys as ordinary words', () => {
    expect(porterStem('constructor')).toBe('constructor');
  });
});

describe('tokenizeForRouge', () => {
  it('lowercases, keeps [a-z0-9] runs and stems only tokens longer than three characters', () => {
    // 'was' is three characters and stays unstemmed (Porter alone would give 'wa')
    expect(tokenizeForRouge("The Cats' 2 dogs was running!")).toEqual(['the', 'cat', '2', 'dog', 'was', 'run']);
  });
});

describe('rougeN', () => {
  it('computes clipped unigram precision, recall and F1', () => {
    // reference 6 tokens, candidate 4 tokens, 3 shared
    const score = rougeN(['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b', 'c', 'x'], 1);
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.recall).toBeCloseTo(3 / 6);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
  });

  it('clips repeated n-grams to their count in the reference', () => {
    const score = rougeN(['a', 'b'], ['a', 'a', 'a'], 1);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 2);
  });

  it('counts bigrams for ROUGE-2', () => {
    const score = rougeN(['the', 'cat', 'sat'], ['the', 'cat', 'ran'], 2);
    expect(score.precision).toBeCloseTo(1 / 2);
    expect(score.recall).toBeCloseTo(1 / 2);
  });
});

describe('rougeLsum', () => {
  it('takes the union of LCS hits of each reference sentence over all candidate sentences', () => {
    // reference sentence [a b c d]; candidates [a b] and [c x]: union LCS {a, b, c} = 3 hits
    const score = rougeLsum(
      [['a', 'b', 'c', 'd']],
      [
        ['a', 'b'],
        ['c', 'x'],
      ],
    );
    expect(score.recall).toBeCloseTo(3 / 4);
    expect(score.precision).toBeCloseTo(3 / 4);
  });

  it('does not count a candidate token twice', () => {
    // both reference sentences match the single candidate "a", which may be counted once
    const score = rougeLsum([['a'], ['a']], [['a']]);
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.precision).toBeCloseTo(1);
  });
});

describe('scoreRouge', () => {
  it('scores identical texts as 1 and disjoint texts as 0', () => {
    const same = scoreRouge('The minister resigned.\nPolls opened.', 'The minister resigned.\nPolls opened.');
    expect(same.rouge1.f1).toBeCloseTo(1);
    expect(same.rouge2.f1).toBeCloseTo(1);
    expect(same.rougeLsum.f1).toBeCloseTo(1);
    expect(scoreRouge('alpha beta', 'gamma delta').rouge1.f1).toBe(0);
  });

  it('matches inflected forms through stemming', () => {
    expect(scoreRouge('officials were meeting', 'official meets').rouge1.recall).toBeCloseTo(2 / 3);
  });
});
