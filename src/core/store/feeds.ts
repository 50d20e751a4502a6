import type { SourceOrigin } from '../ports.js';

/* What the SQLite and PostgreSQL feed stores share. */

/** How many stories {@link FeedStore.storiesByTitle} returns by default. */
export const TITLE_CANDIDATES = 20;

/** The origin a re-declared source keeps: a file declaration wins over chat. */
export function mergedOrigin(existing: SourceOrigin, incoming: SourceOrigin): SourceOrigin {
  return existing === 'file' || incoming === 'file' ? 'file' : 'chat';
}
