// "/referent/hebergeurs/nouveau": registers a host (a person or a company). The API checks
// everything at once and names each field it refuses; the new host's file then offers to invite
// the host's own account.
import { h } from "../../dom.js";
import { post } from "../../api.js";
import { field, onSubmit } from "../../forms.js";
import { navigate } from "../../router.js";

export default async function render(page, { principal }) {
  const title = "Inscrire un nouvel hébergeur";
  const text = (data, name) => {
    const value = String(data.get(name) ?? "").trim();
    return value === "" ? null : value;
  };
  const form = h("form", { novalidate: true },
    field({ label: "Type d'hébergeur", name: "kind", type: "select", required: true,
      options: [["person", "Une personne (particulier)"], ["company", "Une société ou une association"]] }),
    field({ label: "Nom et prénom, ou raison sociale", name: "legal_name", required: true, attrs: { autocomplete: "off" } }),
    field({ label: "SIRET", name: "siret", hint: "14 chiffres, obligatoire pour une société.", attrs: { inputmode: "numeric" } }),
    h("div", { class: "grid-2" },
      field({ label: "Adresse électronique", name: "email", type: "email", hint: "Pour les relances et l'invitation à déclarer en ligne." }),
      field({ label: "Téléphone", name: "phone", type: "tel" })),
    h("fieldset", {},
      h("legend", {}, "Adresse postale de l'hébergeur"),
      field({ label: "Numéro et rue", name: "line", pointer: "/address/line", required: true }),
      h("div", { class: "grid-2" },
        field({ label: "Code postal", name: "postal_code", pointer: "/address/postal_code", required: true, attrs: { inputmode: "numeric" } }),
        field({ label: "Commune", name: "city", pointer: "/address/city", required: true }))),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Inscrire l'hébergeur")));
  onSubmit(form, async (data) => {
    const host = await post(`/v1/collectivities/${principal.collectivity_id}/hosts`, {
      kind: data.get("kind"),
      legal_name: String(data.get("legal_name") ?? "").trim(),
      siret: text(data, "siret"),
      email: text(data, "email"),
      phone: text(data, "phone"),
      address: {
        line: String(data.get("line") ?? "").trim(),
        postal_code: String(data.get("postal_code") ?? "").trim(),
        city: String(data.get("city") ?? "").trim(),
      },
    });
    navigate(`/referent/hebergeurs/${host.id}?inscrit=1`);
  });
  page.append(h("p", {}, h("a", { href: "/referent/registre" }, "← Registre")), h("h1", {}, title), form);
  return title;
}
