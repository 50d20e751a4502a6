import { z } from 'zod';
import type { ParsedArticle, Summary } from '../../core/articles/article.js';
import { summarizeExtractive, truncateAtWord } from '../../core/nlp/summarize.js';
import type { Logger, Summarizer } from '../../core/ports.js';

/** Options of the chat-completions summarizer (OpenAI, Ollama, vLLM, llama.cpp server). */
export interface OpenAiCompatibleOptions {
  /** base URL including the API version, e.g. `http://127.0.0.1:11434/v1` */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** per request; default 20 s */
  timeoutMs?: number;
  /** requests in flight at once; default 2 */
  concurrency?: number;
  /** retries after 429 and 5xx answers; default 2 */
  maxRetries?: number;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const ChatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

const ModelSummarySchema = z.object({
  standard: z.array(z.string().trim().min(1)).min(1).max(5),
  short: z.string().trim().min(1),
});

const SYSTEM_PROMPT = [
  'You summarize news articles for a chat bot. Answer with JSON only: {"standard": [three sentences], "short": "one sentence"}.',
  '"standard" has at most 3 plain sentences in the order of the article; "short" is one sentence of at most 280 characters.',
  'Use only facts from the article. Quote only words that appear verbatim in the article, inside double quotes.',
  'Name only people, places and organisations that the article names, spelled as in the article.',
].join(' ');

const MAX_RETRY_DELAY_MS = 30_000;
const MAX_ARTICLE_CHARS = 12_000;

/** Why a model summary was not used; `status` is the HTTP status when there was one. */
class SummaryFailure extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(reason);
  }
}

/** A counting semaphore: at most `limit` tasks run at once. */
function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Milliseconds to wait from a `retry-after` header (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function articleText(article: ParsedArticle): string {
  return [article.title, ...article.paragraphs.map((p) => p.text)].join('\n');
}

function userPrompt(article: ParsedArticle): string {
  const body = article.paragraphs
    .filter((p) => p.kind === 'body')
    .map((p) => p.text)
    .join('\n\n');
  return `Title: ${article.title}\n\n${body.slice(0, MAX_ARTICLE_CHARS)}`;
}

/** Comparable form: one kind of apostrophe, single spaces. */
function normalizeForMatch(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

const QUOTATION = /"([^"]+)"|“([^”]+)”/g;
const CAPITALISED_RUN = /\b\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+/gu;

/** True when every quotation in the sentence occurs verbatim in the article. */
function hasOnlyRealQuotes(sentence: string, source: string): boolean {
  for (const match of sentence.matchAll(QUOTATION)) {
    const quoted = normalizeForMatch((match[1] ?? match[2] ?? '').replace(/[,.]$/, ''));
    if (quoted.length > 0 && !source.includes(quoted)) return false;
  }
  return true;
}

/** True when every capitalised multi-word name occurs in the article (a sentence-initial word may be dropped). */
function hasOnlyKnownNames(sentence: string, source: string): boolean {
  for (const match of sentence.matchAll(CAPITALISED_RUN)) {
    const name = normalizeForMatch(match[0].replace(/[.]$/, ''));
    if (source.includes(name)) continue;
    const withoutFirst = name.split(' ').slice(1);
    const atSentenceStart = match.index === 0 || /["“(]\s*$/.test(sentence.slice(0, match.index));
    if (atSentenceStart && withoutFirst.length >= 1 && source.includes(withoutFirst.join(' '))) continue;
    return false;
  }
  return true;
}

/** Keep the model's sentences that quote and name only what the article has; null when too little remains. */
export function verifyModelSummary(
  candidate: { standard: string[]; short: string },
  article: ParsedArticle,
  model: string,
): Summary | null {
  const source = normalizeForMatch(articleText(article));
  const isFaithful = (sentence: string) =>
    hasOnlyRealQuotes(sentence, source) && hasOnlyKnownNames(normalizeForMatch(sentence), source);
  const standard = candidate.standard.map(normalizeForMatch).filter(isFaithful).slice(0, 3);
  // fewer than half of the sentences survived: the model was making things up
  if (standard.length === 0 || standard.length * 2 < Math.min(candidate.standard.length, 3)) return null;
  const short = normalizeForMatch(candidate.short);
  const shortLine = isFaithful(short) ? short : (standard[0] as string);
  return { standard, short: truncateAtWord(shortLine, 280), method: model };
}

function parseModelJson(content: string): unknown {
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```$/, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SummaryFailure('the model did not answer with JSON');
  try {
    return JSON.parse(unfenced.slice(start, end + 1));
  } catch {
    throw new SummaryFailure('the model answered with malformed JSON');
  }
}

/**
 * A summarizer backed by an OpenAI-compatible chat-completions endpoint. Any failure (timeout, refusal, bad JSON,
 * a 4xx, exhausted retries, a summary that invents quotes) yields the extractive summary and one warning log.
 */
export function createOpenAiCompatibleSummarizer(options: OpenAiCompatibleOptions): Summarizer {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 2);
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = createLimiter(Math.max(1, options.concurrency ?? 2));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== undefined && options.apiKey.length > 0) headers.authorization = `Bearer ${options.apiKey}`;

  async function requestOnce(body: string): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await doFetch(endpoint, { method: 'POST', headers, body, signal: controller.signal });
    } catch (error) {
      throw new SummaryFailure(controller.signal.aborted ? `no answer within ${timeoutMs} ms` : describe(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async function complete(article: ParsedArticle): Promise<string> {
    const body = JSON.stringify({
      model: options.model,
      temperature: 0,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: userPrompt(article) },
      ],
    });
    for (let attempt = 0; ; attempt++) {
      const response = await requestOnce(body);
      if (response.ok) return readContent(response);
      await response.body?.cancel();
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= maxRetries) throw new SummaryFailure(`HTTP ${response.status}`, response.status);
      const wait = parseRetryAfter(response.headers.get('retry-after')) ?? 500 * 2 ** attempt;
      await sleep(Math.min(wait, MAX_RETRY_DELAY_MS));
    }
  }

  async function summarize(article: ParsedArticle): Promise<Summary> {
    try {
      const content = await limit(() => complete(article));
      const parsed = ModelSummarySchema.safeParse(parseModelJson(content));
      if (!parsed.success) throw new SummaryFailure('the model JSON lacks standard/short sentences');
      const verified = verifyModelSummary(parsed.data, article, options.model);
      if (verified === null) throw new SummaryFailure('the model summary quoted or named what the article does not');
      return verified;
    } catch (error) {
      const failure = error instanceof SummaryFailure ? error : new SummaryFailure(describe(error));
      options.logger.warn(
        { model: options.model, reason: failure.reason, status: failure.status, title: article.title },
        'model summary failed; using the extractive summary',
      );
      return summarizeExtractive(article);
    }
  }

  return { name: options.model, summarize };
}

async function readContent(response: Response): Promise<string> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SummaryFailure('the API answered with malformed JSON');
  }
  const parsed = ChatCompletionSchema.safeParse(json);
  if (!parsed.success) throw new SummaryFailure('the API answer is not a chat completion');
  const choice = parsed.data.choices[0];
  const refusal = choice?.message.refusal;
  if (refusal !== undefined && refusal !== null && refusal.length > 0) throw new SummaryFailure('the model refused');
  const content = choice?.message.content;
  if (content === undefined || content === null || content.trim().length === 0) {
    throw new SummaryFailure('the model returned no content');
  }
  return content;
}

/** An error description without secrets: the name and message only. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
