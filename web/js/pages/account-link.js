// "/compte/activer#jeton=…" (invitation) and "/compte/mot-de-passe#jeton=…" (reset): the token
// is in the fragment, which never reaches a server log; the page sends it with the new password.
import { h, replace } from "../dom.js";
import { field, onSubmit } from "../forms.js";
import { post } from "../api.js";

export default async function render(page, { hash }) {
  const invitation = location.pathname.startsWith("/compte/activer");
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("jeton");
  const title = invitation ? "Activer votre compte" : "Choisir un nouveau mot de passe";
  page.append(h("h1", {}, title));
  if (!token) {
    page.append(h("div", { class: "notice error", role: "alert" },
      h("p", {}, "Ce lien est incomplet. Ouvrez le lien reçu par courriel tel quel, ou demandez-en un nouveau."),
      h("p", {}, h("a", { href: "/mot-de-passe-oublie" }, "Demander un nouveau lien"))));
    return title;
  }
  const form = h("form", { novalidate: true },
    field({ label: "Nouveau mot de passe", name: "password", type: "password", required: true,
      hint: "Au moins 12 caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner.",
      attrs: { autocomplete: "new-password", minlength: 12 } }),
    field({ label: "Confirmez le mot de passe", name: "confirmation", pointer: "/confirmation", type: "password", required: true, attrs: { autocomplete: "new-password" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, invitation ? "Activer mon compte" : "Changer le mot de passe")));
  onSubmit(form, async (data) => {
    const password = String(data.get("password"));
    if (password !== data.get("confirmation")) {
      const error = new Error("Les deux mots de passe diffèrent.");
      error.fields = new Map([["/confirmation", "Ce mot de passe n'est pas le même que le premier."]]);
      throw error;
    }
    await post(invitation ? "/v1/auth/invitations/accept" : "/v1/auth/password-resets/confirm", { token, password });
    history.replaceState(null, "", location.pathname); // the used token leaves the address bar
    replace(form, h("div", { class: "notice success", role: "status" },
      h("p", {}, invitation ? "Votre compte est activé." : "Votre mot de passe est changé."),
      h("p", {}, h("a", { class: "button", href: "/connexion" }, "Se connecter"))));
  });
  page.append(form);
  return title;
}
