// What the finance pages share: the collectivity's API paths, the words for the API's codes, a
// host picker (search by name, then choose) and downloads that show the API's errors on the form.
import { h, replace, download } from "../dom.js";
import { get, request } from "../api.js";

// "/v1/collectivities/{id}" of the signed-in finance user.
export const base = (who) => `/v1/collectivities/${who.collectivity_id}`;

export const METHODS = { bank_transfer: "Virement", cheque: "Chèque", cash: "Espèces", online: "Paiement en ligne" };
export const ORIGINS = { manual: "saisi à la main", bank_statement: "relevé bancaire", online: "paiement en ligne" };
export const DEBT_KINDS = { declaration: "Taxe déclarée", assessment: "Taxation d'office", late_interest: "Intérêts de retard" };

// A host picker: a search field and a "Chercher" button fill a select named `name` (pointer
// `pointer`) with the collectivity's hosts whose name matches. `initial` = { id, label } preselects
// one (a page opened from a debtor's line).
export function hostPicker(who, { name = "host_id", pointer = "/host_id", label = "Hébergeur", required = true, initial } = {}) {
  const id = `${name}-${Math.random().toString(36).slice(2, 8)}`;
  const search = h("input", { id: `${id}-q`, type: "search", autocomplete: "off" });
  const select = h("select", { id, name, "data-pointer": pointer, required: required || null },
    initial ? h("option", { value: initial.id, selected: true }, initial.label) : h("option", { value: "" }, "— cherchez d'abord un nom —"));
  const status = h("p", { class: "muted", role: "status" });
  const find = async () => {
    const text = search.value.trim();
    try {
      const page = await get(`${base(who)}/hosts`, { q: text, limit: 30 });
      const items = page.items ?? [];
      replace(select, items.length ? items.map((host) =>
        h("option", { value: host.id }, `${host.legal_name} — ${host.address?.city ?? ""}`))
        : h("option", { value: "" }, "— aucun hébergeur trouvé —"));
      status.textContent = items.length ? `${items.length} hébergeur(s) trouvé(s) : choisissez dans la liste.` : "Aucun hébergeur ne correspond.";
    } catch (error) {
      status.textContent = error.message;
    }
  };
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); find(); } });
  return h("fieldset", { class: "field" },
    h("legend", {}, label),
    h("label", { for: search.id }, "Rechercher par nom"),
    h("div", { class: "finance-search" }, search, h("button", { type: "button", class: "secondary", onclick: find }, "Chercher")),
    status,
    h("label", { for: id }, "Hébergeur choisi"),
    select);
}

// Fetches a CSV/PDF from the API and saves it; an ApiError (with /query/… pointers) goes to the
// caller's form.
export async function fetchDownload(path, query, fileName) {
  const blob = await request("GET", path, { query, accept: "blob" });
  download(blob, fileName);
  return blob;
}

// The ISO day of a Date in the browser's calendar.
export function isoDay(date = new Date()) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

export function statusBadge(kind, words) {
  return h("span", { class: `badge ${kind}` }, words);
}

// The reconciliation report names categories and natures by their codes; the page says them in
// French (an unknown code is shown as is).
export const GROUP_WORDS = {
  camping_1_2: "Camping 1 ou 2 étoiles", camping_3_5: "Camping 3 à 5 étoiles",
  star1: "Classé 1 étoile", star2: "Classé 2 étoiles", star3: "Classé 3 étoiles", star4: "Classé 4 étoiles", star5: "Classé 5 étoiles",
  unclassified: "Non classé", taxation_d_office: "Taxations d'office",
  camper_van_area: "Aire de camping-cars", camping: "Camping", furnished_rental: "Meublé de tourisme",
  guest_house: "Chambres d'hôtes", holiday_village: "Village de vacances", hostel: "Auberge collective",
  hotel: "Hôtel", other: "Autre hébergement",
};
