import { describe, expect, it } from 'vitest';
import {
  BINARY_FILE_WARNING,
  decodeCharacterReferences,
  decodeText,
  decodeWindows1252,
  repairMojibake,
} from '../../src/core/ingest/decode.js';
import { parseArticleFile } from '../../src/core/ingest/parse-file.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = bom
    ? [0xfeff, ...Array.from(text, (char) => char.charCodeAt(0))]
    : Array.from(text, (c) => c.charCodeAt(0));
  units.forEach((unit, index) => {
    view.setUint16(index * 2, unit, littleEndian);
  });
  return bytes;
}

describe('decodeText', () => {
  it('decodes UTF-8 without a warning', () => {
    expect(decodeText(utf8('Viktor Orbán said “yes”'))).toEqual({ text: 'Viktor Orbán said “yes”', encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title')]);
    expect(decodeText(bytes)).toEqual({ text: 'Title', encoding: 'utf-8' });
  });

  it('reads invalid UTF-8 as latin-1, with windows-1252 punctuation, and says so', () => {
    // "Orbán said “no”" in windows-1252: á is 0xe1, the curly quotes 0x93 and 0x94
    const bytes = new Uint8Array([...utf8('Orb'), 0xe1, ...utf8('n said '), 0x93, ...utf8('no'), 0x94]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('Orbán said “no”');
    expect(decoded.encoding).toBe('latin-1');
    expect(decoded.warning).toMatch(/latin-1/);
  });

  it('decodes UTF-16 by its byte order mark, little and big endian', () => {
    expect(decodeText(utf16('Héllo', true, true))).toEqual({ text: 'Héllo', encoding: 'utf-16le' });
    expect(decodeText(utf16('Héllo', false, true))).toEqual({ text: 'Héllo', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte order mark from its zero bytes', () => {
    expect(decodeText(utf16('Plain ASCII news text', true, false)).encoding).toBe('utf-16le');
    expect(decodeText(utf16('Plain ASCII news text', false, false)).encoding).toBe('utf-16be');
  });

  it('skips binary bytes: NULs or many control characters', () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]))).toEqual({
      text: '',
      encoding: 'utf-8',
      warning: BINARY_FILE_WARNING,
    });
    expect(decodeText(new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42, 0x43])).warning).toBe(BINARY_FILE_WARNING);
  });

  it('keeps tabs, form feeds and line breaks as text', () => {
    expect(decodeText(utf8('a\tb\r\nc\fd')).warning).toBeUndefined();
  });

  it('maps every windows-1252 byte to one character', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect(text[0x80]).toBe('€');
    expect(text[0xe9]).toBe('é');
  });
});

describe('repairMojibake', () => {
  it('puts back UTF-8 that was read as windows-1252 upstream, two, three and four bytes long', () => {
    expect(repairMojibake('JuliÃ¡n Castro and FranÃ§ois met in Ciudad JuÃ¡rez')).toBe(
      'Julián Castro and François met in Ciudad Juárez',
    );
    expect(repairMojibake('â€œHe saidâ€\u009d itâ€™s fine, at Â£5 ðŸ˜€')).toBe('“He said” it’s fine, at £5 😀');
  });

  it('leaves text alone that is already right or does not decode', () => {
    for (const text of ['Señor Müller’s café', 'Ã alone', 'MÃ']) expect(repairMojibake(text)).toBe(text);
  });

  it('repairs a file decoded as UTF-8', () => {
    const bytes = new TextEncoder().encode('Title\n\nStefan KÃ¶rner said it.');
    expect(decodeText(bytes).text).toBe('Title\n\nStefan Körner said it.');
  });
});

describe('decodeCharacterReferences', () => {
  it('reads numeric and common named references a scraper left in plain text', () => {
    expect(decodeCharacterReferences('Jos&#233; Manuel Barroso didn&rsquo;t &amp; &#x2014; said &quot;no&quot;')).toBe(
      'José Manuel Barroso didn’t & — said "no"',
    );
  });

  it('leaves unknown names, control characters and lone surrogates as written', () => {
    expect(decodeCharacterReferences('AT&T &foo; &#7; &#xD800; R&D')).toBe('AT&T &foo; &#7; &#xD800; R&D');
  });

  it('reads them in plain text and Markdown files, never in JSON, where a reference is the writer’s string', () => {
    const text = parseArticleFile({
      path: 'a.txt',
      bytes: Buffer.from('Barroso speaks\n\nJos&#233; Manuel Barroso spoke on Monday.\n'),
      retrievedAt: new Date(0),
    }).articles[0]?.paragraphs[0]?.text;
    expect(text).toBe('José Manuel Barroso spoke on Monday.');
    const json = parseArticleFile({
      path: 'a.json',
      bytes: Buffer.from(JSON.stringify({ title: 'T', body: 'Tom &amp; Ann spoke &quot;there&quot; on Monday.' })),
      retrievedAt: new Date(0),
    }).articles[0]?.paragraphs[0]?.text;
    expect(json).toBe('Tom &amp; Ann spoke &quot;there&quot; on Monday.');
  });
});
