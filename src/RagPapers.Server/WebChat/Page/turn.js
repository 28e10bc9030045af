// One question and its answer in the conversation: the answer text as it streams in (citation marks as links),
// then its sources, then a notice or an error when there is one. A notice ("LLM unreachable…", "keyword results
// only…", "nothing found") is shown as a notice, apart from the answer.

import { answerNodes } from './citations.js';
import { append, clear, dateText, el } from './dom.js';

let turns = 0;

export class Turn {
  constructor(question, onOpenPaper) {
    this.id = `t${++turns}`;
    this.text = '';
    this.onOpenPaper = onOpenPaper;
    this.answer = el('p', { class: 'answer', 'aria-busy': 'true' });
    this.extras = el('div', { class: 'extras' });
    this.sources = el('section', { class: 'sources', 'aria-label': 'Sources', hidden: true });
    this.element = el('li', { class: 'turn', id: this.id },
      el('p', { class: 'question' }, el('span', { class: 'visually-hidden' }, 'You asked: '), question),
      el('div', { class: 'reply' }, this.answer, this.extras, this.sources));
  }

  sourceId = (n) => `${this.id}-s${n}`;

  appendText(piece) {
    this.setText(this.text + piece);
  }

  setText(text) {
    this.text = text;
    clear(this.answer);
    append(this.answer, answerNodes(text, this.sourceId));
  }

  setCitations(citations) {
    clear(this.sources);
    if (citations.length === 0) return;
    this.sources.hidden = false;
    this.sources.append(el('h3', { class: 'sources-title' }, 'Sources'),
      el('ol', { class: 'source-list' }, citations.map((citation) => this.source(citation))));
  }

  /** The end of the stream: status, writer, notice, and (when the server sends it) what was searched for. */
  finish(done) {
    this.answer.removeAttribute('aria-busy');
    if (done.status === 'no_evidence') {
      // "I found nothing in the collection about …" is an outcome to notice, not an answer to read as fact.
      this.answer.classList.add('as-notice');
      this.answer.setAttribute('role', 'note');
    }
    if (typeof done.searchedFor === 'string' && done.searchedFor) {
      this.extras.append(el('p', { class: 'searched-for' }, 'searched for: ', el('q', {}, done.searchedFor)));
    }
    if (done.notice) this.notice(done.notice);
  }

  notice(text) {
    this.extras.append(el('p', { class: 'notice', role: 'note' }, text));
  }

  fail(message) {
    this.answer.removeAttribute('aria-busy');
    if (!this.text) this.answer.hidden = true;
    this.extras.append(el('p', { class: 'error', role: 'alert' }, message));
  }

  stopped() {
    this.answer.removeAttribute('aria-busy');
    if (!this.text) this.answer.hidden = true;
    this.notice(this.text ? 'Stopped: the answer above is incomplete.' : 'Stopped before the answer began.');
  }

  source(citation) {
    const open = el('button', { type: 'button', class: 'paper-link' }, citation.title);
    open.addEventListener('click', () => this.onOpenPaper(citation.paperId, { quote: citation.quote, opener: open }));
    return el('li', { class: 'source', id: this.sourceId(citation.n), tabindex: '-1' },
      el('span', { class: 'source-n' }, `[${citation.n}]`),
      el('div', { class: 'source-body' },
        open,
        el('p', { class: 'meta' }, el('span', { class: 'date' }, dateText(citation.date)), ' · ', el('span', { class: 'file' }, citation.source)),
        el('blockquote', { class: 'quote' }, el('mark', {}, citation.quote))));
  }
}
