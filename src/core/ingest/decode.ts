/** The text encodings `decodeText` recognises. 'latin-1' means windows-1252, its superset used by the web. */
export type TextEncodingName = 'utf-8' | 'latin-1' | 'utf-16le' | 'utf-16be';

/** The result of decoding a file's bytes. */
export interface DecodedText {
  /** the decoded text, BOM removed; empty for binary files */
  text: string;
  encoding: TextEncodingName;
  /** set when the bytes were binary (no text) or not valid UTF-8 */
  warning?: string;
}

/** The warning `decodeText` gives for bytes that are not text; callers skip such files. */
export const BINARY_FILE_WARNING = 'binary file skipped';

/** How many leading bytes the binary sniffing looks at (git and file(1) look at a similar prefix). */
const SNIFF_LENGTH = 8192;
/** Share of control bytes above which a file counts as binary. */
const MAX_CONTROL_RATIO = 0.1;

// windows-1252 code points for bytes 0x80-0x9f; undefined slots fall back to the C1 control of the same value
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/**
 * Decodes a file's bytes to text. UTF-8 (BOM stripped) is the default; UTF-16 is recognised by its BOM
 * (or, without one, by the zero bytes of mostly-ASCII text); invalid UTF-8 is read as windows-1252.
 * Bytes with NULs or many control characters are binary: the text is empty and the warning is
 * {@link BINARY_FILE_WARNING}. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8OrLatin1(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const kind = sniffBytes(bytes);
  if (kind === 'utf-16le' || kind === 'utf-16be') {
    const text = (kind === 'utf-16le' ? utf16le : utf16be).decode(bytes);
    // without a BOM the NUL pattern is only a guess: text full of control characters was binary after all
    if (controlShare(text) > MAX_CONTROL_RATIO) return { text: '', encoding: 'utf-8', warning: BINARY_FILE_WARNING };
    return { text, encoding: kind };
  }
  if (kind === 'binary') return { text: '', encoding: 'utf-8', warning: BINARY_FILE_WARNING };
  return decodeUtf8OrLatin1(bytes);
}

function decodeUtf8OrLatin1(bytes: Uint8Array): DecodedText {
  try {
    return { text: repairMojibake(strictUtf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'latin-1',
      warning: 'not valid UTF-8: decoded as latin-1 (windows-1252)',
    };
  }
}

/** Decodes windows-1252 by hand: Node's TextDecoder maps that label to plain ISO-8859-1. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const end = Math.min(offset + chunkSize, bytes.length);
    const codes = new Array<number>(end - offset);
    for (let i = offset; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - offset] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/**
 * Classifies the leading sample in one pass. UTF-16 without a BOM: mostly-ASCII text has a zero in every
 * other byte, on one side only. Otherwise NUL bytes, or more than a tenth control bytes, mean binary.
 */
function sniffBytes(bytes: Uint8Array): 'text' | 'binary' | 'utf-16le' | 'utf-16be' {
  const length = Math.min(bytes.length, SNIFF_LENGTH);
  let zeroEven = 0;
  let zeroOdd = 0;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (isControlByte(byte)) {
      controls++;
    }
  }
  if (zeroEven + zeroOdd === 0) return length > 0 && controls / length > MAX_CONTROL_RATIO ? 'binary' : 'text';
  const units = Math.floor(length / 2);
  if (units >= 2 && zeroOdd >= units * 0.7 && zeroEven === 0) return 'utf-16le';
  if (units >= 2 && zeroEven >= units * 0.7 && zeroOdd === 0) return 'utf-16be';
  return 'binary';
}

function isControlByte(byte: number): boolean {
  // tab, line feed, vertical tab, form feed, carriage return and escape occur in real text files
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls / text.length;
}

/** Each windows-1252 character's byte: the reverse of {@link decodeWindows1252}. */
const WINDOWS_1252_BYTES = new Map<number, number>(WINDOWS_1252_HIGH.map((code, index) => [code, 0x80 + index]));

/** A character that stands for a UTF-8 continuation byte (0x80-0xbf) read as windows-1252 (no regex syntax among them). */
const CONTINUATION = `[\u0080-\u00bf${String.fromCharCode(...WINDOWS_1252_HIGH.filter((code) => code > 0xff))}]`;

/** A lead byte and its continuations, every byte read as one windows-1252 character ("Ã©" for "é"). */
const MOJIBAKE = new RegExp(
  `[\u00c2-\u00df]${CONTINUATION}|[\u00e0-\u00ef]${CONTINUATION}{2}|[\u00f0-\u00f4]${CONTINUATION}{3}`,
  'gu',
);

/**
 * Text that was UTF-8 read as windows-1252 somewhere upstream and stored again ("JuliÃ¡n Castro", "FranÃ§ois"), put
 * back: each run that was one UTF-8 character becomes it again; anything that does not decode is left as it is.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/u.test(text)) return text;
  return text.replace(MOJIBAKE, (run) => {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) {
      const code = run.charCodeAt(i);
      const byte = code <= 0xff ? code : WINDOWS_1252_BYTES.get(code);
      if (byte === undefined) return run;
      bytes[i] = byte;
    }
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return run;
    }
  });
}

/** Named references scraped news text carries most, and what they stand for. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
};

const CHARACTER_REFERENCE = /&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|([a-z]{2,6}));/gu;

/**
 * HTML character references a scraper left in plain text read as the characters they stand for: "Jos&#233; Manuel
 * Barroso" is "José Manuel Barroso" (the name finder had split him in two), "&rsquo;" an apostrophe. A reference to no
 * printable character, or a name not listed, stays as written.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CHARACTER_REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_REFERENCES[name] ?? reference;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    if (!Number.isFinite(code) || code < 0x20 || (code >= 0x7f && code < 0xa0) || code > 0x10ffff) return reference;
    if (code >= 0xd800 && code <= 0xdfff) return reference;
    return String.fromCodePoint(code);
  });
}
