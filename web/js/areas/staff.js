// The referent's back office (référent taxe de séjour, and the collectivity's admins).
import { hasRole } from "../session.js";

const referent = (who) => hasRole(who, "referent") || hasRole(who, "admin");

export const routes = [];

export function navigation(who) {
  if (!referent(who)) return [];
  return [];
}
