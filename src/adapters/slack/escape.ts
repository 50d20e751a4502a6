/**
 * Escapes Slack's three control characters so untrusted text cannot form mentions
 * (`<!channel>`, `<@U123>`), links (`<http://x|y>`) or block quotes (a leading `>`).
 * Only `&`, `<` and `>` are escaped: Slack decodes exactly these three and shows any other entity literally.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True for http(s) URLs, the only ones rendered as links. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A mrkdwn link `<url|label>` with the label escaped, or the escaped label alone when the URL is not a web URL.
 * Characters that would end the link markup early (`|`, `<`, `>`, whitespace) are percent-encoded in the URL.
 */
export function mrkdwnLink(url: string | null, label: string): string {
  const text = escapeMrkdwn(label);
  if (url === null || !isWebUrl(url)) return text;
  const safeUrl = new URL(url).href.replace(/[|<>\s]/g, (char) => encodeURIComponent(char));
  return `<${safeUrl}|${text}>`;
}

/** Shortens `text` to at most `max` characters, ending with an ellipsis when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
