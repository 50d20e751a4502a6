/**
 * Removal of page chrome from article text: bylines, timestamps, wire prefixes, share and newsletter prompts,
 * photo credits. Everything here works on plain text and never throws.
 */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const CLOCK = '\\d{1,2}[:.]\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*(?:EST|EDT|GMT|BST|UTC|CET|ET|PT))?';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
// a capitalised name of up to six words, allowing "van", "de" and initials
const NAME = "[A-Z][\\p{L}'’.-]*(?:\\s+(?:[A-Z][\\p{L}'’.-]*|van|von|de|del|da|di|la|le|al|bin|el))*";

/** Chrome that may open a paragraph; removed repeatedly from the front. */
const LEADING_CHROME: readonly RegExp[] = [
  // Daily Mail style byline with stray periods: "By . Jane Doe . ", "By . Jane Doe For Mailonline . "
  new RegExp(`^By\\s*\\.\\s+${NAME}(?:\\s+(?:for|For|FOR)\\s+${NAME})?\\s*\\.\\s+`, 'u'),
  // continuation of such a byline: "and John Roe . "
  new RegExp(`^and\\s+${NAME}\\s*\\.\\s+`, 'u'),
  // "PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . "
  new RegExp(
    `^(?:PUBLISHED|UPDATED|Published|Updated)\\s*:\\s*\\.?\\s*${CLOCK},?\\s*${DATE}\\s*\\.?\\s*(?:\\|\\s*\\.?\\s*)?`,
    'u',
  ),
  // "Last updated at 1:25 AM on 3rd August 2011 . "
  new RegExp(`^Last updated(?: at)?\\s+${CLOCK}(?:\\s+on)?\\s+${DATE}\\s*\\.?\\s*`, 'u'),
  // wire prefixes: "(CNN) -- ", "Beirut (CNN) -- ", "LONDON (Reuters) - ", "(CNN)"
  /^(?:[\p{L} .,'’-]{0,60}\s)?\((?:CNN|Reuters|AP|AFP|Bloomberg|UPI|PA)\)\s*(?:--|[-–—:])?\s*/u,
  // an all-caps dateline: "WASHINGTON: ", "KYIV — "
  /^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\p{L} .'’-]{1,30})?\s*(?::|--|—|–)\s+(?=[A-Z"“‘'])/u,
];

/** Paragraphs that are chrome in their entirety. */
const CHROME_PARAGRAPHS: readonly RegExp[] = [
  /^(?:follow(?: us)?(?: on [\p{L} ]+)?|short url|share(?: this)?(?: article| story)?|advertisement|read more|related|print|email|comments?)\.?$/iu,
  new RegExp(`^By\\s+${NAME}(?:\\s*(?:,|and)\\s*${NAME})*\\.?$`, 'u'),
  new RegExp(
    `^(?:Published|Updated|Last updated)(?: on| at)?\\s+(?:${CLOCK}\\s*(?:on\\s+)?)?${DATE}(?:\\s+${CLOCK})?\\.?$`,
    'iu',
  ),
  /^(?:image|photo|picture|video)(?: copyright| caption| credit)?\s*:?\s*[\p{L} /&.,'’-]{0,60}$/iu,
  /^\(?(?:Getty|AP|AFP|Reuters|EPA|PA|Shutterstock|Alamy)(?: Images| Photo)?\)?\.?$/iu,
];

/** Sentences that are site prompts rather than news. */
const CHROME_SENTENCES: readonly RegExp[] = [
  /^(?:click here|read more|scroll down|sign up|subscribe|follow (?:us|@|[\p{L}.]+ on (?:twitter|facebook|instagram|x\b))|share this|download the|get the latest|watch the video|see more|continue reading|related:|more:|advertisement)/iu,
  /\bnewsletter\b.*\b(?:sign up|subscribe|inbox)\b|\b(?:sign up|subscribe)\b.*\bnewsletter\b/iu,
  /^(?:last updated|published|updated)\b.*\d{4}\.?$/iu,
  /^\(?(?:photo|image|picture)s?(?: by| credit)?\s*:/iu,
];

/** Markers of a photo caption written into the body. */
const CAPTION_MARKERS: readonly RegExp[] = [
  /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file photo)(?:[ ,][^)]{0,40})?\)/iu,
  /\b(?:photo|image|picture)(?:graph)?(?:ed)?\s*(?:by|credit|:)\s*[A-Z][\p{L}]*(?:\s*\/\s*[A-Z][\p{L}]*)?\.?$/u,
];

/** True for what `\s` matches, by UTF-16 code unit (no whitespace character lies outside the basic plane). */
export function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True for the characters normalizeSpaces turns into a space: `\s` and the zero-width space. */
function isSpaceLike(code: number): boolean {
  return isWhitespace(code) || code === 0x200b;
}

/** True when text already has single plain spaces between words and none at either end. */
function hasNormalSpaces(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceLike(code)) continue;
    if (code !== 0x20 || i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
  }
  return true;
}

