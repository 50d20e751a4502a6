import type { parseHTML } from 'linkedom';
import { linkedom } from './lazy-libraries.js';

/** A run of text from HTML: a paragraph, list item, quote or heading. */
export interface TextBlock {
  text: string;
  kind: 'body' | 'heading';
}

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FOOTER',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'NAV',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'FIGCAPTION',
  'HEAD',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Parse an HTML document (or fragment) into a linkedom document. */
export function parseHtmlDocument(html: string): ReturnType<typeof parseHTML>['document'] {
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return linkedom().parseHTML(full).document;
}

/**
 * Plain-text blocks from HTML: one per paragraph, list item, heading or `<br>`-separated line,
 * whitespace collapsed, scripts, navigation and captions left out.
 */
export function htmlToBlocks(html: string): TextBlock[] {
  const document = parseHtmlDocument(html);
  const root = (document.body ?? document.documentElement) as unknown as DomNode | null;
  return root ? nodeToBlocks(root) : [];
}

/** The blocks under a DOM node. */
export function nodeToBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current = '';
  const flush = (kind: TextBlock['kind'] = 'body') => {
    const text = collapseSpaces(current);
    if (text !== '') blocks.push({ text, kind });
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    if (HEADING_TAGS.has(tag)) {
      flush();
      walkChildren(node);
      flush('heading');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    walkChildren(node);
    if (block) flush();
  };
  const walkChildren = (node: DomNode) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child);
    }
  };
  walkChildren(root);
  flush();
  return blocks;
}

/** Text of an HTML fragment on one line (titles, author names). */
export function htmlToInlineText(html: string): string {
  if (!/[<&]/.test(html)) return collapseSpaces(html);
  return collapseSpaces(
    htmlToBlocks(html)
      .map((block) => block.text)
      .join(' '),
  );
}

function collapseSpaces(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n ]+/g, ' ')
    .replace(/\u00ad/g, '')
    .trim();
}
