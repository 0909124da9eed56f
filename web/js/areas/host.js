// The host's space (hébergeurs and the managers they granted access to).
import { isHostSide } from "../session.js";

const host = (who) => isHostSide(who);

export const routes = [];

export function navigation(who) {
  if (!host(who)) return [];
  return [];
}
