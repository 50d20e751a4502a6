import type { SpeakerKind, StoredArticle } from './articles/article.js';
import type { StoryEntry } from './digest/story-entries.js';
import type {
  ArticleView,
  Page,
  PersonProfile,
  PersonSummary,
  QuoteView,
  SearchHit,
  StoryDetail,
  StoryQuoted,
} from './ports.js';

/** The result of looking a person up by name. */
export interface WhoResult {
  query: string;
  /** best match first; several when a surname is shared */
  matches: PersonProfile[];
  /** close names when nothing matched */
  suggestions: string[];
}

/** The result of resolving an article reference (id or title words). */
export type ReadResult = { found: true; article: StoredArticle } | { found: false; candidates: ArticleView[] };

/** The result of resolving a story reference (a story or article id, or words of a headline). */
export type StoryResult =
  | { found: true; story: StoryDetail; quoted: StoryQuoted[] }
  | { found: false; candidates: ArticleView[] };

/** One entry of a digest: a story's lead (with the outlets carrying it, when several) or an article alone. */
export type DigestItem = StoryEntry;

/** Quotes found by their words: all speakers', or one speaker's (`speaker`, when one was asked for and found). */
export interface QuoteSearchResult {
  query: string;
  /** the speaker asked for, as the store knows them; null when none was asked for or nobody has that name */
  speaker: { name: string; kind: SpeakerKind } | null;
  /** newest arrival first */
  quotes: QuoteView[];
  /** matches, capped at 1000 */
  total: number;
  /** close names when the speaker asked for matched nobody */
  suggestions: string[];
}

/** The platform-neutral core API that commands call. Returns plain data, never formatted text. */
export interface NewsService {
  /** Stories, newest activity first, each as its lead article with `story` set (an article alone: a story of one). */
  latest(options: { limit: number; cursor?: string | undefined }): Promise<Page<ArticleView>>;
  /** How many entries `latest` pages through. */
  countLatest(): Promise<number>;
  /** One story: every outlet's article, and who is quoted by which outlets. */
  story(ref: string): Promise<StoryResult>;
  read(ref: string): Promise<ReadResult>;
  search(
    text: string,
    options?: { limit?: number; offset?: number },
  ): Promise<{ hits: SearchHit[]; total: number; ranked: number }>;
  /** A person by name, with one page of their quotes (default: the first 50). */
  who(name: string, options?: { quoteLimit?: number; quoteOffset?: number; articleLimit?: number }): Promise<WhoResult>;
  people(prefix: string, limit?: number): Promise<PersonSummary[]>;
  /** Attributed quotes whose words or paragraph match `terms`, newest first; only `speaker`'s when given. */
  quotes(
    terms: string,
    options: { speaker?: string | undefined; limit: number; offset: number },
  ): Promise<QuoteSearchResult>;
  digest(options: { since: Date; limit?: number }): Promise<DigestItem[]>;
  stats(): Promise<{ articles: number; people: number; quotes: number }>;
}
