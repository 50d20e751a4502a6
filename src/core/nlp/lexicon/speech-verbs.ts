/**
 * Verbs that introduce speech or writing in news copy, written for this project.
 * Each entry is a base form; regular inflections are generated, irregular ones listed.
 */
const SPEECH_VERB_BASES = [
  'say',
  'tell',
  'add',
  'write',
  'tweet',
  'post',
  'state',
  'declare',
  'announce',
  'explain',
  'insist',
  'argue',
  'claim',
  'warn',
  'note',
  'remark',
  'respond',
  'reply',
  'answer',
  'ask',
  'continue',
  'conclude',
  'acknowledge',
  'admit',
  'confirm',
  'deny',
  'recall',
  'suggest',
  'predict',
  'promise',
  'vow',
  'pledge',
  'urge',
  'joke',
  'quip',
  'complain',
  'charge',
  'contend',
  'counter',
  'concede',
  'emphasize',
  'emphasise',
  'stress',
  'observe',
  'comment',
  'testify',
  'shout',
  'yell',
  'scream',
  'exclaim',
  'boast',
  'brag',
  'lament',
  'mutter',
  'whisper',
  'interject',
  'recount',
  'reiterate',
  'repeat',
  'maintain',
  'assert',
  'allege',
  'caution',
  'reason',
  'muse',
  'wonder',
  'tout',
  'praise',
  'criticize',
  'criticise',
  'describe',
  'blast',
  'slam',
  'retort',
  'demand',
  'plead',
  'beg',
  'cry',
  'snap',
  'sigh',
  'laugh',
  'sneer',
  'gush',
  'rave',
  'proclaim',
  'report',
  'disclose',
  'reveal',
  'indicate',
  'inform',
  'assure',
  'reassure',
  'tell',
  'email',
  'text',
  'message',
  'begin',
  'finish',
  'mock',
  'scoff',
  'thunder',
  'sing',
  'bark',
  'growl',
  'roar',
  'hiss',
  'quote',
  'concur',
  'agree',
  'point',
  'elaborate',
  'clarify',
  'specify',
  'speculate',
  'estimate',
  'acknowledge',
  'accuse',
  'question',
  'challenge',
  'dismiss',
  'rebut',
  'underline',
  'underscore',
  'highlight',
  'mention',
  'threaten',
  'fume',
  'rail',
  'lash',
  'huff',
  'hint',
  'think',
  'believe',
  'tweet',
  'read',
] as const;

const IRREGULAR_FORMS: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  read: ['reads', 'reading'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  begin: ['began', 'begun', 'begins', 'beginning'],
  think: ['thought', 'thinks', 'thinking'],
  cry: ['cried', 'cries', 'crying'],
  sing: ['sang', 'sung', 'sings', 'singing'],
  reply: ['replied', 'replies', 'replying'],
  deny: ['denied', 'denies', 'denying'],
  testify: ['testified', 'testifies', 'testifying'],
  clarify: ['clarified', 'clarifies', 'clarifying'],
  specify: ['specified', 'specifies', 'specifying'],
  snap: ['snapped', 'snaps', 'snapping'],
  quip: ['quipped', 'quips', 'quipping'],
  beg: ['begged', 'begs', 'begging'],
  brag: ['bragged', 'brags', 'bragging'],
  slam: ['slammed', 'slams', 'slamming'],
  admit: ['admitted', 'admits', 'admitting'],
  rebut: ['rebutted', 'rebuts', 'rebutting'],
  concur: ['concurred', 'concurs', 'concurring'],
  interject: ['interjected', 'interjects', 'interjecting'],
};

/** Regular inflections of a base verb: add, adds, added, adding; note, notes, noted, noting. */
function inflect(base: string): string[] {
  const irregular = IRREGULAR_FORMS[base];
  if (irregular) return [base, ...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, third, `${stem}ed`, `${stem}ing`];
}

const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set(SPEECH_VERB_BASES.flatMap(inflect));

/** Reporting verbs that as often take a plain object ("claimed the title", "announced a study", "wrote a book"). */
const OBJECT_TAKING_FORMS: ReadonlySet<string> = new Set(
  [
    'claim',
    'deny',
    'maintain',
    'write',
    'announce',
    'reveal',
    'report',
    'concede',
    'predict',
    'promise',
    'pledge',
    'demand',
    'charge',
    'declare',
    'admit',
    'acknowledge',
    'confirm',
    'suggest',
    'reiterate',
    'boast',
    'caution',
    'emphasize',
    'emphasise',
    'stress',
    'tweet',
    'post',
    'add',
    'explain',
    'assert',
  ].flatMap(inflect),
);

