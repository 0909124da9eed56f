// "/connexion": address and password; an address with accounts in several collectivities is
// asked which one (the API names the field /collectivity_id).
import { h } from "../dom.js";
import { field, onSubmit } from "../forms.js";
import { navigate } from "../router.js";
import { login } from "../session.js";
import { homeOf } from "./home.js";

export default async function render(page, { query }) {
  const form = h("form", { novalidate: true },
    field({ label: "Adresse électronique", name: "email", type: "email", required: true, attrs: { autocomplete: "username", inputmode: "email" } }),
    field({ label: "Mot de passe", name: "password", type: "password", required: true, attrs: { autocomplete: "current-password" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Se connecter")),
    h("p", {}, h("a", { href: "/mot-de-passe-oublie" }, "Mot de passe oublié ?")));
  onSubmit(form, async (data) => {
    const who = await login(String(data.get("email")).trim(), String(data.get("password")), data.get("collectivity_id"));
    window.dispatchEvent(new Event("nuitee:session"));
    const next = query.get("suite");
    navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : (homeOf(who) ?? "/"), { replaceState: true });
  });
  page.append(h("h1", {}, "Se connecter"), form);
  return "Se connecter";
}
