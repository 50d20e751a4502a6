/** A token of a paragraph with offsets local to the paragraph text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** word (letters/digits, with inner apostrophes, hyphens, and abbreviation dots), or a single punctuation mark */
  kind: 'word' | 'punct';
  /** lowercased text, possessive ’s removed */
  lower: string;
  /** true when the word ends in a possessive ’s or s’ */
  possessive: boolean;
  /** true when the word starts with an uppercase letter */
  capitalized: boolean;
}

/** Abbreviations that keep their dot (so the dot does not end a sentence). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'capt',
  'sgt',
  'adm',
  'rev',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'vs',
  'etc',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'ave',
  'blvd',
  'dept',
  'univ',
  'approx',
  'est',
  'fig',
]);

// words keep inner apostrophes and hyphens, and the apostrophe of a plural possessive ("voters’ rights")
const TOKEN_PATTERN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-&][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}]))?|\S/gu;

/** Split a paragraph into word and punctuation tokens with exact local offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    let value = match[0];
    const start = match.index;
    const isWord = /^[\p{L}\p{M}\p{N}]/u.test(value);
    if (isWord && text[start + value.length] === '.' && keepsDot(value)) value += '.';
    tokens.push(makeToken(value, start, isWord ? 'word' : 'punct'));
  }
  return mergeDots(tokens);
}

function keepsDot(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/** Drop the standalone dot that the pattern emitted after a word that kept its dot. */
function mergeDots(tokens: Token[]): Token[] {
  const result: Token[] = [];
  for (const token of tokens) {
    const previous = result[result.length - 1];
    if (token.text === '.' && previous && previous.kind === 'word' && previous.end > token.start) continue;
    result.push(token);
  }
  return result;
}

function makeToken(text: string, start: number, kind: Token['kind']): Token {
  const possessive = kind === 'word' && /(?:['’]s|s['’])$/u.test(text) && text.length > 2;
  const bare = possessive ? text.replace(/['’]s$/u, '').replace(/(s)['’]$/u, '$1') : text;
  return {
    text,
    start,
    end: start + text.length,
    kind,
    lower: bare.toLowerCase().replace(/\.$/, ''),
    possessive,
    capitalized: kind === 'word' && /^\p{Lu}/u.test(text),
  };
}

/** End offset of a token's text without its possessive ending ("Trump’s" -> end of "Trump"). */
export function bareEnd(token: Token): number {
  if (!token.possessive) return token.end;
  return /['’]s$/u.test(token.text) ? token.end - 2 : token.end - 1;
}
