// "/referent/registre": the register of accommodations, searched and filtered by the API
// (text, commune, nature, category and status today), one page at a time with the API's cursor;
// the filters live in the address, so a filtered list can be bookmarked and shared. Below it, a
// search among the hosts, and the way to create one.
import { h, table } from "../../dom.js";
import { get } from "../../api.js";
import { field } from "../../forms.js";
import { navigate } from "../../router.js";
import { ACCOMMODATION_STATUSES, CATEGORIES, NATURES, badge, label, options } from "./labels.js";
import { readCollectivity } from "./collectivity.js";

const FILTERS = ["q", "commune", "nature", "category", "status"];

export default async function render(page, { principal, query }) {
  const collectivity = await readCollectivity(principal.collectivity_id);
  const names = new Map(collectivity.communes.map((commune) => [commune.insee_code, commune.name]));
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ""]));
  const cursor = query.get("cursor");
  const list = await get(`/v1/collectivities/${principal.collectivity_id}/accommodations`, { ...filters, cursor, limit: 25 });
  const title = "Registre des hébergements";

  const form = h("form", { class: "filters", role: "search", "aria-label": "Filtrer le registre" },
    field({ label: "Rechercher", name: "q", type: "search", value: filters.q, hint: "Nom, adresse ou numéro d'enregistrement." }),
    h("div", { class: "grid-2" },
      field({ label: "Commune", name: "commune", type: "select", value: filters.commune,
        options: [["", "Toutes les communes"], ...collectivity.communes.map((commune) => [commune.insee_code, commune.name])] }),
      field({ label: "Nature", name: "nature", type: "select", value: filters.nature, options: options(NATURES, "Toutes les natures") }),
      field({ label: "Catégorie de tarif", name: "category", type: "select", value: filters.category, options: options(CATEGORIES, "Toutes les catégories") }),
      field({ label: "Situation aujourd'hui", name: "status", type: "select", value: filters.status, options: options(ACCOMMODATION_STATUSES, "Toutes") })),
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Filtrer"),
      h("a", { class: "button secondary", href: "/referent/registre" }, "Effacer les filtres")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const name of FILTERS) if (data.get(name)) next.set(name, String(data.get(name)));
    navigate(`/referent/registre${next.size ? `?${next}` : ""}`);
  });

  const nextPage = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  if (list.next_cursor) nextPage.set("cursor", list.next_cursor);
  const firstPage = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));

  page.append(h("h1", {}, title),
    h("div", { class: "actions" }, h("a", { class: "button", href: "/referent/hebergeurs/nouveau" }, "Inscrire un nouvel hébergeur")),
    h("h2", {}, "Filtrer"),
    form,
    h("h2", { id: "resultats" }, "Hébergements"),
    table({
      caption: cursor ? "Hébergements du registre (suite)" : "Hébergements du registre",
      empty: "Aucun hébergement ne correspond à ces critères.",
      columns: [
        { label: "Hébergement", value: (row) => h("a", { href: `/referent/hebergements/${row.id}` }, row.name) },
        { label: "Commune", value: (row) => row.commune_name ?? names.get(row.commune) ?? row.commune },
        { label: "Nature", value: (row) => label(NATURES, row.nature) },
        { label: "Catégorie", value: (row) => label(CATEGORIES, row.category) },
        { label: "Situation", value: (row) => badge(ACCOMMODATION_STATUSES[row.status] ?? [row.status, "neutral"]) },
        { label: "Hébergeur", value: (row) => h("a", { href: `/referent/hebergeurs/${row.host_id}` }, "Fiche de l'hébergeur") },
      ],
      rows: list.items,
    }),
    h("nav", { class: "actions", "aria-label": "Pages du registre" },
      cursor ? h("a", { class: "button secondary", href: `/referent/registre${firstPage.size ? `?${firstPage}` : ""}` }, "Première page") : null,
      list.next_cursor ? h("a", { class: "button secondary", href: `/referent/registre?${nextPage}` }, "Page suivante") : null),
    hostSearch(principal.collectivity_id));
  return title;
}

// The hosts, found by name, address or SIRET (the API's free-text search).
function hostSearch(collectivity) {
  const results = h("div", { "aria-live": "polite" });
  const form = h("form", { role: "search", "aria-label": "Chercher un hébergeur" },
    field({ label: "Nom, adresse ou SIRET de l'hébergeur", name: "hote", type: "search" }),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Chercher l'hébergeur")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const hosts = await get(`/v1/collectivities/${collectivity}/hosts`, { q: String(new FormData(form).get("hote")).trim(), limit: 25 });
    results.replaceChildren(table({
      caption: "Hébergeurs trouvés",
      empty: "Aucun hébergeur ne correspond.",
      columns: [
        { label: "Hébergeur", value: (row) => h("a", { href: `/referent/hebergeurs/${row.id}` }, row.legal_name) },
        { label: "Commune", value: (row) => row.address.city },
        { label: "Adresse électronique", value: (row) => row.email ?? "—" },
      ],
      rows: hosts.items,
    }));
  });
  return h("section", { "aria-labelledby": "titre-hebergeurs" },
    h("h2", { id: "titre-hebergeurs" }, "Chercher un hébergeur"), form, results);
}
