// "/": each signed-in user goes to their own space; others see what the portal is for.
import { h } from "../dom.js";
import { navigate } from "../router.js";
import { hasRole, isHostSide } from "../session.js";

export function homeOf(who) {
  if (!who) return null;
  if (isHostSide(who)) return "/hebergeur";
  if (hasRole(who, "referent") || hasRole(who, "admin")) return "/referent";
  if (hasRole(who, "finance")) return "/finances";
  return null;
}

export default async function render(page, { principal }) {
  const home = homeOf(principal);
  if (home) {
    queueMicrotask(() => navigate(home, { replaceState: true }));
    page.append(h("h1", {}, "Nuitée"));
    return "Accueil";
  }
  page.append(
    h("h1", {}, "La taxe de séjour, déclarée en ligne"),
    h("p", {}, "Hébergeurs : déclarez chaque mois les nuitées de vos hébergements, voyez la taxe calculée pas à pas, payez-la et retrouvez vos relevés."),
    h("p", {}, "Offices de tourisme et collectivités : tenez le registre, relancez les hébergeurs qui n'ont pas déclaré, suivez les paiements et le budget."),
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/connexion" }, "Se connecter"),
      h("a", { class: "button secondary", href: "/simulateur" }, "Simuler la taxe d'un séjour")));
  return "Accueil";
}
