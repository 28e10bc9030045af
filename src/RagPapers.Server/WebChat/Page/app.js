// The chat page: wires the composer, the two modes (ask, search), the paper panel and the API key state together.
// It talks to the public HTTP API of the server that serves it, and to nothing else.

import { Chat } from './chat.js';
import { currentKey, forgetKey, onKeyChange } from './keys.js';
import { PaperPanel } from './paper.js';
import { Search } from './search.js';

const $ = (id) => document.getElementById(id);

const status = $('status');
const question = $('question');
const submit = $('submit');
const stop = $('stop');
const paper = new PaperPanel({ panel: $('paper'), body: $('paper-body'), close: $('paper-close'), status });
const openPaper = (paperId, options) => paper.open(paperId, options);
const chat = new Chat({ list: $('turns'), intro: $('chat-intro'), status, onBusy: setBusy, onOpenPaper: openPaper });
const search = new Search({ results: $('search-results'), intro: $('search-intro'), status, onOpenPaper: openPaper });
let mode = 'ask';

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = question.value.trim();
  if (!text) {
    status.textContent = mode === 'ask' ? 'Type a question first.' : 'Type what to search for first.';
    question.focus();
    return;
  }
  if (mode === 'ask') {
    if (chat.busy) return;
    question.value = '';
    chat.ask(text, filters());
  } else {
    search.run(text, filtersForSearch());
  }
});

stop.addEventListener('click', () => {
  chat.stop();
  question.focus();
});

question.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && chat.busy) {
    event.preventDefault();
    chat.stop();
  }
});

$('new-chat').addEventListener('click', () => {
  chat.reset();
  setMode('ask');
  question.focus();
});

$('mode-ask').addEventListener('click', () => setMode('ask'));
$('mode-search').addEventListener('click', () => setMode('search'));

$('forget-key').addEventListener('click', () => {
  forgetKey();
  status.textContent = 'The API key is forgotten; the page asks again when the server needs one.';
  question.focus();
});
onKeyChange(showKeyState);
showKeyState(currentKey());

function setMode(next) {
  mode = next;
  const asking = next === 'ask';
  $('mode-ask').setAttribute('aria-pressed', String(asking));
  $('mode-search').setAttribute('aria-pressed', String(!asking));
  $('chat-view').hidden = !asking;
  $('search-view').hidden = asking;
  submit.textContent = asking ? 'Ask' : 'Search';
  question.placeholder = asking ? 'Ask about the papers…' : 'Search the papers…';
  $('question-label').textContent = asking ? 'Question' : 'Search';
  setBusy(chat.busy);
}

function setBusy(busy) {
  const streaming = busy && mode === 'ask';
  stop.hidden = !streaming;
  submit.disabled = streaming;
  if (!busy && document.activeElement === stop) question.focus();
}

// The filters of POST /api/ask: only those set, dates as yyyy-MM-dd (what <input type="date"> gives).
function filters() {
  const set = Object.entries(filtersForSearch()).filter(([, value]) => value);
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}

// includeUndated only matters with a date: sent as true or left out, never as false.
function filtersForSearch() {
  const includeUndated = $('filter-undated').checked ? true : undefined;
  return { from: $('filter-from').value, to: $('filter-to').value, source: $('filter-source').value.trim(), includeUndated };
}

function showKeyState(key) {
  $('key-state').hidden = !key;
}
