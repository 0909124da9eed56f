// The referent's back office (référent taxe de séjour, and the collectivity's admins): the
// dashboard, the register and its files, creating and inviting hosts, the worklist of
// non-declarers and the letters.
import { hasRole } from "../session.js";

const referent = (who) => hasRole(who, "referent") || hasRole(who, "admin");
const dashboard = () => import("../pages/staff/dashboard.js");

export const routes = [
  // "/referent" is the referent's home (pages/home.js); the menu names the dashboard by its own
  // address so that only one entry is marked as the current page.
  { path: "/referent", page: dashboard, allow: referent },
  { path: "/referent/tableau-de-bord", page: dashboard, allow: referent },
  { path: "/referent/registre", page: () => import("../pages/staff/register.js"), allow: referent },
  { path: "/referent/hebergements/:id", page: () => import("../pages/staff/accommodation.js"), allow: referent },
  { path: "/referent/hebergeurs/nouveau", page: () => import("../pages/staff/host-new.js"), allow: referent },
  { path: "/referent/hebergeurs/:id", page: () => import("../pages/staff/host.js"), allow: referent },
  { path: "/referent/non-declarants", page: () => import("../pages/staff/non-declarers.js"), allow: referent },
  { path: "/referent/mises-en-demeure", page: () => import("../pages/staff/letters.js"), allow: referent },
];

export function navigation(who) {
  if (!referent(who)) return [];
  return [
    { href: "/referent/tableau-de-bord", label: "Tableau de bord" },
    { href: "/referent/registre", label: "Registre" },
    { href: "/referent/non-declarants", label: "Non-déclarants" },
    { href: "/referent/mises-en-demeure", label: "Mises en demeure" },
  ];
}
