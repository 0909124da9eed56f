// Who is signed in: the principal of GET /v1/auth/me (null when nobody is), read once per page
// load and after login/logout.
import { get, post, rememberCsrf, ApiError } from "./api.js";

let current = null;

export function principal() { return current; }

export async function loadPrincipal() {
  try {
    current = await get("/v1/auth/me");
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    current = null;
  }
  return current;
}

export async function login(email, password, collectivityId) {
  const session = await post("/v1/auth/login", { email, password, ...(collectivityId ? { collectivity_id: collectivityId } : {}) });
  rememberCsrf(session.csrf_token);
  current = session.principal;
  return current;
}

export async function logout() {
  try { await post("/v1/auth/logout"); } catch { /* the session may already be gone */ }
  rememberCsrf(null);
  current = null;
}

export const isStaff = (who) => who?.kind === "staff" || who?.kind === "operator";
export const hasRole = (who, role) => who?.roles?.includes(role) ?? false;
export const isHostSide = (who) => who?.kind === "host" || who?.kind === "manager";
// The host a host-side user acts for (the first it may act for; a manager may have several).
export const hostIdOf = (who) => who?.hosts?.[0] ?? null;
