// The portal's only way to the API (/v1). The session is the HttpOnly cookie the login sets;
// writes carry the CSRF token the login returned (kept for the tab in sessionStorage). Errors
// come back as ApiError with the problem's field messages (problem+json, RFC 9457), keyed by
// their JSON pointer ("/lines/0/nights"), so forms can show each next to its field.

const CSRF_KEY = "nuitee.csrf";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erreur ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.fields = new Map((problem?.errors ?? []).map((each) => [each.pointer, each.detail]));
  }
}

export function rememberCsrf(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

function queryString(query) {
  if (!query) return "";
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === "") continue;
    parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

// request("POST", "/v1/…", { body, query, headers, accept }) -> parsed JSON (or null for 204);
// `accept: "blob"` returns a Blob (CSV, PDF downloads); `text` sends a text body as is (CSV).
export async function request(method, path, { body, text, contentType, query, headers = {}, accept = "json" } = {}) {
  const init = { method, headers: { Accept: accept === "json" ? "application/json" : "*/*", ...headers }, credentials: "same-origin" };
  if (method !== "GET" && method !== "HEAD") {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) init.headers["X-CSRF-Token"] = csrf;
  }
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  } else if (text !== undefined) {
    init.headers["Content-Type"] = contentType ?? "text/csv; charset=utf-8";
    init.body = text;
  }
  let response;
  try {
    response = await fetch(path + queryString(query), init);
  } catch {
    throw new ApiError(0, { title: "Service injoignable", detail: "Le service ne répond pas : vérifiez votre connexion et réessayez." });
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem ?? { title: `Erreur ${response.status}`, detail: "La demande n'a pas abouti." });
  }
  if (response.status === 204) return null;
  if (accept === "blob") return response.blob();
  if (accept === "text") return response.text();
  return response.json();
}

export const get = (path, query, options = {}) => request("GET", path, { ...options, query });
export const post = (path, body, options = {}) => request("POST", path, { ...options, body });
export const put = (path, body, options = {}) => request("PUT", path, { ...options, body });
export const patch = (path, body, options = {}) => request("PATCH", path, { ...options, body });

// Every page of a list: follows the API's cursor ("next_cursor") up to `limit` items.
export async function getAll(path, query = {}, { key = "items", limit = 2000 } = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path, { ...query, cursor });
    items.push(...(page[key] ?? []));
    cursor = page.next_cursor ?? null;
  } while (cursor && items.length < limit);
  return items;
}
