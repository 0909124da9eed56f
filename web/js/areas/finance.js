// Finance: payments, imports, the budget and its reconciliation, the exports.
import { hasRole } from "../session.js";

const finance = (who) => hasRole(who, "finance");

export const routes = [];

export function navigation(who) {
  if (!finance(who)) return [];
  return [];
}
