import { h } from "../dom.js";

export default async function render(page) {
  page.append(h("h1", {}, "Page introuvable"),
    h("p", {}, "Cette adresse ne correspond à aucune page du portail."),
    h("p", {}, h("a", { href: "/" }, "Revenir à l'accueil")));
  return "Page introuvable";
}
