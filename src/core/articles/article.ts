/** A paragraph of an article, with its character offsets in the article's source text. */
export interface Paragraph {
  text: string;
  /** offset of `text` in the source text: `source.slice(start, end) === text` */
  start: number;
  end: number;
  /** 'heading' for ALL-CAPS section headings inside the body */
  kind: 'body' | 'heading';
}

/** An article as read from a source, before analysis. */
export interface ParsedArticle {
  title: string;
  url: string | null;
  /** the publisher or feed name, when known */
  source: string | null;
  author: string | null;
  /** ISO 8601 timestamp, or null when the article carries no date */
  publishedAt: string | null;
  /** true when `publishedAt` was derived from a relative date ("55 min ago") */
  publishedApprox: boolean;
  /** the dateline place ("WASHINGTON"), without its colon */
  dateline: string | null;
  /** the photo caption with its credit, kept apart from the body */
  caption: string | null;
  /** the page's bullet highlights */
  highlights: string[];
  paragraphs: Paragraph[];
}

/** A sentence span inside one paragraph. Offsets are into the article's source text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
  paragraphIndex: number;
}

export type QuoteKind = 'direct' | 'partial' | 'reported';

/** A span of the source text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A quotation found in an article. Offsets are into the article's source text. */
export interface Quote {
  /** verbatim quote text (without the quotation marks for direct and partial quotes) */
  text: string;
  kind: QuoteKind;
  /** canonical name of the speaker (a `Person.name` of the same article), or null when unattributable */
  speaker: string | null;
  /** the mention the speaker was resolved from ("he", "the secretary", "Rubio") */
  speakerMention: Span | null;
  /** the speech cue ("said", "told reporters", "according to") */
  cue: string | null;
  start: number;
  end: number;
  paragraphIndex: number;
}

/** Who a speaker is: a person, or an organisation that speaks as one ("the Home Office said"). */
export type SpeakerKind = 'person' | 'organisation';

/** A person or organisation named in an article. */
export interface Person {
  /** canonical full name as written ("Marco Rubio", "Viktor Orbán", "Home Office") */
  name: string;
  /** absent in analyses stored before organisations could speak: read as a person */
  kind?: SpeakerKind;
  /** other forms used for the same person in the article ("Rubio", "Secretary Rubio") */
  aliases: string[];
  /** roles and titles the article gives ("US Secretary of State") */
  roles: string[];
}

/** What the NLP pipeline derives from an article, computed once at ingest. */
export interface ArticleAnalysis {
  summary: Summary;
  people: Person[];
  quotes: Quote[];
}

export interface Summary {
  /** up to 3 sentences, in article order */
  standard: string[];
  /** one sentence, at most 280 characters */
  short: string;
  /** 'extractive' or the model name that wrote it */
  method: string;
}

/** An article with everything derived from it, as stored. */
export interface StoredArticle extends ParsedArticle, ArticleAnalysis {
  /** stable content hash */
  id: string;
  /** files (relative to the articles directory) or feed URLs this article came from */
  origins: string[];
  /** when the store first saw the article (ISO) */
  ingestedAt: string;
}
