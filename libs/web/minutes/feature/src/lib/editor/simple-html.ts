/** The tags the minutes editor writes (the server sanitises again). */
const KEPT = new Set(['P', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'BR']);
const RENAMED: Record<string, string> = { B: 'strong', I: 'em', DIV: 'p' };

/**
 * Reduces HTML produced by a `contenteditable` element to p/strong/em/ul/ol/li/br: other elements are unwrapped
 * (their text kept), attributes dropped, and text outside a block wrapped in a paragraph.
 */
export function toSimpleHtml(html: string, doc: Document = document): string {
  const source = doc.createElement('div');
  source.innerHTML = html;
  const target = doc.createElement('div');
  copyChildren(source, target, doc);
  // Loose inline content at the top level goes into paragraphs.
  const out = doc.createElement('div');
  let paragraph: HTMLElement | null = null;
  for (const node of [...target.childNodes]) {
    const block = node.nodeType === 1 && ['P', 'UL', 'OL'].includes((node as Element).tagName);
    if (block) {
      paragraph = null;
      out.appendChild(node);
    } else {
      if (node.nodeType === 3 && !node.textContent?.trim() && !paragraph) continue;
      paragraph ??= out.appendChild(doc.createElement('p'));
      paragraph.appendChild(node);
    }
  }
  // Empty paragraphs (only <br> or whitespace) are dropped.
  for (const p of [...out.querySelectorAll('p')]) {
    if (!p.textContent?.trim()) p.remove();
  }
  return out.innerHTML;
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (const node of [...from.childNodes]) {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const name = RENAMED[element.tagName] ?? (KEPT.has(element.tagName) ? element.tagName.toLowerCase() : null);
      if (name) {
        const copy = doc.createElement(name);
        to.appendChild(copy);
        copyChildren(element, copy, doc);
      } else if (!['SCRIPT', 'STYLE'].includes(element.tagName)) {
        copyChildren(element, to, doc);
      }
    }
  }
}

/** The plain text of simple HTML (for the diff and for screen-reader summaries). */
export function htmlToText(html: string, doc: Document = document): string {
  const div = doc.createElement('div');
  div.innerHTML = html;
  return div.textContent ?? '';
}
