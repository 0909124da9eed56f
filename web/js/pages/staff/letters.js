// "/referent/mises-en-demeure": the mises en demeure the calendar prepared, one per host, to
// print (the API's PDF, as it was made) and send by registered letter; the day on the avis de
// réception is then recorded, which starts the 30 days before a taxation d'office.
import { h, table, download, announce } from "../../dom.js";
import { get, post, request } from "../../api.js";
import { field, onSubmit } from "../../forms.js";
import { day, month } from "../../format.js";

export default async function render(page, { principal, query }) {
  const pending = query.get("tous") !== "1";
  const letters = await get(`/v1/collectivities/${principal.collectivity_id}/enforcement-letters`, pending ? { delivered: "false" } : {});
  const title = "Mises en demeure";
  page.append(
    h("h1", {}, title),
    h("p", {}, "Quand un hébergeur n'a toujours pas déclaré après deux relances, Nuitée prépare une mise en demeure : une lettre à imprimer et à envoyer en recommandé avec avis de réception. Trente jours après sa réception, la collectivité peut fixer elle-même la taxe due (taxation d'office)."),
    h("p", {}, pending
      ? h("a", { href: "/referent/mises-en-demeure?tous=1" }, "Voir aussi les lettres déjà reçues")
      : h("a", { href: "/referent/mises-en-demeure" }, "Voir seulement les lettres dont la réception n'est pas enregistrée")),
    table({
      caption: pending ? "Lettres dont la réception n'est pas encore enregistrée" : "Toutes les mises en demeure",
      empty: pending ? "Aucune lettre en attente : rien à imprimer." : "Aucune mise en demeure pour l'instant.",
      columns: [
        { label: "Hébergeur", value: (row) => h("a", { href: `/referent/hebergeurs/${row.host_id}` }, row.host_name) },
        { label: "Datée du", value: (row) => day(row.dated_on) },
        { label: "Mois concernés", value: (row) => row.steps.map((step) => month(step.month)).join(", ") },
        { label: "Réception", value: (row) => (row.delivered ? h("span", { class: "badge ok" }, `Reçue le ${day(row.delivered_on)}`) : h("span", { class: "badge warn" }, "Pas encore enregistrée")) },
        { label: "Lettre", value: (row) => h("button", {
          type: "button",
          class: "secondary",
          "aria-label": `Télécharger la lettre à ${row.host_name} (PDF)`,
          onclick: async () => download(await request("GET", row.pdf_url, { accept: "blob" }), `mise-en-demeure-${row.dated_on}.pdf`),
        }, "Télécharger (PDF)") },
        { label: "Avis de réception", value: (row) => (row.delivered ? "—" : deliveryForm(row)) },
      ],
      rows: letters.items,
    }));
  return title;
}

// The day on the avis de réception; the API refuses a day in the future or before the letter.
function deliveryForm(letter) {
  const form = h("form", { novalidate: true, class: "inline-form" },
    field({ label: `Reçue le (lettre à ${letter.host_name})`, name: "delivered_on", type: "date", required: true }),
    h("button", { type: "submit", class: "secondary" }, "Enregistrer"));
  onSubmit(form, async (data) => {
    const saved = await post(`/v1/enforcement-letters/${letter.id}/delivery`, { delivered_on: data.get("delivered_on") || null });
    const message = `Réception du ${day(saved.delivered_on)} enregistrée.`;
    form.replaceWith(h("p", { class: "notice success", role: "status" }, message));
    announce(message);
  });
  return form;
}
