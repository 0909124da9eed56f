// "/referent/hebergeurs/:id": a host's file — who they are, their accommodations, and the
// invitation of their own account (POST /v1/hosts/{id}/users mails a link valid seven days).
import { h, replace, table, announce } from "../../dom.js";
import { getAll, get, post } from "../../api.js";
import { field, onSubmit } from "../../forms.js";
import { day } from "../../format.js";
import { ACCOMMODATION_STATUSES, CATEGORIES, NATURES, badge, label } from "./labels.js";

export default async function render(page, { params, query }) {
  const [host, accommodations] = await Promise.all([
    get(`/v1/hosts/${params.id}`),
    getAll(`/v1/hosts/${params.id}/accommodations`, { limit: 200 }),
  ]);
  const title = host.legal_name;
  page.append(
    h("p", {}, h("a", { href: "/referent/registre" }, "← Registre")),
    h("h1", {}, title),
    query.get("inscrit") ? h("div", { class: "notice success", role: "status" }, h("p", {}, "L'hébergeur est inscrit au registre. Vous pouvez maintenant l'inviter à déclarer en ligne.")) : null,
    h("p", {}, badge(host.status === "active" ? ["Actif", "ok"] : [`Archivé le ${day(host.archived_on)}`, "neutral"])),
    h("dl", { class: "facts wrap" },
      fact("Type", host.kind === "company" ? "Société ou association" : "Particulier"),
      host.siret ? fact("SIRET", host.siret) : null,
      fact("Adresse", `${host.address.line}, ${host.address.postal_code} ${host.address.city}`),
      fact("Adresse électronique", host.email ?? "—"),
      fact("Téléphone", host.phone ?? "—"),
      host.manager ? fact("Gestionnaire", `${host.manager.name} (${host.manager.email})`) : null),
    h("h2", {}, "Hébergements"),
    table({
      caption: `Hébergements de ${host.legal_name}`,
      empty: "Aucun hébergement inscrit pour cet hébergeur.",
      columns: [
        { label: "Hébergement", value: (row) => h("a", { href: `/referent/hebergements/${row.id}` }, row.name) },
        { label: "Commune", value: (row) => row.commune_name ?? row.commune },
        { label: "Nature", value: (row) => label(NATURES, row.nature) },
        { label: "Catégorie", value: (row) => label(CATEGORIES, row.category) },
        { label: "Situation", value: (row) => badge(ACCOMMODATION_STATUSES[row.status] ?? [row.status, "neutral"]) },
      ],
      rows: accommodations,
    }),
    invitation(host));
  return title;
}

function invitation(host) {
  const section = h("section", { "aria-labelledby": "titre-invitation" },
    h("h2", { id: "titre-invitation" }, "Inviter l'hébergeur à déclarer en ligne"),
    h("p", {}, "L'hébergeur reçoit par courriel un lien, valable sept jours, pour choisir son mot de passe. Il pourra ensuite déclarer et payer depuis son téléphone."));
  const form = h("form", { novalidate: true },
    field({ label: "Adresse électronique du compte", name: "email", type: "email", required: true, value: host.email ?? "" }),
    field({ label: "Nom affiché", name: "display_name", required: true, value: host.legal_name }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Envoyer l'invitation")));
  onSubmit(form, async (data) => {
    const account = await post(`/v1/hosts/${host.id}/users`, {
      email: String(data.get("email")).trim(),
      display_name: String(data.get("display_name")).trim(),
    });
    const message = account.invitation_sent
      ? `Invitation envoyée à ${account.email}.`
      : `Le compte ${account.email} est créé, mais l'invitation n'a pas pu partir : réessayez plus tard.`;
    replace(form, h("div", { class: account.invitation_sent ? "notice success" : "notice warning", role: "status" }, h("p", {}, message)));
    announce(message);
  });
  section.append(form);
  return section;
}

function fact(term, value) {
  return [h("dt", {}, term), h("dd", {}, value)];
}
