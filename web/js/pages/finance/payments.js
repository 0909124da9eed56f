// "/finances/paiements": the payments received, filtered by period and means, page by page (the
// API lists them in the order recorded), each linking to its page (allocation, reversal).
import { h, replace, table } from "../../dom.js";
import { get } from "../../api.js";
import { euros, shortDay, addMonths, isoMonth } from "../../format.js";
import { field } from "../../forms.js";
import { navigate } from "../../router.js";
import { base, METHODS, ORIGINS, statusBadge } from "../../finance/common.js";

export default async function render(page, { principal, query }) {
  // By default the payments received since the first day of last month: recent ones, on one page.
  const from = query.get("du") ?? `${addMonths(isoMonth(), -1)}-01`;
  const to = query.get("au") ?? "";
  const method = query.get("moyen") ?? "";
  const cursor = query.get("suite") ?? "";
  const result = await get(`${base(principal)}/payments`, { from, to, method, cursor, limit: 100 });

  const filters = h("form", { class: "finance-filters", "aria-label": "Filtrer les paiements" },
    h("div", { class: "grid-2" },
      field({ label: "Reçus à partir du", name: "du", type: "date", value: from }),
      field({ label: "Jusqu'au (inclus)", name: "au", type: "date", value: to }),
      field({ label: "Moyen de paiement", name: "moyen", type: "select", value: method,
        options: [["", "Tous"], ...Object.entries(METHODS)] })),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Filtrer")));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(filters);
    const search = new URLSearchParams();
    for (const name of ["du", "au", "moyen"]) if (data.get(name)) search.set(name, data.get(name));
    navigate(`/finances/paiements?${search}`);
  });

  const next = new URLSearchParams(query);
  if (result.next_cursor) next.set("suite", result.next_cursor);
  replace(page, 
    h("h1", {}, "Paiements reçus"),
    h("p", {}, "Les paiements des hébergeurs : virements, chèques, espèces à la régie et paiements en ligne. Chaque paiement règle d'abord le mois que sa référence désigne, puis les dettes les plus anciennes ; le reste devient une avance."),
    h("div", { class: "actions" }, h("a", { class: "button", href: "/finances/paiements/nouveau" }, "Enregistrer un paiement")),
    h("h2", {}, "Rechercher"),
    filters,
    h("h2", {}, "Les paiements"),
    table({
      caption: cursor ? "Paiements reçus (suite)" : "Paiements reçus, dans l'ordre où ils ont été enregistrés",
      empty: "Aucun paiement sur cette période.",
      columns: [
        { label: "Reçu le", value: (row) => shortDay(row.received_on) },
        { label: "Hébergeur", value: (row) => h("a", { href: `/finances/paiements/${row.id}` }, row.host_name ?? "Hébergeur") },
        { label: "Moyen", value: (row) => `${METHODS[row.method] ?? row.method} (${ORIGINS[row.origin] ?? row.origin})` },
        { label: "Montant", value: (row) => euros(row.amount_cents), numeric: true },
        { label: "État", value: (row) => row.reversed ? statusBadge("error", "Annulé") : statusBadge("ok", "Enregistré") },
        { label: "Référence", value: (row) => row.payer_reference ?? row.cheque_number ?? "—" },
      ],
      rows: result.items,
    }),
    h("div", { class: "actions" },
      cursor ? h("a", { href: `/finances/paiements?${new URLSearchParams([...query].filter(([name]) => name !== "suite"))}` }, "Revenir au début") : null,
      result.next_cursor ? h("a", { href: `/finances/paiements?${next}` }, "Paiements suivants") : null));
  return "Paiements reçus";
}
