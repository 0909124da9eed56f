// Finance: payments, imports, the budget and its reconciliation, the exports.
import { hasRole } from "../session.js";

const finance = (who) => hasRole(who, "finance");

export const routes = [
  { path: "/finances", page: () => import("../pages/finance/overview.js"), allow: finance },
  { path: "/finances/paiements", page: () => import("../pages/finance/payments.js"), allow: finance },
  { path: "/finances/paiements/nouveau", page: () => import("../pages/finance/payment-new.js"), allow: finance },
  { path: "/finances/paiements/:payment_id", page: () => import("../pages/finance/payment.js"), allow: finance },
  { path: "/finances/releves-bancaires", page: () => import("../pages/finance/bank-statements.js"), allow: finance },
  { path: "/finances/plateformes", page: () => import("../pages/finance/platforms.js"), allow: finance },
  { path: "/finances/budget", page: () => import("../pages/finance/budget.js"), allow: finance },
  { path: "/finances/budget/:year", page: () => import("../pages/finance/budget.js"), allow: finance },
  { path: "/finances/exports", page: () => import("../pages/finance/exports.js"), allow: finance },
];

export function navigation(who) {
  if (!finance(who)) return [];
  return [
    { href: "/finances", label: "Finances" },
    { href: "/finances/paiements", label: "Paiements" },
    { href: "/finances/releves-bancaires", label: "Relevés bancaires" },
    { href: "/finances/plateformes", label: "Plateformes" },
    { href: `/finances/budget/${new Date().getFullYear()}`, label: "Budget" },
    { href: "/finances/exports", label: "Exports" },
  ];
}
