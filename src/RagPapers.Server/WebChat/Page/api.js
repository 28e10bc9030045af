// Calls to the RagPapers HTTP API, on this origin only. Each error is an ApiError carrying the server's problem
// details (RFC 9457), so the page can explain a 401, 429 or 503 instead of going blank.

import { currentKey } from './keys.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  static async from(response) {
    let problem = {};
    try {
      const type = response.headers.get('Content-Type') || '';
      if (type.includes('json')) problem = await response.json();
    } catch {
      // a body that is not JSON: the status line still says what happened
    }
    return new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
}

/** The server could not be reached at all (fetch itself failed: server down, network gone). */
export class NetworkError extends Error {
  constructor(cause) {
    super('The server could not be reached.', { cause });
    this.name = 'NetworkError';
  }
}

/** Sends a request with the tab's API key (if any) and returns the response; throws ApiError unless it is 2xx. */
export async function send(path, { method = 'GET', body, accept = 'application/json, application/problem+json', signal } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const key = currentKey();
  if (key) headers['X-Api-Key'] = key;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw isAbort(error) ? error : new NetworkError(error);
  }
  if (!response.ok) throw await ApiError.from(response);
  return response;
}

export async function getJson(path, signal) {
  const response = await send(path, { signal });
  return response.json();
}

/** A path with its query string, leaving out empty parameters. */
export function withQuery(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') query.set(name, String(value).trim());
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

/** What went wrong, in a sentence a reader can act on. */
export function describe(error) {
  if (error instanceof NetworkError) return 'The server could not be reached. Check that it is running, then try again.';
  if (!(error instanceof ApiError)) return `Something went wrong on this page: ${error?.message ?? error}`;
  const detail = error.problem.detail || error.problem.title || '';
  switch (error.status) {
    case 401:
      return `This server needs an API key. ${detail}`;
    case 403:
      return `This key may not do that. ${detail}`;
    case 429:
      return `Too many requests: ${detail || `retry after ${error.retryAfter ?? 'a few'} s.`}`;
    case 503:
      return `The server is not ready yet. ${detail}${error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ''}`;
    case 504:
      return `The server took too long and gave up. ${detail}`;
    default:
      return [detail, ...fieldErrors(error.problem)].filter(Boolean).join(' ') || `The server answered ${error.status}.`;
  }
}

function fieldErrors(problem) {
  const errors = problem.errors ?? {};
  return Object.values(errors).flat().filter((message) => !String(problem.detail ?? '').includes(message));
}
