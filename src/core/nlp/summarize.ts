import type { ParsedArticle, Summary } from '../articles/article.js';
import { DEFAULT_RANKING, type RankingConfig, scoreSentences, selectSentences } from './summary-ranking.js';
import { type CandidateSentence, collectCandidateSentences } from './summary-sentences.js';

/** Sentences in a standard summary. */
export const STANDARD_SENTENCES = 3;
/** Longest short summary, in characters. */
export const SHORT_MAX_CHARS = 280;

/** Options of the extractive summarizer. */
export interface ExtractiveOptions {
  /** sentences in the standard summary (default 3) */
  sentences?: number;
  /** ranking weights; the default is the tuned configuration */
  ranking?: RankingConfig;
}

/** Cut text at a word boundary so that it and a trailing '…' fit in `max` characters. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/**
 * The one sentence for digest lines: the best-ranked sentence that fits and stands alone (no caption, no opener that
 * points back at a sentence the reader will not see). Only when none fits is the best one cut at a word.
 */
function pickShort(sentences: readonly CandidateSentence[], scores: readonly number[]): string {
  const standsAlone = (i: number) => {
    const sentence = sentences[i] as CandidateSentence;
    return !sentence.isCaption && !sentence.isDangling;
  };
  const ranked = sentences.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const fitting = ranked.find(
    (i) => standsAlone(i) && (sentences[i] as CandidateSentence).text.length <= SHORT_MAX_CHARS,
  );
  const best =
    fitting ?? ranked.find(standsAlone) ?? ranked.find((i) => !(sentences[i] as CandidateSentence).isCaption);
  return best === undefined ? '' : truncateAtWord((sentences[best] as CandidateSentence).text, SHORT_MAX_CHARS);
}

/**
 * Summarize an article by picking its most representative sentences. Pure, synchronous, never throws.
 * `standard`: up to 3 sentences in article order, never a caption, byline, heading or page chrome; `short`: the
 * best-ranked sentence that stands alone, at most 280 characters (cut at a word with '…' only when no sentence fits);
 * `method`: 'extractive'.
 */
export function summarizeExtractive(article: ParsedArticle, options: ExtractiveOptions = {}): Summary {
  try {
    const count = Math.max(1, Math.floor(options.sentences ?? STANDARD_SENTENCES));
    const ranking = options.ranking ?? DEFAULT_RANKING;
    const sentences = collectCandidateSentences(article);
    if (sentences.length === 0) return { standard: [], short: '', method: 'extractive' };
    const scores = scoreSentences(sentences, ranking);
    const chosen = selectSentences(sentences, scores, count, ranking);
    return {
      standard: chosen.map((i) => (sentences[i] as CandidateSentence).text),
      short: pickShort(sentences, scores),
      method: 'extractive',
    };
  } catch {
    // a summary is never worth failing an ingest: an unexpected input yields an empty one
    return { standard: [], short: '', method: 'extractive' };
  }
}
