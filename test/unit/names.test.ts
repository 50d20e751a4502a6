import { describe, expect, it } from 'vitest';
import { editDistance, nameKeys, normalizeName, stripTitles } from '../../src/core/nlp/names.js';

describe('normalizeName', () => {
  it('folds case and accents so "Orbán" and "Orban" meet', () => {
    expect(normalizeName('Viktor Orbán')).toBe('viktor orban');
    expect(normalizeName('ORBAN')).toBe('orban');
  });

  it('drops punctuation and collapses spaces', () => {
    expect(normalizeName("  Conan  O'Brien ")).toBe('conan obrien');
    expect(normalizeName('Jean-Luc Mélenchon')).toBe('jean luc melenchon');
    expect(normalizeName('Lech Wałęsa')).toBe('lech walesa');
  });

  it('folds ascii text as it folds the same words written with other characters', () => {
    // ascii takes a one-pass path of its own
    expect(normalizeName("Mr. J.K. Rowling's  book -- `quoted`")).toBe('mr jk rowlings book quoted');
    expect(normalizeName('Mr. J.K. Rowling’s  book — `quoted`')).toBe('mr jk rowlings book quoted');
    expect(normalizeName('... 9/11, at 24.7%!')).toBe('9 11 at 247');
    expect(normalizeName('... 9/11, at 24.7%!\u00a0')).toBe('9 11 at 247');
  });
});

describe('stripTitles', () => {
  it('strips honorifics and titles from a query', () => {
    expect(stripTitles('Secretary Rubio')).toBe('Rubio');
    expect(stripTitles('Mr Blair')).toBe('Blair');
    expect(stripTitles('Mr. Blair')).toBe('Blair');
    expect(stripTitles('President Trump')).toBe('Trump');
    expect(stripTitles('Secretary of State Marco Rubio')).toBe('Marco Rubio');
    expect(stripTitles('Prime Minister Robert Fico')).toBe('Robert Fico');
  });

  it('keeps a query that is only a title', () => {
    expect(stripTitles('President')).toBe('President');
  });
});

describe('nameKeys', () => {
  it('finds a person by full name, surname, alias and title form', () => {
    const keys = nameKeys({ name: 'Marco Rubio', aliases: ['Rubio', 'Secretary Rubio'], roles: [] });
    expect(keys).toEqual(expect.arrayContaining(['marco rubio', 'rubio', 'secretary rubio']));
  });

  it('ignores name suffixes when taking the surname', () => {
    expect(nameKeys({ name: 'Martin Luther King Jr.', aliases: [], roles: [] })).toContain('king');
  });

  it('finds a body by each word of its name that is not one every body has', () => {
    const keys = nameKeys({ name: 'Gironde prefecture', aliases: [], roles: [], kind: 'organisation' });
    expect(keys).toEqual(expect.arrayContaining(['gironde prefecture', 'gironde', 'prefecture']));
    const union = nameKeys({ name: 'National Union of Mineworkers', aliases: [], roles: [], kind: 'organisation' });
    expect(union).toEqual(expect.arrayContaining(['national union of mineworkers', 'mineworkers']));
    expect(union).not.toContain('national');
    expect(union).not.toContain('union');
    // a person is not found by a given name alone
    expect(nameKeys({ name: 'Jean Morel', aliases: [], roles: [], kind: 'person' })).not.toContain('jean');
  });

  it('finds a body by each part of a name joined by a slash, and by the name before its list of fields', () => {
    expect(nameKeys({ name: 'Cal/OSHA', aliases: [], roles: [], kind: 'organisation' })).toContain('osha');
    const ministry = { name: 'Ministry of Agriculture, Forestry and Fisheries', aliases: [], roles: [] };
    expect(nameKeys({ ...ministry, kind: 'organisation' })).toEqual(
      expect.arrayContaining(['ministry of agriculture', 'agriculture', 'fisheries']),
    );
  });
});

describe('editDistance', () => {
  it('counts edits and transpositions', () => {
    expect(editDistance('rubio', 'rubbio', 2)).toBe(1);
    expect(editDistance('orban', 'obran', 2)).toBe(1);
    expect(editDistance('fico', 'fico', 2)).toBe(0);
  });

  it('stops early beyond the bound', () => {
    expect(editDistance('zelensky', 'rubio', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
