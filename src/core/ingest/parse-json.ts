import { z } from 'zod';
import type { Paragraph, ParsedArticle } from '../articles/article.js';
import { parseDateValue, type ResolvedDate } from './dates.js';
import { isHeadingLine, makeParagraph, splitLines, stripDateline, trimSpan } from './lines.js';
import type { ParseContext, ParsedFile, ParseWarning } from './parse-result.js';

/** Separator an array body is joined with; JSON paragraph offsets index the joined string. */
export const JSON_BODY_SEPARATOR = '\n\n';

// parseability does not depend on the retrieval time, so the schema is built once with a fixed one
const dateString = z
  .string()
  .refine((value) => parseDateValue(value, new Date(0)) !== null, { message: 'must be a parseable date' });

/** One article in a JSON file. Unknown keys are ignored. */
export const JsonArticleSchema = z.object({
  title: z.string().trim().min(1, { message: 'must not be empty' }),
  body: z.union([z.string(), z.array(z.string())]),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).nullish(),
  source: z.string().nullish(),
  published: dateString.nullish(),
  publishedAt: dateString.nullish(),
  author: z.string().nullish(),
  caption: z.string().nullish(),
  highlights: z.array(z.string()).optional(),
});

/** A JSON article as validated by {@link JsonArticleSchema}. */
export type JsonArticle = z.infer<typeof JsonArticleSchema>;

/**
 * Parses a JSON file holding one article object or an array of them. An invalid element gives one
 * warning per problem (naming its index and field) and the other elements still load.
 * Paragraph offsets index the article's `body` string; an array body counts as its elements joined
 * with {@link JSON_BODY_SEPARATOR}, each element one paragraph.
 */
export function parseJsonArticles(text: string, context: ParseContext): ParsedFile {
  const warnings: ParseWarning[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { articles: [], warnings: [{ file: context.file, message: `invalid JSON: ${reason}` }] };
  }
  const elements = Array.isArray(value) ? value : [value];
  const articles: ParsedArticle[] = [];
  for (const [index, element] of elements.entries()) {
    const prefix = Array.isArray(value) ? `[${index}]` : '';
    const result = JsonArticleSchema.safeParse(element);
    if (!result.success) {
      warnings.push(...result.error.issues.map((issue) => issueWarning(context.file, prefix, issue)));
      continue;
    }
    articles.push(toParsedArticle(result.data, context));
  }
  return { articles, warnings };
}

function issueWarning(file: string, prefix: string, issue: z.core.$ZodIssue): ParseWarning {
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  const field = `${prefix}${path}`.replace(/^\./, '');
  if (field === '') return { file, message: `article: ${issue.message}` };
  return { file, field, message: `${field}: ${issue.message}` };
}

function toParsedArticle(data: JsonArticle, context: ParseContext): ParsedArticle {
  const paragraphs = Array.isArray(data.body) ? arrayParagraphs(data.body) : stringParagraphs(data.body);
  const dateline = stripDateline(paragraphs);
  const published = data.publishedAt ?? data.published;
  const date: ResolvedDate | null = published == null ? null : parseDateValue(published, context.retrievedAt);
  return {
    title: data.title,
    url: data.url ?? null,
    source: emptyToNull(data.source),
    author: emptyToNull(data.author),
    publishedAt: date?.iso ?? null,
    publishedApprox: date?.approx ?? false,
    dateline,
    caption: emptyToNull(data.caption),
    highlights: (data.highlights ?? []).map((item) => item.trim()).filter((item) => item !== ''),
    paragraphs,
  };
}

/** One paragraph per non-blank line of the body string. */
function stringParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of splitLines(body)) {
    const span = trimSpan(body, line.start, line.end);
    if (span.start === span.end) continue;
    paragraphs.push(makeParagraph(body, span.start, span.end, isHeadingLine(line.text) ? 'heading' : 'body'));
  }
  return paragraphs;
}

/** One paragraph per non-blank element, with offsets into the elements joined by the separator. */
function arrayParagraphs(body: string[]): Paragraph[] {
  const joined = body.join(JSON_BODY_SEPARATOR);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const element of body) {
    const span = trimSpan(joined, offset, offset + element.length);
    if (span.start < span.end) {
      const kind = isHeadingLine(element) ? 'heading' : 'body';
      paragraphs.push(makeParagraph(joined, span.start, span.end, kind));
    }
    offset += element.length + JSON_BODY_SEPARATOR.length;
  }
  return paragraphs;
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
