import { h } from "../dom.js";

export default async function render(page) {
  page.append(h("h1", {}, "Accès refusé"),
    h("p", {}, "Votre compte ne donne pas accès à cette page."),
    h("p", {}, h("a", { href: "/" }, "Revenir à votre accueil")));
  return "Accès refusé";
}
