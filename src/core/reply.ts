import type { QuoteKind, SpeakerKind } from './articles/article.js';

/**
 * A platform-neutral answer to a command. Adapters render it as Discord embeds,
 * Slack Block Kit or terminal text; it never contains platform markup.
 * All strings are plain text (untrusted article text included): renderers escape them.
 */
export interface Reply {
  title: string;
  blocks: ReplyBlock[];
  /** pagination state, when the result has more than one page */
  page?: { index: number; total: number };
  /** true when the answer is about a problem with the request (shown only to the asker) */
  isError?: boolean;
}

export type ReplyBlock =
  | { type: 'text'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: string[] }
  | {
      type: 'article';
      id: string;
      title: string;
      url: string | null;
      source: string | null;
      publishedAt: string | null;
      publishedApprox: boolean;
      summary: string;
      /** the most newsworthy quote, for digests */
      quote?: { text: string; speaker: string } | undefined;
      /** a story several outlets carry: their names (shown as "3 outlets: A, B, C"); absent for one outlet */
      outlets?: string[] | undefined;
    }
  | {
      type: 'person';
      name: string;
      /** a person or an organisation ("the Home Office said") */
      kind: SpeakerKind;
      /** best first, at most three */
      roles: string[];
      aliases: string[];
      articleCount: number;
      /** the newest articles they appear in (a few titles) */
      articles?: { id: string; title: string }[] | undefined;
    }
  | {
      type: 'quote';
      text: string;
      kind: QuoteKind;
      speaker: string;
      articleId: string;
      articleTitle: string;
      articleUrl: string | null;
      publishedAt: string | null;
      /** the date was worked out from a relative one and may be off by a day */
      publishedApprox?: boolean | undefined;
      /** the outlets that carried it (live alerts list every one) */
      outlets?: string[] | undefined;
      /** other outlets carrying the same words (shown as "also in 3 outlets") */
      alsoIn?: number | undefined;
    };

/** " · also in 3 outlets" after a quote other outlets carry in the same words; "" when none do. */
export function alsoInOutlets(count: number | undefined): string {
  return count ? ` · also in ${count} ${count === 1 ? 'outlet' : 'outlets'}` : '';
}

export function textReply(title: string, text: string, options: { isError?: boolean } = {}): Reply {
  return { title, blocks: [{ type: 'text', text }], ...(options.isError ? { isError: true } : {}) };
}

/** The article card for lists, digests and search results. */
export function articleBlock(
  article: {
    id: string;
    title: string;
    url: string | null;
    source: string | null;
    publishedAt: string | null;
    publishedApprox: boolean;
  },
  summary: string,
  quote?: { text: string; speaker: string },
  story?: { outlets: string[] } | undefined,
): ReplyBlock {
  const outlets = story && story.outlets.length > 1 ? story.outlets : undefined;
  return {
    type: 'article',
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    publishedAt: article.publishedAt,
    publishedApprox: article.publishedApprox,
    summary,
    quote,
    ...(outlets ? { outlets } : {}),
  };
}
