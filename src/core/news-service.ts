import type { StoredArticle } from './articles/article.js';
import type { StoryEntry } from './digest/story-entries.js';
import type { ArticleView, Page, PersonProfile, PersonSummary, SearchHit, StoryDetail, StoryQuoted } from './ports.js';

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
  digest(options: { since: Date; limit?: number }): Promise<DigestItem[]>;
  stats(): Promise<{ articles: number; people: number; quotes: number }>;
}
