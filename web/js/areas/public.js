// Pages anyone may open: the home page, signing in, the links of invitation and reset mails.
export const routes = [
  { path: "/", page: () => import("../pages/home.js") },
  { path: "/connexion", page: () => import("../pages/login.js") },
  { path: "/mot-de-passe-oublie", page: () => import("../pages/forgot-password.js") },
  { path: "/compte/activer", page: () => import("../pages/account-link.js") },
  { path: "/compte/mot-de-passe", page: () => import("../pages/account-link.js") },
];

export function navigation() { return []; }
