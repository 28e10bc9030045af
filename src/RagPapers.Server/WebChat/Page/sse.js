// Server-Sent Events over fetch: EventSource cannot POST a question or send the X-Api-Key header. Parsed as the
// HTML standard says: "event:" and "data:" fields, an empty line ends an event, lines starting with ":" are
// comments, a missing event type is "message".

import { NetworkError, isAbort } from './api.js';

/** Yields { type, data } for each event of a text/event-stream response, until the stream ends or is aborted. */
export async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = '';
  let data = [];
  try {
    for (;;) {
      const { value, done } = await read(reader);
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { type: type || 'message', data: data.join('\n') };
          type = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') type = text;
        else if (field === 'data') data.push(text);
      }
    }
  } finally {
    reader.cancel().catch(() => {}); // a consumer that stops early closes the connection
  }
}

// A connection lost mid-stream is the network's fault, not the page's; an abort (Stop) stays an abort.
async function read(reader) {
  try {
    return await reader.read();
  } catch (error) {
    throw isAbort(error) ? error : new NetworkError(error);
  }
}
