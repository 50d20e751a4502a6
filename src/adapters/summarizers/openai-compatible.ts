import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { ParsedArticle, Summary } from '../../core/articles/article.js';
import { summarizeExtractive, truncateAtWord } from '../../core/nlp/summarize.js';
import type { Logger, Summarizer } from '../../core/ports.js';
import { parseRetryAfter } from '../http/retry-after.js';

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
  /** the current time in ms, for Retry-After dates; default Date.now */
  now?: () => number;
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

/**
 * The answer's shape as a JSON schema, for servers that constrain output to one (OpenAI's structured
 * outputs, vLLM, llama.cpp, Ollama): a model that would answer in prose answers in JSON. Lengths are
 * left to ModelSummarySchema, since strict schemas take few keywords.
 */
const SUMMARY_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'article_summary',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        standard: { type: 'array', items: { type: 'string' } },
        short: { type: 'string' },
      },
      required: ['standard', 'short'],
      additionalProperties: false,
    },
  },
} as const;

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
 * A summarizer backed by an OpenAI-compatible chat-completions endpoint, through the `openai` SDK. Any failure
 * (timeout, refusal, bad JSON, a 4xx, exhausted retries, a summary that invents quotes) yields the extractive
 * summary and one warning log. The answer is asked for as a JSON schema (structured output); a server that
 * rejects that is asked again with the JSON described in the prompt only, and no longer asked for a schema.
 */
export function createOpenAiCompatibleSummarizer(options: OpenAiCompatibleOptions): Summarizer {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 2);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  const apiKey = options.apiKey !== undefined && options.apiKey.length > 0 ? options.apiKey : undefined;
  const client = new OpenAI({
    baseURL: options.baseUrl,
    // local servers take no key: send no Authorization header rather than a made-up one
    apiKey: apiKey ?? 'unused',
    ...(apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    // nothing read from OPENAI_* variables: the config names the endpoint and the key
    adminAPIKey: null,
    organization: null,
    project: null,
    timeout: timeoutMs,
    // retries are ours: the SDK's would also retry timeouts, wait as long as any Retry-After says, and sleep
    // on a timer tests cannot replace
    maxRetries: 0,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let structured = true;

  async function requestOnce(article: ParsedArticle): Promise<unknown> {
    const request: ChatCompletionCreateParamsNonStreaming = {
      model: options.model,
      temperature: 0,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: userPrompt(article) },
      ],
      ...(structured ? { response_format: SUMMARY_FORMAT } : {}),
    };
    try {
      return await client.chat.completions.create(request);
    } catch (error) {
      if (error instanceof APIConnectionTimeoutError) throw new SummaryFailure(`no answer within ${timeoutMs} ms`);
      throw error;
    }
  }

  async function complete(article: ParsedArticle): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return readContent(await requestOnce(article));
      } catch (error) {
        if (!(error instanceof APIError) || error.status === undefined) throw error;
        if (structured && (error.status === 400 || error.status === 422)) {
          structured = false;
          options.logger.info(
            { model: options.model, status: error.status },
            'the model server refused a JSON schema answer format; asking for JSON in the prompt only',
          );
          attempt--;
          continue;
        }
        const retryable = error.status === 429 || error.status >= 500;
        if (!retryable || attempt >= maxRetries) throw new SummaryFailure(`HTTP ${error.status}`, error.status);
        const wait = parseRetryAfter(error.headers?.get('retry-after'), now()) ?? 500 * 2 ** attempt;
        await sleep(Math.min(wait, MAX_RETRY_DELAY_MS));
      }
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
      const failure = error instanceof SummaryFailure ? error : new SummaryFailure(describe(error, apiKey));
      options.logger.warn(
        { model: options.model, reason: failure.reason, status: failure.status, title: article.title },
        'model summary failed; using the extractive summary',
      );
      return summarizeExtractive(article);
    }
  }

  return { name: options.model, summarize };
}

/** The message of a chat completion (validated: the SDK does not check what a server sends). */
function readContent(json: unknown): string {
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

/** An error description without secrets: the name and message only, the key blotted out should a server echo it. */
function describe(error: unknown, apiKey: string | undefined): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return apiKey === undefined ? text : text.replaceAll(apiKey, '[key]');
}
