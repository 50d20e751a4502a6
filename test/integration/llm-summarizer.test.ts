import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleSummarizer } from '../../src/adapters/summarizers/openai-compatible.js';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { summarizeExtractive } from '../../src/core/nlp/summarize.js';
import { type FakeLlm, startFakeLlm } from '../fakes/fake-llm.js';
import { createTestLogger } from '../helpers/test-logger.js';

const API_KEY = 'sk-test-secret-123';

const paragraphs = [
  'The port city of Velmar opened a new ferry terminal on Tuesday after four years of work.',
  'Harbour director Ines Calder said the terminal would "double the number of passengers" by next summer.',
  'The terminal cost 300 million euros and was paid for by the regional government.',
  'Local traders welcomed the opening but warned about traffic on the coast road.',
];

const article = articleFromLines('Velmar opens new ferry terminal', paragraphs.join('\n'));

function modelAnswer(standard: string[], short: string): string {
  return JSON.stringify({ standard, short });
}

describe('createOpenAiCompatibleSummarizer against a fake chat-completions API', () => {
  let fake: FakeLlm;
  let logger: ReturnType<typeof createTestLogger>;
  let sleeps: number[];

  beforeEach(async () => {
    fake = await startFakeLlm();
    logger = createTestLogger();
    sleeps = [];
  });

  afterEach(async () => {
    await fake.close();
  });

  function summarizer(
    extra: { timeoutMs?: number; concurrency?: number; maxRetries?: number; apiKey?: string; now?: () => number } = {},
  ) {
    return createOpenAiCompatibleSummarizer({
      baseUrl: fake.baseUrl,
      model: 'fake-model',
      apiKey: API_KEY,
      logger,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...extra,
    });
  }

  it('returns the model summary named after the model and sends an OpenAI-shaped request', async () => {
    fake.enqueue({
      content: modelAnswer(
        [
          'Velmar opened a new ferry terminal on Tuesday.',
          'Ines Calder said it would "double the number of passengers" by next summer.',
        ],
        'Velmar opened a 300 million euro ferry terminal.',
      ),
    });
    const summary = await summarizer().summarize(article);
    expect(summary).toEqual({
      standard: [
        'Velmar opened a new ferry terminal on Tuesday.',
        'Ines Calder said it would "double the number of passengers" by next summer.',
      ],
      short: 'Velmar opened a 300 million euro ferry terminal.',
      method: 'fake-model',
    });
    const request = fake.requests[0];
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({ model: 'fake-model', messages: [{ role: 'system' }, { role: 'user' }] });
    expect(logger.records).toEqual([]);
  });

  it('removes a sentence whose quotation does not occur in the article', async () => {
    fake.enqueue({
      content: modelAnswer(
        [
          'Velmar opened a new ferry terminal on Tuesday.',
          'Ines Calder called it "the greatest harbour in Europe".',
          'The terminal cost 300 million euros.',
        ],
        'Velmar opened a new ferry terminal.',
      ),
    });
    const summary = await summarizer().summarize(article);
    expect(summary.method).toBe('fake-model');
    expect(summary.standard).toEqual([
      'Velmar opened a new ferry terminal on Tuesday.',
      'The terminal cost 300 million euros.',
    ]);
  });

  it('removes a sentence that names someone the article does not', async () => {
    fake.enqueue({
      content: modelAnswer(
        [
          'Velmar opened a new ferry terminal on Tuesday.',
          'Mayor Oskar Brandt praised the terminal.',
          'Traders warned about traffic on the coast road.',
        ],
        'Velmar opened a new ferry terminal.',
      ),
    });
    const summary = await summarizer().summarize(article);
    expect(summary.standard).not.toContain('Mayor Oskar Brandt praised the terminal.');
    expect(summary.standard).toHaveLength(2);
  });

  it('falls back to the extractive summary when most sentences invent quotes', async () => {
    fake.enqueue({
      content: modelAnswer(
        ['Calder said "we are thrilled".', 'Traders said "chaos is coming".', 'The terminal opened.'],
        'The terminal opened.',
      ),
    });
    expect(await summarizer().summarize(article)).toEqual(summarizeExtractive(article));
    expect(logger.records.filter((line) => line.level === 'warn')).toHaveLength(1);
  });

  it('falls back to the extractive summary when the model answers too late, logging once without the key', async () => {
    fake.enqueue({ delayMs: 2_000, content: modelAnswer(['Too late.'], 'Too late.') });
    const summary = await summarizer({ timeoutMs: 50 }).summarize(article);
    expect(summary).toEqual(summarizeExtractive(article));
    expect(logger.records).toHaveLength(1);
    expect(logger.records[0]?.level).toBe('warn');
    expect(JSON.stringify(logger.records)).not.toContain(API_KEY);
    expect(JSON.stringify(logger.records)).toContain('no answer within 50 ms');
  });

  it('retries after a 429, waiting as long as retry-after says', async () => {
    fake.enqueue(
      { status: 429, rawBody: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '2' } },
      { content: modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened a ferry terminal.') },
    );
    const summary = await summarizer().summarize(article);
    expect(summary.method).toBe('fake-model');
    expect(sleeps).toEqual([2_000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a 5xx with backoff and falls back once the retries are exhausted', async () => {
    fake.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const summary = await summarizer({ maxRetries: 2 }).summarize(article);
    expect(summary.method).toBe('extractive');
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1_000]);
    expect(logger.records).toHaveLength(1);
  });

  it('does not retry a 4xx other than 429', async () => {
    fake.enqueue({ status: 401, rawBody: '{"error":{"message":"bad key"}}' });
    const summary = await summarizer().summarize(article);
    expect(summary.method).toBe('extractive');
    expect(fake.requests).toHaveLength(1);
    expect(logger.records[0]?.obj).toMatchObject({ status: 401 });
  });

  it('falls back on a refusal, on prose instead of JSON and on a body that is not a chat completion', async () => {
    fake.enqueue(
      { rawBody: JSON.stringify({ choices: [{ message: { content: null, refusal: 'I cannot help.' } }] }) },
      { content: 'Here is a summary: the terminal opened.' },
      { rawBody: '{"unexpected":true}' },
    );
    const s = summarizer();
    for (let i = 0; i < 3; i++) expect((await s.summarize(article)).method).toBe('extractive');
    expect(logger.records).toHaveLength(3);
  });

  it('asks for the answer as a JSON schema (structured output), so a model cannot answer in prose', async () => {
    fake.enqueue({ content: modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened it.') });
    await summarizer().summarize(article);
    expect(fake.requests[0]?.body).toMatchObject({
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'article_summary',
          strict: true,
          schema: { type: 'object', required: ['standard', 'short'], additionalProperties: false },
        },
      },
    });
  });

  it('asks again without the schema when the server refuses it, and does not send it after that', async () => {
    const answer = modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened a ferry terminal.');
    fake.enqueue(
      { status: 400, rawBody: '{"error":{"message":"response_format json_schema is not supported"}}' },
      { content: answer },
      { content: answer },
    );
    const s = summarizer();
    expect((await s.summarize(article)).method).toBe('fake-model');
    expect((await s.summarize(article)).method).toBe('fake-model');
    const formats = fake.requests.map((request) => (request.body as { response_format?: unknown }).response_format);
    expect(formats.map((format) => format !== undefined)).toEqual([true, false, false]);
    expect(sleeps).toEqual([]);
    expect(logger.records.map((line) => line.level)).toEqual(['info']);
  });

  it('sends no Authorization header to a server that takes no key', async () => {
    fake.enqueue({ content: modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened it.') });
    await summarizer({ apiKey: '' }).summarize(article);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('waits until the date a retry-after header names', async () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    fake.enqueue(
      { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:03 GMT' } },
      { content: modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened it.') },
    );
    expect((await summarizer({ now: () => now }).summarize(article)).method).toBe('fake-model');
    expect(sleeps).toEqual([3_000]);
  });

  it('never waits longer than 30 s, whatever retry-after says', async () => {
    fake.enqueue(
      { status: 429, headers: { 'retry-after': '3600' } },
      { content: modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened it.') },
    );
    expect((await summarizer().summarize(article)).method).toBe('fake-model');
    expect(sleeps).toEqual([30_000]);
  });

  it('never logs the key, even when a broken server echoes it back', async () => {
    fake.enqueue({ rawBody: API_KEY });
    expect((await summarizer().summarize(article)).method).toBe('extractive');
    expect(logger.records).toHaveLength(1);
    expect(JSON.stringify(logger.records)).not.toContain(API_KEY);
  });

  it('keeps no more requests in flight than the concurrency allows', async () => {
    const answer = modelAnswer(['Velmar opened a new ferry terminal on Tuesday.'], 'Velmar opened a ferry terminal.');
    fake.enqueue({ content: answer, delayMs: 20 }, { content: answer, delayMs: 20 }, { content: answer, delayMs: 20 });
    const s = summarizer({ concurrency: 1 });
    const results = await Promise.all([s.summarize(article), s.summarize(article), s.summarize(article)]);
    expect(results.every((r) => r.method === 'fake-model')).toBe(true);
    expect(fake.maxInFlight).toBe(1);
  });
});
