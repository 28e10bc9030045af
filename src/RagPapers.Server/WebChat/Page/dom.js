// Building blocks for the page. Every piece of text from the server goes in through textContent, never as
// HTML: an abstract that contains "<script>" shows those characters and runs nothing. (The page's Trusted Types
// policy would make any HTML-string sink throw anyway.)

/**
 * Creates an element: el('a', { class: 'cite', href: '#t1-s1' }, 'text', child, …).
 * Attributes are set with setAttribute and never include event handlers; children are nodes or strings.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) throw new Error(`event handler attributes are not allowed: ${name}`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends nodes and strings (as text) to a parent, skipping null and undefined. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes everything inside an element. */
export function clear(element) {
  element.replaceChildren();
  return element;
}

/** A paper's date as shown: "2024-01-05", or "undated" when the collection has none. */
export function dateText(date) {
  return date ? String(date) : 'undated';
}

/**
 * The text with the first occurrence of a passage marked: [before, <mark>passage</mark>, after], or the text alone
 * when the passage is not in it. Used to show where a cited quote sits in an abstract.
 */
export function highlighted(text, passage) {
  const at = passage ? text.indexOf(passage) : -1;
  if (at < 0) return [text];
  return [text.slice(0, at), el('mark', {}, passage), text.slice(at + passage.length)];
}

/** Shows or hides an element with the hidden attribute (no inline styles: the page's CSP forbids them). */
export function show(element, visible) {
  element.hidden = !visible;
}
