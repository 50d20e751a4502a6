import { describe, expect, it } from 'vitest';
import { groupNameVariants } from '../../src/core/name-groups.js';
import { normalizeName } from '../../src/core/nlp/names.js';
import type { PersonMatch } from '../../src/core/ports.js';

const person = (name: string, articleCount = 1, kind: PersonMatch['kind'] = 'person'): PersonMatch => ({
  personKey: normalizeName(name),
  name,
  kind,
  articleCount,
  quoteCount: 0,
});
const names = (groups: PersonMatch[][]) => groups.map((group) => group.map((match) => match.name));

describe('the persons a name lookup found', () => {
  it('takes the ways articles write one name for one person: middle initials, a surname alone, a courtesy title', () => {
    expect(
      names(
        groupNameVariants([
          person('Anselm Vortley', 40),
          person('Vortley', 12),
          person('Anselm J. Vortley', 4),
          person('Dr Vortley', 2),
        ]),
      ),
    ).toEqual([['Anselm Vortley', 'Anselm J. Vortley', 'Vortley', 'Dr Vortley']]);
  });

  it('gives a surname alone to the one the articles name far most, never to a son named with "Jr."', () => {
    const found = [
      person('Dana Quell', 900),
      person('Dana Quell Jr.', 20),
      person('Quell', 400),
      person('Mara Quell', 30),
      person('Quell campaign', 10, 'organisation'),
    ];
    expect(names(groupNameVariants(found))).toEqual([
      ['Dana Quell', 'Quell'],
      ['Dana Quell Jr.'],
      ['Mara Quell'],
      ['Quell campaign'],
    ]);
  });

  it('leaves a surname alone when no one bearing it stands out, and follows a courtesy title to its gender', () => {
    const found = [person('Harriet Brandow', 60), person('William Brandow', 10), person('Brandow', 8)];
    expect(names(groupNameVariants([...found, person('Mr. Brandow', 3)]))).toEqual([
      ['Harriet Brandow'],
      ['William Brandow', 'Mr. Brandow'],
      ['Brandow'],
    ]);
  });

  it('keeps names with different middle initials apart, and a bare name apart beside two of them', () => {
    expect(
      names(
        groupNameVariants([
          person('Gregor W. Stanning', 20),
          person('Gregor H. W. Stanning', 12),
          person('Gregor H.W. Stanning', 3),
          person('Gregor Stanning', 5),
        ]),
      ),
    ).toEqual([['Gregor Stanning'], ['Gregor W. Stanning'], ['Gregor H. W. Stanning', 'Gregor H.W. Stanning']]);
  });

  it('counts a son named with "Jr." among the others', () => {
    const found = [person('Dana Quell', 900), person('Dana Quell Jr.', 100), person('Quell', 400)];
    expect(names(groupNameVariants(found))).toEqual([['Dana Quell'], ['Dana Quell Jr.'], ['Quell']]);
  });

  it('never groups a body, not even one named by a surname alone', () => {
    expect(names(groupNameVariants([person('Dana Quell', 9), person('Quell', 3, 'organisation')]))).toEqual([
      ['Dana Quell'],
      ['Quell'],
    ]);
  });
});
