// The paper panel: title, authors, date, source file, the abstract (with the cited quote marked when opened from a
// source) and the papers most like it, each of which opens in its place. Escape or Close returns focus to where
// the reader was.

import { describe, getJson } from './api.js';
import { withKey } from './keys.js';
import { clear, dateText, el, highlighted } from './dom.js';

const similarCount = 5;
const arxivId = /^[A-Za-z0-9.\-/]+$/;

export class PaperPanel {
  constructor({ panel, body, close, status }) {
    this.panel = panel;
    this.body = body;
    this.status = status;
    this.opener = null;
    this.controller = null;
    close.addEventListener('click', () => this.close());
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  async open(paperId, { quote = null, opener = null } = {}) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    if (opener && !this.panel.contains(opener)) this.opener = opener;
    this.panel.hidden = false;
    document.body.classList.add('paper-open');
    clear(this.body).append(el('p', { class: 'loading' }, 'Opening the paper…'));
    const id = encodeURIComponent(paperId);
    try {
      const [paper, similar] = await withKey(() => Promise.all([
        getJson(`/api/papers/${id}`, controller.signal),
        getJson(`/api/papers/${id}/similar?top=${similarCount}`, controller.signal),
      ]));
      if (this.controller !== controller) return;
      this.render(paper, similar.similar, quote);
    } catch (error) {
      if (this.controller !== controller || error?.name === 'AbortError') return;
      clear(this.body).append(el('p', { class: 'error', role: 'alert' }, describe(error)));
    }
    this.body.querySelector('h2, .error')?.focus();
  }

  close() {
    this.controller?.abort();
    this.controller = null;
    this.panel.hidden = true;
    document.body.classList.remove('paper-open');
    if (this.opener?.isConnected) this.opener.focus();
    else document.getElementById('question').focus();
    this.opener = null;
  }

  render(paper, similar, quote) {
    const title = el('h2', { id: 'paper-title', class: 'paper-title', tabindex: '-1' }, paper.title);
    const meta = el('p', { class: 'meta' },
      el('span', { class: 'date' }, dateText(paper.date)), ' · ', el('span', { class: 'file' }, paper.source),
      paper.arxivId && arxivId.test(paper.arxivId)
        ? [' · ', el('a', { href: `https://arxiv.org/abs/${paper.arxivId}`, rel: 'noopener noreferrer', target: '_blank' }, `arXiv:${paper.arxivId}`)]
        : null);
    const authors = paper.authors.length > 0 ? el('p', { class: 'authors' }, paper.authors.join(', ')) : null;
    const abstract = el('p', { class: 'abstract' }, highlighted(paper.abstract, quote));
    clear(this.body).append(title, meta, ...(authors ? [authors] : []),
      el('h3', {}, 'Abstract'), abstract,
      el('h3', {}, 'Similar papers'), this.similarList(similar));
    this.status.textContent = `Opened “${paper.title}”.`;
  }

  similarList(similar) {
    if (similar.length === 0) return el('p', { class: 'muted' }, 'No similar papers in the collection.');
    return el('ol', { class: 'similar' }, similar.map((item) => {
      const button = el('button', { type: 'button', class: 'paper-link' }, item.title);
      button.addEventListener('click', () => this.open(item.paperId));
      return el('li', {}, button, el('p', { class: 'meta' },
        el('span', { class: 'date' }, dateText(item.date)), ' · ', el('span', { class: 'file' }, item.source)));
    }));
  }
}
