import { z } from 'zod';

/** The 1-based page of a paged command; adapters set it from Previous/Next buttons. */
export const pageOption = z.coerce.number().int().min(1).max(1000).default(1);

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
