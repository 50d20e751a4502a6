import { describe, expect, it } from 'vitest';
import { containment, isSameStoryText, shingleHashes, titleKey } from '../../src/adapters/sources/feeds/story-match.js';

const full =
  'The city council approved the new tram line on Tuesday after a debate that lasted most of the evening. ' +
  'Construction is due to start next spring and the first trams should run within three years.';

describe('story matching', () => {
  it('compares titles without case, accents or punctuation', () => {
    expect(titleKey('Orbán: Council APPROVES tram-line!')).toBe('orban council approves tram line');
  });

  it('finds a teaser inside the full text of the same story', () => {
    const teaser = 'The city council approved the new tram line on Tuesday after a debate.';
    expect(isSameStoryText(shingleHashes(teaser), shingleHashes(full))).toBe(true);
  });

  it('tells different stories apart even when they share a few phrases', () => {
    const other =
      'The city council rejected the stadium plan on Tuesday after a short meeting. ' +
      'Residents had opposed the plan for months, and the club said it would look for another site.';
    expect(isSameStoryText(shingleHashes(other), shingleHashes(full))).toBe(false);
  });

  it('does not call two stories the same on too little text', () => {
    expect(isSameStoryText(shingleHashes('Live updates'), shingleHashes('Live updates'))).toBe(false);
  });

  it('measures containment against the smaller set', () => {
    expect(containment([1, 2, 3], [1, 2, 3, 4, 5, 6])).toBe(1);
    expect(containment([1, 2], [3, 4])).toBe(0);
    expect(containment([], [1])).toBe(0);
  });
});
