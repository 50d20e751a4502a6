import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../commands/command-line.js';
import { tokenize } from '../../commands/tokenize.js';

describe('parseCommandText', () => {
  it('reads a subcommand and its rest-of-line option', () => {
    expect(parseCommandText('who Marco Rubio')).toEqual({ name: 'who', options: { name: 'Marco Rubio' } });
    expect(parseCommandText('/news search ukraine  talks')).toEqual({
      name: 'search',
      options: { terms: 'ukraine talks' },
    });
  });

  it('keeps quoted arguments together, straight or curly', () => {
    expect(parseCommandText('who "Marco Rubio"')).toEqual({ name: 'who', options: { name: 'Marco Rubio' } });
    expect(tokenize('who “Viktor Orbán”')).toEqual(['who', 'Viktor Orbán']);
  });

  it('passes numbers through for the schema to validate', () => {
    expect(parseCommandText('latest 3')).toEqual({ name: 'latest', options: { count: '3' } });
    expect(parseCommandText('latest many')).toEqual({ name: 'latest', options: { count: 'many' } });
  });

  it('takes a trailing "page N" as the page of a paged command', () => {
    expect(parseCommandText('/news who Rubio page 2')).toEqual({ name: 'who', options: { name: 'Rubio', page: 2 } });
  });

  it('treats empty text as help and keeps unknown names for the dispatcher to report', () => {
    expect(parseCommandText('  ')).toEqual({ name: 'help', options: {} });
    expect(parseCommandText('/news')).toEqual({ name: 'help', options: {} });
    expect(parseCommandText('weather Berlin')).toEqual({ name: 'weather', options: {} });
  });
});
