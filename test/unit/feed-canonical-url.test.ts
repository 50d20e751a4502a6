import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParam } from '../../src/adapters/sources/feeds/canonical-url.js';

describe('canonicalizeUrl', () => {
  it('drops tracking parameters and the fragment, lowercases the host and sorts what remains', () => {
    expect(
      canonicalizeUrl('HTTPS://News.Example.COM:443/world/story?utm_source=rss&b=2&fbclid=x&a=1&gclid=y#comments'),
    ).toBe('https://news.example.com/world/story?a=1&b=2');
  });

  it('treats links that differ only in tracking as the same page', () => {
    const plain = canonicalizeUrl('https://news.example/a/b');
    expect(canonicalizeUrl('https://news.example/a/b?utm_medium=social&utm_campaign=x&mc_cid=1')).toBe(plain);
    expect(canonicalizeUrl('https://NEWS.example./a/b#top')).toBe(plain);
  });

  it('resolves relative links against a base', () => {
    expect(canonicalizeUrl('/story/1?ref_src=twsrc', 'https://news.example/feed.xml')).toBe(
      'https://news.example/story/1',
    );
  });

  it('keeps parameters that select content and strips credentials', () => {
    expect(canonicalizeUrl('https://user:secret@news.example/article?id=42&page=2')).toBe(
      'https://news.example/article?id=42&page=2',
    );
  });

  it('returns null for anything that is not an absolute http(s) URL', () => {
    expect(canonicalizeUrl('file:///etc/passwd')).toBeNull();
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
    expect(canonicalizeUrl('ftp://news.example/feed')).toBeNull();
  });

  it('recognises tracking parameter families by prefix', () => {
    expect(['utm_content', 'UTM_Term', 'pk_kwd', 'fbclid'].every(isTrackingParam)).toBe(true);
    expect(['id', 'page', 'q', 'utmost'].some(isTrackingParam)).toBe(false);
  });
});
