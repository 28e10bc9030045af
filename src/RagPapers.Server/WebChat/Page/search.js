// Search mode: GET /api/search with the same filters as the API (date range, source file); each result shows its
// matching passages and opens in the paper panel.

import { describe, getJson, withQuery } from './api.js';
import { withKey } from './keys.js';
import { clear, dateText, el } from './dom.js';

const top = 10;

export class Search {
  constructor({ results, intro, status, onOpenPaper }) {
    this.results = results;
    this.intro = intro;
    this.status = status;
    this.onOpenPaper = onOpenPaper;
    this.controller = null;
  }

  async run(query, filters) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.intro.hidden = true;
    this.status.textContent = 'Searching…';
    clear(this.results).setAttribute('aria-busy', 'true');
    const path = withQuery('/api/search', { q: query, top, from: filters.from, to: filters.to, source: filters.source,
      includeUndated: filters.includeUndated });
    try {
      const found = await withKey(() => getJson(path, controller.signal));
      if (this.controller !== controller) return;
      this.render(found);
    } catch (error) {
      if (error?.name === 'AbortError') return;
      this.results.append(el('p', { class: 'error', role: 'alert' }, describe(error)));
      this.status.textContent = 'The search failed.';
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.results.removeAttribute('aria-busy');
      }
    }
  }

  render(found) {
    const count = found.results.length;
    if (count === 0) {
      this.results.append(el('p', { class: 'notice', role: 'note' }, `Nothing found for “${found.query}”.`));
    } else if (!found.hasRelevantEvidence) {
      this.results.append(el('p', { class: 'notice', role: 'note' },
        `Nothing in the collection matches “${found.query}” well; the closest papers are below.`));
    }
    if (Number.isInteger(found.undatedExcluded) && found.undatedExcluded > 0) {
      const papers = found.undatedExcluded === 1 ? '1 undated paper was' : `${found.undatedExcluded} undated papers were`;
      this.results.append(el('p', { class: 'notice', role: 'note' },
        `${papers} left out by the date range; tick “Include undated papers” to search them too.`));
    }
    if (typeof found.searchedFor === 'string' && found.searchedFor) {
      this.results.append(el('p', { class: 'searched-for' }, 'searched for: ', el('q', {}, found.searchedFor)));
    }
    if (count > 0) this.results.append(el('ol', { class: 'hits' }, found.results.map((hit) => this.hit(hit))));
    this.status.textContent = `${count} ${count === 1 ? 'paper' : 'papers'} found.`;
  }

  hit(hit) {
    const open = el('button', { type: 'button', class: 'paper-link' }, hit.title);
    open.addEventListener('click', () => this.onOpenPaper(hit.paperId, { quote: hit.passages[0]?.text ?? null, opener: open }));
    const authors = hit.authors.length > 0 ? [' · ', el('span', { class: 'authors' }, hit.authors.join(', '))] : [];
    return el('li', { class: 'hit' },
      open,
      el('p', { class: 'meta' },
        el('span', { class: 'date' }, dateText(hit.date)), ' · ', el('span', { class: 'file' }, hit.source), ...authors,
        ' · ', el('span', { class: 'relevance' }, `relevance ${hit.relevance.toFixed(2)}`)),
      hit.passages.map((passage) => el('blockquote', { class: 'passage' }, passage.text)));
  }
}
