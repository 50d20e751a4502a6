// whitespace controls (tab, line breaks) separate words; every other control or format character is invisible noise
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Cc: C0/C1 controls (NUL...); Cf: zero-width spaces and joiners, bidi marks, soft hyphen, byte order mark
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * What a user typed, as it is looked up and shown: NFKC-normalised (fullwidth `ＲＵＢＩＯ` is `RUBIO`,
 * ligatures are letters), control and zero-width characters removed, whitespace collapsed and trimmed.
 */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
