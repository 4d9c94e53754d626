/**
 * The hover and completion documentation the server sends is Markdown that
 * lsp-client renders to HTML; the Markdown quotes the user's own text, which
 * may hold anything. Only plain formatting survives: an allow-list of
 * elements, no attributes but `class`, no links, no images.
 */
const ALLOWED = new Set(['P', 'BR', 'HR', 'EM', 'STRONG', 'B', 'I', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'SPAN', 'DIV', 'DEL', 'SUB', 'SUP']);
/** Dropped with everything inside them. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'SVG', 'MATH', 'NOSCRIPT', 'FORM', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'IMG', 'VIDEO', 'AUDIO', 'LINK', 'META', 'BASE']);

export function sanitizeHtml(html: string, doc: Document = document): string {
  const template = doc.createElement('template');
  template.innerHTML = html; // inert: a template's content runs nothing and loads nothing
  const clean = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) continue;
      if (child.nodeType !== 1) {
        child.remove();
        continue;
      }
      const el = child as Element;
      // SVG and MathML elements keep lower-case tag names.
      const tag = el.localName.toUpperCase();
      if (DROPPED.has(tag)) {
        el.remove();
        continue;
      }
      clean(el);
      if (!ALLOWED.has(tag)) {
        el.replaceWith(...el.childNodes); // keep the text of links and unknown elements
        continue;
      }
      for (const attr of [...el.attributes]) if (attr.name !== 'class') el.removeAttribute(attr.name);
    }
  };
  clean(template.content);
  const out = doc.createElement('div');
  out.append(template.content);
  return out.innerHTML;
}
