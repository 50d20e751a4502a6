import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/nlp/sentences.js';

const texts = (paragraph: string) => splitSentences(paragraph).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets into the paragraph', () => {
    const paragraph = 'The vote passed. Critics objected! Will it last?';
    const sentences = splitSentences(paragraph);
    expect(sentences.map((s) => s.text)).toEqual(['The vote passed.', 'Critics objected!', 'Will it last?']);
    for (const s of sentences) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after titles, initials or mid-sentence abbreviations', () => {
    expect(texts('Mr. Alvarez met Dr. Chen and J. R. Smith in Washington. They talked.')).toEqual([
      'Mr. Alvarez met Dr. Chen and J. R. Smith in Washington.',
      'They talked.',
    ]);
    expect(texts('The U.S. economy grew 2.5% on Dec. 3 according to No. 10 officials.')).toHaveLength(1);
  });

  it('splits after an abbreviation that ends the sentence before a typical opener', () => {
    expect(texts('Sales rose in the U.S. The company said prices held.')).toEqual([
      'Sales rose in the U.S.',
      'The company said prices held.',
    ]);
  });

  it('keeps decimals and amounts whole', () => {
    expect(texts('Profits reached $1.13bn, up 3.5%. Shares fell.')).toEqual([
      'Profits reached $1.13bn, up 3.5%.',
      'Shares fell.',
    ]);
  });

  it('ends the sentence after a quote that closes after the period', () => {
    expect(texts('She said: "We will win." Her rival disagreed.')).toEqual([
      'She said: "We will win."',
      'Her rival disagreed.',
    ]);
    expect(texts('“It is over.” The crowd left.')).toEqual(['“It is over.”', 'The crowd left.']);
  });

  it('does not split a quoted question followed by its attribution', () => {
    expect(texts('"Why now?" he asked. Nobody answered.')).toEqual(['"Why now?" he asked.', 'Nobody answered.']);
  });

  it('treats an ellipsis before a capital as a boundary and inside a sentence as none', () => {
    expect(texts('We waited... and waited. Then... Nothing happened.')).toEqual([
      'We waited... and waited.',
      'Then...',
      'Nothing happened.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
