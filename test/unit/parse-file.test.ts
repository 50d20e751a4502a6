import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { decodeText } from '../../src/core/ingest/decode.js';
import { detectFormat, parseArticleFile } from '../../src/core/ingest/parse-file.js';
import { JSON_BODY_SEPARATOR } from '../../src/core/ingest/parse-json.js';
import type { ParsedFile } from '../../src/core/ingest/parse-result.js';

const retrievedAt = new Date('2025-12-20T10:00:00Z');
// a fixed seed keeps the suite deterministic; change it locally to explore other inputs
const PROPERTY_SEED = 20251220;
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (path: string, bytes: Uint8Array) => parseArticleFile({ path, bytes, retrievedAt });

function offsetsHold(source: string, articles: ParsedArticle[]): boolean {
  return articles.every((article) =>
    article.paragraphs.every((paragraph) => source.slice(paragraph.start, paragraph.end) === paragraph.text),
  );
}

describe('parseArticleFile', () => {
  it('warns "empty file" for no bytes and for whitespace only', () => {
    expect(parse('a.txt', new Uint8Array())).toEqual({
      articles: [],
      warnings: [{ file: 'a.txt', message: 'empty file' }],
    });
    expect(parse('a.md', utf8(' \n\n\t\n')).warnings).toEqual([{ file: 'a.md', message: 'empty file' }]);
  });

  it('skips binary files with a warning', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(parse('photo.txt', png)).toEqual({
      articles: [],
      warnings: [{ file: 'photo.txt', message: 'binary file skipped' }],
    });
  });

  it('reads latin-1 text, naming the encoding in a warning', () => {
    const bytes = new Uint8Array([
      ...utf8('Orb'),
      0xe1,
      ...utf8('n wins vote\n\nViktor Orb'),
      0xe1,
      ...utf8('n won.\n'),
    ]);
    const { articles, warnings } = parse('orban.txt', bytes);
    expect(articles[0]?.title).toBe('Orbán wins vote');
    expect(articles[0]?.paragraphs[0]?.text).toBe('Viktor Orbán won.');
    expect(warnings).toEqual([{ file: 'orban.txt', message: 'not valid UTF-8: decoded as latin-1 (windows-1252)' }]);
  });

  it('reads a UTF-8 file with a byte order mark, offsets counted without the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Headline\n\nFirst paragraph.\n')]);
    const { articles, warnings } = parse('bom.txt', bytes);
    expect(warnings).toEqual([]);
    expect(articles[0]?.title).toBe('Headline');
    expect(articles[0]?.paragraphs[0]).toEqual({ text: 'First paragraph.', start: 10, end: 26, kind: 'body' });
  });

  it('dispatches on the extension and sniffs unknown extensions', () => {
    expect(detectFormat('news/a.TXT', '{')).toBe('text');
    expect(detectFormat('README', '---\ntitle: x\n---')).toBe('text');
    expect(detectFormat('a.markdown', 'x')).toBe('markdown');
    expect(detectFormat('a.json', 'x')).toBe('json');
    expect(detectFormat('a.html', '  ---\ntitle: x')).toBe('markdown');
    expect(detectFormat('a.dat', '[{"title":"x"}]')).toBe('json');
    expect(detectFormat('a.dat', 'Plain title')).toBe('text');
    expect(detectFormat('dir.v2/.hidden', '{')).toBe('text');
  });

  it('routes JSON files to the JSON parser', () => {
    const { articles } = parse('a.json', utf8('{"title":"Vote count ends","body":"Officials finished counting."}'));
    expect(articles.map((article) => article.title)).toEqual(['Vote count ends']);
  });

  it('never throws on arbitrary text and keeps every paragraph offset exact', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('a.txt', 'a.md', 'a'),
        (text, path) => {
          const result = parse(path, utf8(text));
          return isWellFormed(result) && offsetsHold(decodeText(utf8(text)).text, result.articles);
        },
      ),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });

  it('never throws on arbitrary bytes under any extension', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('a.txt', 'a.md', 'a.json', 'a.bin', 'noext'),
        (bytes, path) => {
          const result = parse(path, bytes);
          const text = decodeText(bytes).text;
          const plain = detectFormat(path, text) !== 'json';
          return isWellFormed(result) && (!plain || offsetsHold(text, result.articles));
        },
      ),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });

  it('keeps offsets exact on random mixes of news page lines', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '',
        '',
        'Short Url',
        'Follow',
        'Updated 20 December 2025',
        'Updated 55 min 41 sec ago',
        '  • A highlight',
        '- A bullet',
        'A caption of a photo (AFP)',
        'WASHINGTON: A first paragraph.',
        'HEADING IN CAPITALS',
        'retrieved: 2025-12-20T10:00:00Z',
        'By Jane Doe, Reuters',
        'URL: https://example.com/x',
        '---',
        '# Heading',
        '> quoted',
        '```',
        'A title line',
      ),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('a.txt', 'a.md'),
        (lines, newline, path) => {
          const text = lines.join(newline);
          const result = parse(path, utf8(text));
          return isWellFormed(result) && offsetsHold(text, result.articles);
        },
      ),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });

  it('keeps JSON offsets exact against the body string or the joined body array', () => {
    const body = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), body, (title, value) => {
        const result = parse('a.json', utf8(JSON.stringify([{ title, body: value }])));
        const source = Array.isArray(value) ? value.join(JSON_BODY_SEPARATOR) : value;
        return isWellFormed(result) && offsetsHold(source, result.articles);
      }),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });
});

function isWellFormed(result: ParsedFile): boolean {
  return (
    Array.isArray(result.articles) &&
    Array.isArray(result.warnings) &&
    result.articles.every((article) => typeof article.title === 'string' && article.title.length > 0) &&
    result.articles.every((article) =>
      article.paragraphs.every((paragraph) => paragraph.start <= paragraph.end && paragraph.text.length > 0),
    )
  );
}
