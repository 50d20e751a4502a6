import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { JSON_BODY_SEPARATOR, parseJsonArticles } from '../../src/core/ingest/parse-json.js';

const retrievedAt = new Date('2025-12-20T10:00:00Z');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
const parse = (text: string) => parseJsonArticles(text, { file: 'a.json', retrievedAt });

describe('JSON parsing', () => {
  it('reads one article object with its metadata and splits the body string on lines', () => {
    const { articles, warnings } = parse(fixture('single.json'));
    expect(warnings).toEqual([]);
    const [article] = articles as [ParsedArticle];
    expect(article).toMatchObject({
      title: 'Orchestra announces free summer concerts',
      url: 'https://example.com/culture/orchestra',
      source: 'Example Culture',
      author: 'Lee Park',
      publishedAt: '2025-05-01T00:00:00.000Z',
      highlights: ['Five free concerts', 'No tickets needed'],
    });
    expect(article.paragraphs.map((paragraph) => paragraph.kind)).toEqual(['body', 'body', 'heading', 'body']);
    const body = (JSON.parse(fixture('single.json')) as { body: string }).body;
    for (const paragraph of article.paragraphs) expect(body.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
  });

  it('loads the valid elements of an array and warns with the index and field of the invalid one', () => {
    const { articles, warnings } = parse(fixture('mixed.json'));
    expect(articles.map((article) => article.title)).toEqual([
      'Ferry service resumes after repairs',
      'Library extends weekend opening hours',
    ]);
    expect(warnings).toEqual([
      { file: 'a.json', field: '[1].title', message: '[1].title: Invalid input: expected string, received number' },
    ]);
  });

  it('gives array bodies offsets into the elements joined by a blank line, one paragraph per element', () => {
    const [ferry] = parse(fixture('mixed.json')).articles as [ParsedArticle];
    const body = [
      'OSLO: The harbour ferry returned to service on Monday.',
      '  Repairs to its engine took two weeks.  ',
    ];
    const joined = body.join(JSON_BODY_SEPARATOR);
    expect(ferry.dateline).toBe('OSLO');
    expect(ferry.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'The harbour ferry returned to service on Monday.',
      'Repairs to its engine took two weeks.',
    ]);
    for (const paragraph of ferry.paragraphs) expect(joined.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
    expect(ferry).toMatchObject({ publishedAt: '2025-12-19T10:00:00.000Z', publishedApprox: true });
  });

  it('rejects a non-http url and an unparseable date, naming the fields', () => {
    const { articles, warnings } = parse('{"title":"T","body":"B","url":"javascript:alert(1)","published":"soon"}');
    expect(articles).toEqual([]);
    expect(warnings.map((warning) => warning.field)).toEqual(['url', 'published']);
  });

  it('warns about syntax errors and non-object values without throwing', () => {
    expect(parse('{"title": ').warnings[0]?.message).toMatch(/^invalid JSON: /);
    expect(parse('42').warnings).toEqual([
      { file: 'a.json', message: 'article: Invalid input: expected object, received number' },
    ]);
    expect(parse('[null]').warnings).toEqual([
      { file: 'a.json', field: '[0]', message: '[0]: Invalid input: expected object, received null' },
    ]);
  });
});
