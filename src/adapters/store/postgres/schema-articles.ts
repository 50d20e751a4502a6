/**
 * PostgreSQL tables for articles, the files and feed items they came from, people, quotes and
 * full-text search. Times are ISO 8601 TEXT, as in SQLite: `sort_key` mixes publication and arrival
 * times and is compared as text. Keys compared by range or sorted for output use COLLATE "C" so the
 * order is byte order whatever the database's locale, the same as SQLite's.
 */
export const ARTICLE_TABLES = `
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  mtime_ms DOUBLE PRECISION NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE articles (
  -- arrival order, the digest watermark: writers serialise on a lock so seq order is commit order
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  title TEXT NOT NULL,
  url TEXT,
  source TEXT,
  author TEXT,
  published_at TEXT,
  published_approx BOOLEAN NOT NULL DEFAULT false,
  dateline TEXT,
  caption TEXT,
  highlights JSONB NOT NULL,
  paragraphs JSONB NOT NULL,
  summary JSONB NOT NULL,
  short TEXT NOT NULL,
  summary_method TEXT NOT NULL,
  -- people and quotes as analysed
  analysis JSONB NOT NULL,
  ingested_at TEXT COLLATE "C" NOT NULL,
  -- newest first: the publication time where known, else the arrival time
  sort_key TEXT COLLATE "C" NOT NULL,
  -- title (weight A) and highlights + body (weight D), accent-folded and split into words by the
  -- store exactly as it folds queries; 'simple' because SQLite's unicode61 index does not stem either
  search TSVECTOR NOT NULL,
  -- the title alone, for lookups by title words: small, so checking a candidate reads no body
  title_search TSVECTOR NOT NULL
);
CREATE INDEX articles_by_sort ON articles (sort_key DESC, id DESC);
CREATE INDEX articles_by_ingest ON articles (ingested_at, seq);
-- a small pending list: freshly ingested articles wait there unindexed, and every search reads all of it
CREATE INDEX articles_search ON articles USING GIN (search) WITH (gin_pending_list_limit = 256);
CREATE INDEX articles_title_search ON articles USING GIN (title_search);

-- how many articles match, up to cap, counted off the GIN index; left to itself the planner scans the
-- table, not knowing that testing each row's (toasted) search vector costs far more than the index
CREATE FUNCTION count_article_matches(query TSQUERY, cap INTEGER) RETURNS BIGINT
  LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $$ SELECT count(*) FROM (SELECT 1 FROM articles WHERE search @@ query LIMIT cap) matches $$;

-- which files and feed items gave each article; an article lives while it has an origin
CREATE TABLE article_origins (
  origin TEXT COLLATE "C" NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (origin, article_id)
);
CREATE INDEX article_origins_by_article ON article_origins (article_id);

-- one row per (person, article); how the article presents them is in articles.analysis
CREATE TABLE person_mentions (
  person_key TEXT COLLATE "C" NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- the article's sort key, so a person's newest articles come straight off an index
  sort_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (person_key, article_id)
);
CREATE INDEX person_mentions_by_article ON person_mentions (article_id);
CREATE INDEX person_mentions_by_recent ON person_mentions (person_key, sort_key DESC);

-- every normalised form a person can be looked up by (full name, surname, aliases), once per person
CREATE TABLE person_keys (
  name_key TEXT COLLATE "C" NOT NULL,
  person_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (name_key, person_key)
);
CREATE INDEX person_keys_by_person ON person_keys (person_key);

-- totals kept current in the transactions that change them (count(*) scans whole tables);
-- 'changes' counts write transactions, so caches in every process notice any process's writes
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('articles', 0), ('people', 0), ('quotes', 0), ('changes', 0);

-- aggregate per person, kept current on every write, for fast lookups and autocomplete
CREATE TABLE persons (
  person_key TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  roles JSONB NOT NULL,
  aliases JSONB NOT NULL,
  article_count INTEGER NOT NULL,
  -- direct and partial quotes; reported speech counted apart
  quote_count INTEGER NOT NULL,
  reported_count INTEGER NOT NULL
);
CREATE INDEX persons_by_quotes ON persons (quote_count DESC, article_count DESC, name);

CREATE TABLE quotes (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_key TEXT COLLATE "C",
  speaker TEXT,
  text TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'reported')),
  -- offsets of the quote in the article's source text
  text_start INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  -- copied from the quote kind and the article, so a person's quotes page straight off the index
  kind_rank SMALLINT NOT NULL,
  sort_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX quotes_by_person ON quotes (person_key, kind_rank, sort_key DESC, article_id, position);
`;
