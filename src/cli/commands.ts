import { z } from 'zod';
import { digest, digestStart } from '../../commands/digest.js';
import { latest } from '../../commands/latest.js';
import { quotes } from '../../commands/quotes.js';
import { read } from '../../commands/read.js';
import { search } from '../../commands/search.js';
import { story } from '../../commands/story.js';
import { who } from '../../commands/who.js';
import type { StoredArticle } from '../core/articles/article.js';
import { chatCommand } from './cli-command.js';
import { analyze, ingest } from './file-commands.js';
import {
  DigestOutput,
  LatestOutput,
  QuotesOutput,
  ReadOutput,
  SearchOutput,
  StoryOutput,
  WhoOutput,
} from './output-schemas.js';
import { people, reanalyze } from './store-commands.js';

/**
 * Every `newsdesk` command, in the order help lists them: first the /news commands of `commands/` (their options,
 * limits and text output are the registry's; each adds its `--json` document), then the command line's own.
 */
export const cliCommands = [
  chatCommand(latest, {
    aliases: { count: 'limit' },
    json: {
      options: latest.options.extend({ cursor: z.string().trim().max(200).optional() }),
      flags: { cursor: { description: 'the "next" of the previous page', placeholder: 'C' } },
      output: LatestOutput,
      async run({ count, cursor, page }, { news }) {
        let result = await news.latest({ limit: count, cursor });
        // --page counts on from the cursor (or the newest), as /news latest pages do
        for (let i = 1; i < page && result.next; i++) result = await news.latest({ limit: count, cursor: result.next });
        return {
          articles: result.items.map((a) => ({
            ...articleItem(a),
            story: a.story ? { id: a.story.id, outlets: a.story.outlets, size: a.story.size } : null,
          })),
          next: result.next,
        };
      },
    },
  }),
  chatCommand(story, {
    json: {
      output: StoryOutput,
      async run({ story: ref }, { news }) {
        const result = await news.story(ref);
        if (!result.found) {
          return {
            found: false,
            story: null,
            candidates: result.candidates.map((c) => ({ id: c.id, title: c.title, publishedAt: c.publishedAt })),
          };
        }
        const { story: found, quoted } = result;
        return {
          found: true,
          story: {
            id: found.id,
            outlets: found.outlets,
            size: found.size,
            articles: found.articles.map((a) => ({ ...articleItem(a), source: a.source })),
            quoted,
          },
          candidates: [],
        };
      },
    },
  }),
  chatCommand(who, {
    json: {
      output: WhoOutput,
      async run({ name }, { news }) {
        // scripts get every quote, not a page
        const result = await news.who(name, { quoteLimit: 100_000, articleLimit: 100_000 });
        return {
          query: result.query,
          matches: result.matches.map((m) => ({
            name: m.name,
            kind: m.kind,
            aliases: m.aliases,
            roles: m.roles,
            quotes: m.quotes.map((q) => ({
              text: q.text,
              kind: q.kind,
              articleId: q.articleId,
              articleTitle: q.articleTitle,
              publishedAt: q.publishedAt,
            })),
          })),
          suggestions: result.suggestions,
        };
      },
    },
  }),
  chatCommand(quotes, {
    json: {
      options: quotes.options.extend({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      flags: { limit: { description: 'quotes per page', placeholder: 'N' } },
      output: QuotesOutput,
      async run({ terms, page, limit }, { news }) {
        const result = await news.quotes(terms, { limit, offset: (page - 1) * limit });
        return {
          query: result.query,
          total: result.total,
          quotes: result.quotes.map((q) => ({
            speaker: q.speaker,
            text: q.text,
            kind: q.kind,
            articleId: q.articleId,
            articleTitle: q.articleTitle,
            publishedAt: q.publishedAt,
          })),
        };
      },
    },
  }),
  chatCommand(read, {
    json: {
      output: ReadOutput,
      async run({ article }, { news }) {
        const result = await news.read(article);
        return {
          found: result.found,
          article: result.found ? readItem(result.article) : null,
          candidates: result.found
            ? []
            : result.candidates.map((c) => ({ id: c.id, title: c.title, publishedAt: c.publishedAt })),
        };
      },
    },
  }),
  chatCommand(search, {
    json: {
      options: search.options.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
      flags: { limit: { description: 'hits per page', placeholder: 'N' } },
      output: SearchOutput,
      async run({ terms, page, limit }, { news }) {
        const result = await news.search(terms, { limit, offset: (page - 1) * limit });
        return {
          query: terms,
          total: result.total,
          hits: result.hits.map((h) => ({ ...articleItem(h.article), snippet: h.snippet })),
        };
      },
    },
  }),
  chatCommand(digest, {
    json: {
      output: DigestOutput,
      async run({ since }, { news, clock }) {
        const from = digestStart(since, clock.now());
        const items = await news.digest({ since: from, limit: 500 });
        return {
          since: from.toISOString(),
          articles: items.map(({ article, quote }) => ({
            ...articleItem(article),
            quote: quote ? { text: quote.text, speaker: quote.speaker } : null,
          })),
        };
      },
    },
  }),
  people,
  ingest,
  analyze,
  reanalyze,
];

function articleItem(a: {
  id: string;
  title: string;
  publishedAt: string | null;
  summary: string[];
  url: string | null;
}) {
  return { id: a.id, title: a.title, publishedAt: a.publishedAt, summary: a.summary, url: a.url };
}

function readItem(a: StoredArticle) {
  return {
    ...articleItem({ ...a, summary: a.summary.standard }),
    source: a.source,
    author: a.author,
    publishedApprox: a.publishedApprox,
    dateline: a.dateline,
    highlights: a.highlights,
    paragraphs: a.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
  };
}
