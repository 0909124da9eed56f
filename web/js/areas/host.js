// The host's space (hébergeurs and the managers they granted access to), and "/compte", the
// account page of every signed-in user.
import { isHostSide } from "../session.js";

const host = (who) => isHostSide(who);

export const routes = [
  { path: "/hebergeur", page: () => import("../pages/host/accommodations.js"), allow: host },
  { path: "/hebergeur/declarations/:accommodation/:month", page: () => import("../pages/host/declaration.js"), allow: host },
  { path: "/hebergeur/releve", page: () => import("../pages/host/statement.js"), allow: host },
  { path: "/compte", page: () => import("../pages/account.js"), allow: (who) => !!who },
];

export function navigation(who) {
  if (!host(who)) return [];
  return [
    { href: "/hebergeur", label: "Mes hébergements" },
    { href: "/hebergeur/releve", label: "Mon relevé" },
  ];
}
