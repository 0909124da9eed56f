// "/mot-de-passe-oublie": asks for a reset link by mail. The answer is the same whether the
// address is known or not (the API does not tell), and so is this page.
import { h, replace } from "../dom.js";
import { field, onSubmit } from "../forms.js";
import { post } from "../api.js";

export default async function render(page) {
  const form = h("form", { novalidate: true },
    h("p", {}, "Indiquez l'adresse de votre compte : si elle est connue, vous recevrez un lien pour choisir un nouveau mot de passe."),
    field({ label: "Adresse électronique", name: "email", type: "email", required: true, attrs: { autocomplete: "username" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Recevoir le lien")));
  onSubmit(form, async (data) => {
    await post("/v1/auth/password-resets", { email: String(data.get("email")).trim() });
    replace(form, h("div", { class: "notice success", role: "status" },
      h("p", {}, "Si un compte existe à cette adresse, un courriel vient de lui être envoyé. Le lien est valable une heure.")));
  });
  page.append(h("h1", {}, "Mot de passe oublié"), form);
  return "Mot de passe oublié";
}
