// The API key of this tab: asked for when the server first answers 401, kept in sessionStorage (this tab, until
// it closes; never localStorage, never a cookie) and sent in the X-Api-Key header.

const storageName = 'ragpapers.apiKey';
const listeners = new Set();
let pendingPrompt = null;

export function currentKey() {
  return sessionStorage.getItem(storageName);
}

export function forgetKey() {
  sessionStorage.removeItem(storageName);
  notify();
}

export function onKeyChange(listener) {
  listeners.add(listener);
}

/**
 * Runs a request; when the server answers 401, asks for a key (saying why: missing or not valid), keeps it and
 * runs the request again. Cancelling the prompt rethrows the 401, which the caller explains on the page.
 */
export async function withKey(request) {
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (error?.status !== 401) throw error;
      const key = await askForKey(error.problem?.detail);
      if (key === null) throw error;
      sessionStorage.setItem(storageName, key);
      notify();
    }
  }
}

// One prompt at a time: two requests refused together (a paper and its similar papers) share it.
function askForKey(reason) {
  pendingPrompt ??= prompt(reason).finally(() => { pendingPrompt = null; });
  return pendingPrompt;
}

function prompt(reason) {
  const dialog = document.getElementById('key-dialog');
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  const cancel = document.getElementById('key-cancel');
  document.getElementById('key-reason').textContent = reason
    ? `The server says: ${reason}`
    : 'This server needs an API key for its API.';
  input.value = '';
  return new Promise((resolve) => {
    const finish = (key) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      resolve(key);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (key) finish(key);
    };
    const onCancel = (event) => {
      event.preventDefault();
      finish(null);
    };
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel); // Escape
    dialog.showModal();
    input.focus();
  });
}

function notify() {
  for (const listener of listeners) listener(currentKey());
}
