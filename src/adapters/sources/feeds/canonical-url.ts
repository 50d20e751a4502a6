/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
  's_cid',
  'ncid',
  'ocid',
  'cmpid',
  'cmp',
  'smid',
  'smtyp',
  'ref_src',
  'ref_url',
  'at_medium',
  'at_campaign',
  'sr_share',
  'spm',
]);

/** Prefixes of tracking parameter families (`utm_source`, `utm_medium`, `pk_campaign`, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_custom', 'hsa_'];

/** Whether a query parameter name only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The canonical form of an http(s) URL, so the same page linked from two feeds compares equal:
 * lowercase scheme and host, no default port, no fragment, no tracking parameters, the remaining
 * parameters sorted. Returns null for anything that is not an absolute http(s) URL (after resolving
 * `raw` against `base` when given).
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // the URL parser lowercases the host; a trailing dot names the same host
  url.hostname = url.hostname.replace(/\.$/, '');
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return url.toString();
}
