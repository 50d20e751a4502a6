import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdownArticles } from '../../src/core/ingest/parse-markdown.js';

const retrievedAt = new Date('2025-12-20T10:00:00Z');
const parse = (text: string) => parseMarkdownArticles(text, { file: 'a.md', retrievedAt });

describe('markdown parsing', () => {
  const source = readFileSync(new URL('../fixtures/articles/feature.md', import.meta.url), 'utf8');

  it('reads the front matter fields, quoted values and comments included', () => {
    const { articles, warnings } = parse(source);
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Coral reefs recover faster than expected, study finds',
      url: 'https://example.org/science/coral-reefs',
      source: 'Example Science Desk',
      author: "Dana O'Neill",
      publishedAt: '2025-11-02T08:30:00.000Z',
      publishedApprox: false,
    });
  });

  it('drops the title heading, takes leading bullets as highlights and keeps paragraph text verbatim', () => {
    const [article] = parse(source).articles;
    expect(article?.highlights).toEqual([
      'Reefs regained half their cover within six years',
      'Cooler currents helped the recovery',
    ]);
    expect(article?.dateline).toBe('SYDNEY');
    expect(article?.paragraphs.map((paragraph) => [paragraph.kind, paragraph.text])).toEqual([
      [
        'body',
        'Researchers surveyed _forty_ reefs along the coast\nand found that most had regrown after the 2016 bleaching.',
      ],
      ['heading', 'What the scientists said'],
      ['body', '"We were surprised by how quickly the corals came back," said lead author Mia Chen.'],
      ['body', 'Further surveys are planned for next year.'],
    ]);
    for (const paragraph of article?.paragraphs ?? []) {
      expect(source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
    }
  });

  it('takes the title from a leading # heading when the front matter has none', () => {
    const { articles, warnings } = parse('# Snow in the desert\n\nIt snowed in the desert on Monday.\n');
    expect(warnings).toEqual([]);
    expect(articles[0]?.title).toBe('Snow in the desert');
    expect(articles[0]?.paragraphs.map((paragraph) => paragraph.text)).toEqual(['It snowed in the desert on Monday.']);
  });

  it('warns about invalid front matter fields, drops them and keeps the article', () => {
    const text = '---\ntitle: Rates rise\nurl: ftp://example.com/x\npublished: not a date\n---\nBanks raised rates.\n';
    const { articles, warnings } = parse(text);
    expect(articles[0]).toMatchObject({ title: 'Rates rise', url: null, publishedAt: null });
    expect(warnings.map((warning) => [warning.field, warning.line])).toEqual([
      ['url', 3],
      ['published', 4],
    ]);
  });

  it('warns when there is no title anywhere and uses the first line', () => {
    const { articles, warnings } = parse('---\nsource: Wire\n---\nA short note.\n\nA second paragraph.\n');
    expect(articles[0]?.title).toBe('A short note.');
    expect(articles[0]?.paragraphs.map((paragraph) => paragraph.text)).toEqual(['A second paragraph.']);
    expect(warnings).toMatchObject([{ field: 'title' }]);
  });

  it('refuses nested YAML and unclosed quotes with a warning naming the line', () => {
    const text = '---\ntitle: "Unclosed\ntags:\n  - a\nauthor: Kim\n---\n# Heading title\n\nText.\n';
    const { articles, warnings } = parse(text);
    expect(articles[0]).toMatchObject({ title: 'Heading title', author: 'Kim' });
    expect(warnings.map((warning) => [warning.field, warning.line])).toEqual([
      ['title', 2],
      ['tags', 4],
    ]);
  });

  it('skips code fences, rules and images, taking the image alt text as the caption', () => {
    const text = '# Launch\n\n![The rocket on the pad (NASA)](rocket.jpg)\n\nIt flew.\n\n---\n\n```\ncode\n```\n';
    const [article] = parse(text).articles;
    expect(article?.caption).toBe('The rocket on the pad (NASA)');
    expect(article?.paragraphs.map((paragraph) => paragraph.text)).toEqual(['It flew.']);
  });

  it('reads a front matter relative date against its retrieved value', () => {
    const text = '---\ntitle: Quake\nretrieved: 2026-01-01T12:00:00Z\npublished: 3 hours ago\n---\nThe ground shook.\n';
    expect(parse(text).articles[0]).toMatchObject({ publishedAt: '2026-01-01T09:00:00.000Z', publishedApprox: true });
  });
});
