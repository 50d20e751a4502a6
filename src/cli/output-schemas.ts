import { z } from 'zod';

/** The JSON printed by `newsdesk <command> --json`: a public contract that scripts depend on. */
const kind = z.enum(['direct', 'partial', 'reported']);
/** A speaker is a person or an organisation ("the Home Office said"). */
const speakerKind = z.enum(['person', 'organisation']);

export const WhoOutput = z.object({
  query: z.string(),
  matches: z.array(
    z.object({
      name: z.string(),
      /** added in 0.2: whether the speaker is a person or an organisation */
      kind: speakerKind,
      aliases: z.array(z.string()),
      roles: z.array(z.string()),
      quotes: z.array(
        z.object({
          text: z.string(),
          kind,
          articleId: z.string(),
          articleTitle: z.string(),
          publishedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  suggestions: z.array(z.string()),
});

/** `newsdesk quotes --json` (and `newsdesk who NAME --about WORDS --json` is its speaker form). */
export const QuotesOutput = z.object({
  query: z.string(),
  total: z.number().int(),
  quotes: z.array(
    z.object({
      speaker: z.string(),
      text: z.string(),
      kind,
      articleId: z.string(),
      articleTitle: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

export const AnalyzeOutput = z.object({
  articles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      publishedAt: z.string().nullable(),
      summary: z.array(z.string()),
      highlights: z.array(z.string()),
      people: z.array(
        z.object({ name: z.string(), kind: speakerKind, aliases: z.array(z.string()), roles: z.array(z.string()) }),
      ),
      quotes: z.array(
        z.object({ text: z.string(), speaker: z.string().nullable(), kind, start: z.number(), end: z.number() }),
      ),
    }),
  ),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
});

const ArticleItem = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  summary: z.array(z.string()),
  url: z.string().nullable(),
});

/** The story an article leads: several outlets' articles about one event (size 1: the article alone). */
const StoryRef = z.object({ id: z.string(), outlets: z.array(z.string()), size: z.number().int().min(1) });

/** Each entry is a story's lead article; added in 0.3: `story` (null while an older store is put into stories). */
export const LatestOutput = z.object({
  articles: z.array(ArticleItem.extend({ story: StoryRef.nullable() })),
  next: z.string().nullable(),
});

/** `newsdesk story <id> --json`: one story with every outlet's article and who is quoted by which outlets. */
export const StoryOutput = z.object({
  found: z.boolean(),
  story: StoryRef.extend({
    articles: z.array(ArticleItem.extend({ source: z.string().nullable() })),
    quoted: z.array(z.object({ speaker: z.string(), outlets: z.array(z.string()), quotes: z.number() })),
  }).nullable(),
  candidates: z.array(z.object({ id: z.string(), title: z.string(), publishedAt: z.string().nullable() })),
});

export const ReadOutput = z.object({
  found: z.boolean(),
  article: ArticleItem.extend({
    source: z.string().nullable(),
    author: z.string().nullable(),
    publishedApprox: z.boolean(),
    dateline: z.string().nullable(),
    highlights: z.array(z.string()),
    paragraphs: z.array(z.object({ text: z.string(), kind: z.enum(['body', 'heading']) })),
  }).nullable(),
  candidates: z.array(ArticleItem.pick({ id: true, title: true, publishedAt: true })),
});

export const SearchOutput = z.object({
  query: z.string(),
  total: z.number(),
  hits: z.array(ArticleItem.extend({ snippet: z.string() })),
});

export const PeopleOutput = z.object({
  people: z.array(
    z.object({
      name: z.string(),
      kind: speakerKind,
      roles: z.array(z.string()),
      quoteCount: z.number(),
      articleCount: z.number(),
    }),
  ),
});

export const DigestOutput = z.object({
  since: z.string(),
  articles: z.array(ArticleItem.extend({ quote: z.object({ text: z.string(), speaker: z.string() }).nullable() })),
});

export const IngestOutput = z.object({
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  articles: z.number(),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
});

export const ReanalyzeOutput = z.object({
  reanalyzed: z.number(),
  /** articles of a store of a release before stories put into stories */
  clustered: z.number(),
  failed: z.number(),
  complete: z.boolean(),
});
