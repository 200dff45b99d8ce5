import { Parser } from 'htmlparser2';

/**
 * The notes' HTML (the sanitised subset: p, br, strong/b, em/i, u, s, ul/ol/li, a[href], h3, h4, blockquote)
 * as a small block tree, shared by the PDF and Markdown exports. Tags outside the subset are read as
 * transparent containers (their text is kept), script and style are dropped, whitespace collapses as in HTML.
 */
export interface InlineStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** Only http(s) and mailto targets are kept; any other link is shown as its text. */
  href: string | null;
}

export type Inline = { kind: 'text'; text: string; style: InlineStyle } | { kind: 'break' };

export type NotesBlock =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 3 | 4; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: NotesBlock[][] }
  | { kind: 'quote'; blocks: NotesBlock[] };

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const PLAIN: InlineStyle = { bold: false, italic: false, underline: false, strike: false, href: null };
const DROPPED = new Set(['script', 'style', 'title', 'head', 'template', 'iframe', 'object', 'noscript']);
/** Whitespace as HTML collapses it, plus the no-break and typographic spaces (the fonts may lack them). */
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Invisible characters that have no glyph in the fonts. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

export function safeHref(href: string | undefined): string | null {
  const value = href?.trim();
  return value && /^(https?:\/\/|mailto:)/i.test(value) ? value : null;
}

function parseTree(html: string): Node[] {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  let dropping = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropping || DROPPED.has(name)) {
          dropping++;
          return;
        }
        const element: Element = { name, attrs, children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (dropping) dropping--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        if (!dropping) stack[stack.length - 1].children.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

function inlinesOf(nodes: Node[], style: InlineStyle, out: Inline[]): Inline[] {
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push({ kind: 'text', text: node, style });
      continue;
    }
    switch (node.name) {
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'strong':
      case 'b':
        inlinesOf(node.children, { ...style, bold: true }, out);
        break;
      case 'em':
      case 'i':
        inlinesOf(node.children, { ...style, italic: true }, out);
        break;
      case 'u':
        inlinesOf(node.children, { ...style, underline: true }, out);
        break;
      case 's':
      case 'strike':
      case 'del':
        inlinesOf(node.children, { ...style, strike: true }, out);
        break;
      case 'a':
        inlinesOf(node.children, { ...style, href: safeHref(node.attrs['href']) ?? style.href }, out);
        break;
      default:
        if (BLOCK_TAGS.has(node.name)) {
          // A block inside inline content (not produced by the editor): keep its text on its own line.
          out.push({ kind: 'break' });
          inlinesOf(node.children, style, out);
          out.push({ kind: 'break' });
        } else inlinesOf(node.children, style, out);
    }
  }
  return out;
}

const sameStyle = (a: InlineStyle, b: InlineStyle) =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strike === b.strike &&
  a.href === b.href;

/** Collapses whitespace as a browser would, merges runs of one style, drops breaks at the edges. */
export function normaliseInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  let atLineStart = true;
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.text = last.text.replace(/ $/, '');
      if (last?.kind === 'text' && !last.text) out.pop();
      out.push(inline);
      atLineStart = true;
      continue;
    }
    let text = inline.text.replace(INVISIBLE, '').replace(SPACES, ' ');
    if (atLineStart || endsWithSpace(out)) text = text.replace(/^ /, '');
    if (!text) continue;
    atLineStart = false;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && sameStyle(last.style, inline.style)) last.text += text;
    else out.push({ kind: 'text', text, style: inline.style });
  }
  while (out.length && out[out.length - 1].kind === 'break') out.pop();
  while (out.length && out[0].kind === 'break') out.shift();
  const last = out[out.length - 1];
  if (last?.kind === 'text') {
    last.text = last.text.replace(/ $/, '');
    if (!last.text) out.pop();
  }
  return out;
}

function endsWithSpace(out: Inline[]): boolean {
  const last = out[out.length - 1];
  return last?.kind === 'text' && last.text.endsWith(' ');
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'section',
  'article',
  'pre',
  'table',
  'tr',
]);

function blocksOf(nodes: Node[]): NotesBlock[] {
  const blocks: NotesBlock[] = [];
  let pending: Inline[] = [];
  const flush = () => {
    const inlines = normaliseInlines(pending);
    if (inlines.length) blocks.push({ kind: 'paragraph', inlines });
    pending = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCK_TAGS.has(node.name)) {
      inlinesOf([node], PLAIN, pending);
      continue;
    }
    flush();
    switch (node.name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const inlines = normaliseInlines(inlinesOf(node.children, PLAIN, []));
        const level = node.name === 'h4' || node.name === 'h5' || node.name === 'h6' ? 4 : 3;
        if (inlines.length) blocks.push({ kind: 'heading', level, inlines });
        break;
      }
      case 'ul':
      case 'ol': {
        const items = listItems(node.children);
        if (items.length) blocks.push({ kind: 'list', ordered: node.name === 'ol', items });
        break;
      }
      case 'li': {
        // An item outside a list: a list of one.
        const item = blocksOf(node.children);
        if (item.length) blocks.push({ kind: 'list', ordered: false, items: [item] });
        break;
      }
      case 'blockquote': {
        const inner = blocksOf(node.children);
        if (inner.length) blocks.push({ kind: 'quote', blocks: inner });
        break;
      }
      default:
        blocks.push(...blocksOf(node.children));
    }
  }
  flush();
  return blocks;
}

function listItems(nodes: Node[]): NotesBlock[][] {
  const items: NotesBlock[][] = [];
  let loose: Node[] = [];
  const flushLoose = () => {
    const blocks = blocksOf(loose);
    if (blocks.length) items.push(blocks);
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node !== 'string' && node.name === 'li') {
      flushLoose();
      items.push(blocksOf(node.children));
    } else if (typeof node !== 'string' && (node.name === 'ul' || node.name === 'ol') && items.length) {
      // A nested list written as a sibling of the items (some editors do this): it belongs to the item before.
      flushLoose();
      items[items.length - 1].push(...blocksOf([node]));
    } else loose.push(node);
  }
  flushLoose();
  return items;
}

export function parseNotes(html: string): NotesBlock[] {
  return blocksOf(parseTree(html ?? ''));
}

/** The plain text of inlines (breaks as spaces). */
export const inlineText = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : ' ')).join('');

/**
 * For print: after each link whose text is not its target, the target in parentheses (`text (https://…)`),
 * so a reader of the paper copy sees where it points.
 */
export function withVisibleUrls(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < inlines.length) {
    const inline = inlines[i];
    if (inline.kind !== 'text' || !inline.style.href) {
      out.push(inline);
      i++;
      continue;
    }
    const href = inline.style.href;
    let text = '';
    let last: Inline & { kind: 'text' } = inline;
    while (i < inlines.length) {
      const next = inlines[i];
      if (next.kind !== 'text' || next.style.href !== href) break;
      out.push(next);
      text += next.text;
      last = next;
      i++;
    }
    const shown = text.trim();
    if (shown !== href && shown !== href.replace(/^mailto:/i, '')) {
      out.push({ kind: 'text', text: ` (${href})`, style: { ...PLAIN, href, italic: last.style.italic } });
    }
  }
  return out;
}
