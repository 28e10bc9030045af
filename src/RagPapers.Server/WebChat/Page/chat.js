// Ask mode: each question goes to POST /api/ask/stream with the conversation's id (follow-ups), and the answer
// is drawn as its events arrive. Stop aborts the request; the server cancels its work when the connection closes.

import { describe, isAbort, send } from './api.js';
import { withKey } from './keys.js';
import { readEvents } from './sse.js';
import { Turn } from './turn.js';

const expiredMessage = 'This conversation has expired on the server (it was idle too long). Ask again: the question starts a new conversation.';

const followSlack = 48; // px from the bottom that still count as "at the bottom"

export class Chat {
  constructor({ list, intro, status, onBusy, onOpenPaper }) {
    this.list = list;
    this.intro = intro;
    this.status = status;
    this.onBusy = onBusy;
    this.onOpenPaper = onOpenPaper;
    this.conversationId = null;
    this.controller = null;
    list.addEventListener('click', (event) => this.followCitation(event));
  }

  get busy() {
    return this.controller !== null;
  }

  async ask(question, filters) {
    const turn = new Turn(question, this.onOpenPaper);
    this.intro.hidden = true;
    this.list.append(turn.element);
    turn.element.scrollIntoView({ block: 'end' });
    const controller = new AbortController();
    this.controller = controller;
    this.onBusy(true);
    this.status.textContent = 'Writing the answer…';
    try {
      await this.stream(turn, { question, conversationId: this.conversationId ?? undefined, filters }, controller.signal);
    } catch (error) {
      if (!turn.element.isConnected) return; // "New chat" stopped it and cleared the conversation
      if (isAbort(error)) {
        turn.stopped();
        this.status.textContent = 'Stopped.';
      } else {
        turn.fail(this.expired(error) ? expiredMessage : describe(error));
        this.status.textContent = 'The question could not be answered.';
      }
    } finally {
      if (this.controller === controller) this.controller = null;
      this.onBusy(false);
    }
  }

  // The server forgets idle conversations: the next question then starts a new one.
  expired(error) {
    if (error?.status !== 404 || !this.conversationId) return false;
    this.conversationId = null;
    return true;
  }

  stop() {
    this.controller?.abort();
  }

  /** "New chat": stops any answer in progress and forgets the conversation, here and in the next request. */
  reset() {
    this.stop();
    this.conversationId = null;
    this.list.replaceChildren();
    this.intro.hidden = false;
    this.status.textContent = 'New chat: the next question starts a new conversation.';
  }

  async stream(turn, body, signal) {
    const response = await withKey(() => send('/api/ask/stream', { method: 'POST', body, accept: 'text/event-stream, application/problem+json', signal }));
    let finished = false;
    for await (const event of readEvents(response)) {
      finished = this.apply(turn, event) || finished;
    }
    if (!finished) {
      turn.fail('The answer was cut off: the server closed the stream before it ended. Try again.');
      this.status.textContent = 'The answer was cut off.';
    }
  }

  // One event of the stream; a reader at the bottom of the conversation stays there as the answer grows.
  apply(turn, event) {
    const pane = this.list.closest('.pane');
    const following = pane.scrollHeight - pane.scrollTop - pane.clientHeight < followSlack;
    const last = this.render(turn, event);
    if (following) pane.scrollTop = pane.scrollHeight;
    return last;
  }

  // Returns true when the stream has said its last word ("done" or "error").
  render(turn, { type, data }) {
    const payload = JSON.parse(data);
    switch (type) {
      case 'delta':
        turn.appendText(payload.text);
        return false;
      case 'answer':
        turn.setText(payload.text); // the checked final text replaces what was streamed
        return false;
      case 'citations':
        turn.setCitations(payload.citations);
        return false;
      case 'done':
        this.conversationId = payload.conversationId;
        turn.finish(payload);
        this.status.textContent = doneStatus(payload);
        return true;
      case 'error':
        this.conversationId = null;
        turn.fail(expiredMessage);
        this.status.textContent = 'The question could not be answered.';
        return true;
      default:
        return false;
    }
  }

  followCitation(event) {
    const link = event.target.closest('a.cite');
    if (!link) return;
    const turn = link.closest('.turn');
    const n = Number(link.dataset.n);
    const item = turn && document.getElementById(`${turn.id}-s${n}`);
    if (!item) return; // no such source (yet): let the link do nothing harmful
    event.preventDefault();
    for (const other of turn.querySelectorAll('.source.current')) other.classList.remove('current');
    item.classList.add('current');
    item.focus();
    item.scrollIntoView({ block: 'nearest' });
  }
}

function doneStatus(done) {
  const ms = done.timings?.totalMs;
  const time = typeof ms === 'number' ? ` in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}` : '';
  if (done.status === 'no_evidence') return 'Nothing in the collection answers this.';
  return `Answered by the ${done.writer} writer${time}.`;
}
