// The answer text with its citation marks as links: "… beats fingerprints [1]." renders "[1]" as a link to
// source 1 of the same answer. Marks may be single ("[2]") or grouped ("[1, 3]"); each number gets its own link.

import { el } from './dom.js';

const mark = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/** The nodes of an answer: text nodes and citation links, in order. */
export function answerNodes(text, sourceId) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(mark)) {
    nodes.push(text.slice(last, match.index));
    nodes.push(...citationLinks(match[1], sourceId));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((node) => node !== '');
}

// "[2]" is one link reading "[2]"; in "[1, 3]" each number is a link and the brackets are text.
function citationLinks(numbers, sourceId) {
  const parts = numbers.split(/\s*[,;]\s*/);
  const link = (n, text) => el('a', { class: 'cite', href: `#${sourceId(Number(n))}`, 'data-n': n, 'aria-label': `source ${n}` }, text);
  if (parts.length === 1) return [link(parts[0], `[${parts[0]}]`)];
  const links = parts.map((n) => link(n, n));
  const nodes = ['['];
  links.forEach((a, i) => nodes.push(...(i === 0 ? [a] : [", ", a])));
  nodes.push(']');
  return nodes;
}