function normalizeSpaces(text: string): string {
  // most text is already normal: one scan instead of three regex passes and their copies
  if (hasNormalSpaces(text)) return text;
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A stray stop a scraper left for a line break: " . " after a letter or digit and before a lowercase letter ("a Sleep
 * Number . spokesman said"). `isStrayStop` asks it of the dot at `at`; cleaning drops it from summary text.
 */
const STRAY_STOP = /(?<=[A-Za-z0-9]) \. (?=[a-z])/gu;
const STRAY_STOP_AT = /(?<=[A-Za-z0-9] )\.(?= [a-z])/y;

export function isStrayStop(text: string, at: number): boolean {
  STRAY_STOP_AT.lastIndex = at;
  return STRAY_STOP_AT.test(text);
}

/** Remove chrome from the front of a paragraph and return what remains ('' when all of it was chrome). */
export function cleanParagraphText(text: string): string {
  let rest = normalizeSpaces(text);
  let changed = true;
  while (changed && rest.length > 0) {
    changed = false;
    for (const pattern of LEADING_CHROME) {
      const match = pattern.exec(rest);
      if (match && match[0].length > 0) {
        rest = rest.slice(match[0].length).trimStart();
        changed = true;
      }
    }
  }
  // what is left of normal text after a cut at its front and trimStart is still normal: no second scan
  if (isChromeNormalParagraph(rest)) return '';
  // "a Sleep Number . spokesman said": a line break a scraper turned into a stray stop before a lowercase word (after
  // the chrome, whose bylines such stops mark: "By . Sam Roe . and Kim Poe .")
  return rest.replace(STRAY_STOP, ' ');
}

/** True when the whole paragraph is page chrome ("Follow", "Short Url", a bare byline or timestamp). */
export function isChromeParagraph(text: string): boolean {
  return isChromeNormalParagraph(normalizeSpaces(text));
}

function isChromeNormalParagraph(trimmed: string): boolean {
  if (trimmed.length === 0) return true;
  return CHROME_PARAGRAPHS.some((pattern) => pattern.test(trimmed));
}

// the newsletter prompt is the one unanchored pattern: it can only match text that names a newsletter
const NEWSLETTER_PROMPT = CHROME_SENTENCES[1] as RegExp;
const NEWSLETTER = /newsletter/iu;

/** True when a sentence is a site prompt ("Click here", "Read more", newsletter sign-ups, photo credits). */
export function isChromeSentence(sentence: string): boolean {
  return isChromeNormalSentence(normalizeSpaces(sentence));
}

function isChromeNormalSentence(trimmed: string): boolean {
  if (trimmed.length === 0) return true;
  return CHROME_SENTENCES.some(
    (pattern) => (pattern !== NEWSLETTER_PROMPT || NEWSLETTER.test(trimmed)) && pattern.test(trimmed),
  );
}

// a short label before a colon, as in Daily Mail captions: "Scam: Patricia Glancy conned ..."
const CAPTION_LABEL = /^([A-Z][\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}):\s+[A-Z“"‘']/u;
const SPEECH_WORD =
  /\b(?:said|says|say|told|tells|added|adds|wrote|writes|explained|warned|insisted|tweeted|stated|asked|asks|continued|claimed|admitted|revealed|replied|declared|announced)\b/iu;

/** True when a sentence reads like a photo caption ("(pictured)", "Label: text"). */
export function isCaptionSentence(sentence: string): boolean {
  if (CAPTION_MARKERS.some((pattern) => pattern.test(sentence))) return true;
  const label = CAPTION_LABEL.exec(sentence)?.[1];
  // an all-caps label is a dateline, a label with a speech verb introduces a quote
  return label !== undefined && label !== label.toUpperCase() && !SPEECH_WORD.test(label);
}

const SPACE_BEFORE_PUNCTUATION = / [.,;:!?]/;

/** Tidy a sentence for display: single spaces, no space before punctuation, no stray line-wrap periods. */
export function tidySentence(sentence: string): string {
  return tidyNormalSentence(normalizeSpaces(sentence));
}

function tidyNormalSentence(normalized: string): string {
  // both repairs start with a space before punctuation: most sentences have none
  if (!SPACE_BEFORE_PUNCTUATION.test(normalized)) return normalized;
  return (
    normalized
      // "a woman who . claims" and "hepatitis A ." come from line breaks turned into periods
      .replace(/ \. (?=[a-z])/g, ' ')
      .replace(/ +([.,;:!?])(?=\s|$)/g, '$1')
  );
}

/**
 * A sentence split from a paragraph that cleanParagraphText returned, tidied (tidySentence), or null when it is a site
 * prompt (isChromeSentence). The same answers without scanning the sentence's spaces twice more: the cleaned
 * paragraph's are already normal, and so are those of a trimmed piece of it and of its tidied form (tidying only
 * removes a space before punctuation or turns " . " into " ").
 */
export function tidyCleanSentence(sentence: string): string | null {
  const text = tidyNormalSentence(sentence);
  return isChromeNormalSentence(text) ? null : text;
}