const DENIAL_FORMS: ReadonlySet<string> = new Set(['deny', 'dispute', 'refute', 'rebut'].flatMap(inflect));

/**
 * True for a verb that denies what follows it ("denied that he asked ...", "disputed a report that ..."): what it
 * reports is what someone else said, never the denier's own statement.
 */
export function isDenialVerb(word: string): boolean {
  return DENIAL_FORMS.has(word.toLowerCase());
}

/** True for a reporting verb that also takes a plain object, so reports speech only before a clause. */
export function takesPlainObject(word: string): boolean {
  return OBJECT_TAKING_FORMS.has(word.toLowerCase());
}

const RECALL_FORMS: ReadonlySet<string> = new Set(inflect('recall'));

/** True for "recall" in any form: speech only before a clause ("recalled that ..."), not "recalling 200,000 cars". */
export function isRecallForm(word: string): boolean {
  return RECALL_FORMS.has(word.toLowerCase());
}

/** Verbs whose object may be a complement clause in reported speech ("said that ..."). */
const REPORTING_BASES = [
  'say',
  'tell',
  'add',
  'write',
  'tweet',
  'post',
  'state',
  'declare',
  'announce',
  'explain',
  'insist',
  'argue',
  'claim',
  'warn',
  'note',
  'acknowledge',
  'admit',
  'confirm',
  'deny',
  'suggest',
  'predict',
  'promise',
  'vow',
  'pledge',
  'contend',
  'concede',
  'emphasize',
  'emphasise',
  'stress',
  'testify',
  'boast',
  'assert',
  'allege',
  'maintain',
  'demand',
  'report',
  'reveal',
  'recall',
  'reiterate',
  'complain',
  'charge',
  'caution',
] as const;

const REPORTING_FORMS: ReadonlySet<string> = new Set(REPORTING_BASES.flatMap(inflect));

/** Verbs that introduce a speaker after the quote by inversion: `"...," said Rubio`. Not "told": its object is the listener. */
const INVERTING_FORMS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'added',
  'adds',
  'asked',
  'asks',
  'wrote',
  'writes',
  'continued',
  'continues',
  'explained',
  'explains',
  'replied',
  'replies',
  'noted',
  'notes',
  'recalled',
  'recalls',
  'declared',
  'insisted',
  'argued',
  'warned',
  'quipped',
  'joked',
  'tweeted',
  'responded',
  'concluded',
  'countered',
  'remarked',
  'shouted',
  'cried',
]);

/** Forms that can never be a speech cue despite their spelling ("states" the noun, "post" the newspaper). */
const NOUN_LIKE_FORMS: ReadonlySet<string> = new Set([
  'states',
  'post',
  'posts',
  'text',
  'texts',
  'message',
  'messages',
  'report',
  'reports',
  'question',
  'questions',
  'reason',
  'point',
  'points',
  'quote',
  'quotes',
  'charge',
  'charges',
  'email',
  'emails',
  'cry',
  'counter',
  'answer',
  'answers',
  'comment',
  'comments',
  'state',
  'praise',
  'demand',
  'demands',
  'claim',
  'claims',
  'promise',
  'promises',
  'vow',
  'vows',
  'pledge',
  'pledges',
  'caution',
  'laugh',
  'sigh',
  'snap',
  'challenge',
  'challenges',
  'estimate',
  'estimates',
  'begin',
  'rail',
  'finish',
  'repeat',
  'mention',
  'highlight',
  'highlights',
  'believe',
  'think',
  'answer',
]);

/** True for an inflected speech verb ("said", "told", "wrote", "insists"). */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERB_FORMS.has(word.toLowerCase());
}

/** True for a speech verb that reads as a verb even without context (not also a common noun). */
export function isUnambiguousSpeechVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return SPEECH_VERB_FORMS.has(lower) && !NOUN_LIKE_FORMS.has(lower);
}

/** True for a verb that reports speech as a clause ("said that ...", "told reporters ..."). */
export function isReportingVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return REPORTING_FORMS.has(lower) && !NOUN_LIKE_FORMS.has(lower);
}

/** True for a speech verb that may precede its subject after a quote (`said Rubio`). */
export function isInvertingVerb(word: string): boolean {
  return INVERTING_FORMS.has(word.toLowerCase());
}
