import { z } from 'zod';

/** The 1-based page of a paged command; adapters set it from Previous/Next buttons. */
export const pageOption = z.coerce.number().int().min(1).max(1000).default(1);

/** The options of a command's schema by name, looking through a transform (`z.object({...}).transform(...)`). */
export function optionShape(schema: z.ZodType): Record<string, z.ZodType> {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
  return inner instanceof z.ZodObject ? inner.shape : {};
}

/** The bounds of an integer option (`z.coerce.number().int().min(1).max(10)`, optional or with a default). */
export function integerBounds(option: z.ZodType): { min: number; max: number; fallback?: number } | undefined {
  let inner: z.ZodType = option;
  let fallback: unknown;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
    if (inner instanceof z.ZodDefault) fallback = inner.def.defaultValue;
    inner = inner.unwrap() as z.ZodType;
  }
  if (!(inner instanceof z.ZodNumber) || !inner.isInt) return undefined;
  return {
    min: inner.minValue ?? Number.MIN_SAFE_INTEGER,
    max: inner.maxValue ?? Number.MAX_SAFE_INTEGER,
    ...(typeof fallback === 'number' ? { fallback } : {}),
  };
}

/** Slice one page out of `items`, clamping the page number to the last page. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  perPage: number,
): { items: T[]; index: number; total: number } {
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const index = Math.min(page, total);
  return { items: items.slice((index - 1) * perPage, index * perPage), index, total };
}

/** `page` for a Reply only when there is more than one. */
export function pageInfo(index: number, total: number): { page?: { index: number; total: number } } {
  return total > 1 ? { page: { index, total } } : {};
}
