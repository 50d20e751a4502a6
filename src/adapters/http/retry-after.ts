/**
 * Milliseconds to wait from a `Retry-After` header (RFC 9110 §10.2.3: whole seconds, or an HTTP date),
 * or null when it is absent or malformed. A date already past means no wait.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // an HTTP date starts with the day's name; anything else Date.parse might read ("1.5") is not one
  if (!/^[A-Za-z]{3}/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
