import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/dispatch.js';
import { normalizeQuery } from '../../src/core/query.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';

let desk: TestDesk;
beforeAll(async () => {
  desk = await createSeedDeps();
});
afterAll(() => desk.close());

describe('query normalisation', () => {
  it('folds fullwidth letters and drops zero-width, bidi and control characters', () => {
    expect(normalizeQuery('ＲＵＢＩＯ')).toBe('RUBIO');
    expect(normalizeQuery('Ru\u200bbi\u200do\u2066')).toBe('Rubio');
    expect(normalizeQuery('Ru\u0000bio\u0007')).toBe('Rubio');
    expect(normalizeQuery(' Marco\t\u00adRubio\n')).toBe('Marco Rubio');
  });

  it('finds a person typed in fullwidth letters or with zero-width characters inside the name', async () => {
    for (const typed of [
      'ＲＵＢＩＯ',
      'Ｍａｒｃｏ Ｒｕｂｉｏ',
      'Ru\u200bbio',
      '\ufeffRubio\u200c',
      'Mar\u00adco Rubio',
    ]) {
      const result = await desk.deps.news.who(typed);
      expect(result.matches.map((m) => m.name)).toEqual(['Marco Rubio']);
    }
  });

  it('looks up a name with a NUL inside as it is shown: stripped', async () => {
    const found = await runCommand('who', { name: 'Ru\u0000bio' }, desk.deps);
    expect(found.title).toBe('Marco Rubio');
    const missing = await runCommand('who', { name: 'Nobody\u0000Here\u200b' }, desk.deps);
    expect(missing.title).toBe('Who: NobodyHere');
    // JSON shows a NUL as \u0000
    expect(JSON.stringify(missing)).not.toContain('\\u0000');
    expect(JSON.stringify(missing)).not.toContain('\u200b');
  });

  it('normalises search terms, article references and name prefixes the same way', async () => {
    const plain = await desk.deps.news.search('Ukraine talks');
    const fullwidth = await desk.deps.news.search('Ｕｋｒａｉｎｅ\u200b talks');
    expect(fullwidth.total).toBe(plain.total);
    expect(plain.total).toBeGreaterThan(0);
    const read = await desk.deps.news.read('Ｒｕｂｉｏ to visit eastern Europe');
    expect(read.found).toBe(true);
    expect((await desk.deps.news.people('ＲＵＢ\u0000')).map((p) => p.name)).toContain('Marco Rubio');
  });
});
