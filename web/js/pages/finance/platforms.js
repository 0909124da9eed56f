// "/finances/plateformes": what the booking platforms (Airbnb…) collect for the collectivity —
// importing their statements, the lines no accommodation was found for (the referents decide on
// them), the reversements they paid, and the three reconciliation reports: collected vs paid per
// half-year, nights declared by hosts vs the platforms' files, and the overcharged guests.
import { h, replace, table, announce } from "../../dom.js";
import { get, post, request, getAll } from "../../api.js";
import { euros, number, shortDay, month, parseEuros, addMonths, isoMonth, dateTime } from "../../format.js";
import { field, onSubmit } from "../../forms.js";
import { navigate, render as redraw } from "../../router.js";
import { base, fetchDownload, isoDay } from "../../finance/common.js";

const DIRECTIONS = {
  declared_not_in_platform_files: "l'hébergeur a déclaré plus que les plateformes",
  in_platform_files_not_declared: "les plateformes comptent plus que l'hébergeur",
};
// The nights report can hold thousands of accommodation-months: the page shows the first ones,
// the CSV has them all.
const SHOWN = 50;
const OVERCHARGES = {
  unclassified_rate_on_classified: "tarif « non classé » appliqué à un hébergement classé",
  minors_taxed: "personnes exonérées (mineurs…) taxées",
};

export default async function render(page, { principal, query }) {
  const path = base(principal);
  const from = /^\d{4}-\d{2}$/.test(query.get("du") ?? "") ? query.get("du") : addMonths(isoMonth(), -12);
  const to = /^\d{4}-\d{2}$/.test(query.get("au") ?? "") ? query.get("au") : addMonths(isoMonth(), -1);
  const period = { from, to };
  const [platforms, statements, unmatched, reversements, collected, nights, overcharges] = await Promise.all([
    get(`${path}/platforms`),
    getAll(`${path}/platform-statements`, {}, { limit: 500 }),
    get(`${path}/platform-lines/unmatched`, { limit: 100 }),
    get(`${path}/platform-reversements`),
    get(`${path}/platform-reconciliation/reversements`, period),
    get(`${path}/platform-reconciliation/nights`, period),
    get(`${path}/platform-reconciliation/overcharges`, period),
  ]);
  const active = platforms.items.filter((each) => each.active);
  const platformOptions = active.map((each) => [each.platform_id, each.platform_name]);

  const importForm = h("form", { novalidate: true },
    field({ label: "Plateforme", name: "platform_id", pointer: "/query/platform_id", type: "select", required: true, options: platformOptions }),
    field({ label: "Relevé de la plateforme (CSV)", name: "file", type: "file", required: true, hint: "Le fichier de la déclaration de la plateforme : une ligne par séjour collecté.", attrs: { accept: ".csv,text/csv,text/plain" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Importer le relevé")));
  onSubmit(importForm, async (data) => {
    const file = data.get("file");
    if (!(file instanceof File) || !file.size) {
      const error = new Error("Aucun fichier choisi.");
      error.fields = new Map([["/file", "Choisissez le fichier CSV de la plateforme."]]);
      throw error;
    }
    const statement = await request("POST", `${path}/platform-statements`, { text: await file.text(), query: { platform_id: data.get("platform_id") } });
    announce(statement.duplicate ? "Ce relevé avait déjà été importé." : `Relevé importé : ${statement.new_lines} ligne(s), ${statement.unmatched} sans hébergement trouvé.`);
    await redraw();
  });

  const reversementForm = h("form", { novalidate: true },
    field({ label: "Plateforme", name: "platform_id", type: "select", required: true, options: platformOptions }),
    h("div", { class: "grid-2" },
      field({ label: "Montant reçu (€)", name: "amount", pointer: "/amount_cents", required: true, attrs: { inputmode: "decimal" } }),
      field({ label: "Reçu le", name: "received_on", type: "date", required: true, value: isoDay() }),
      field({ label: "Période payée : du", name: "period_start", type: "date", required: true }),
      field({ label: "au", name: "period_end", type: "date", required: true })),
    field({ label: "Référence bancaire du virement", name: "bank_reference", required: true, attrs: { maxlength: 200 } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Enregistrer le reversement")));
  onSubmit(reversementForm, async (data) => {
    const amount = parseEuros(data.get("amount") ?? "");
    if (amount === null || amount <= 0) {
      const error = new Error("Le montant n'est pas valable.");
      error.fields = new Map([["/amount_cents", "Indiquez un montant en euros, par exemple 1 250,00."]]);
      throw error;
    }
    await post(`${path}/platform-reversements`, {
      platform_id: data.get("platform_id"), amount_cents: amount, received_on: data.get("received_on"),
      period_start: data.get("period_start"), period_end: data.get("period_end"), bank_reference: String(data.get("bank_reference") ?? "").trim(),
    });
    announce("Le reversement est enregistré.");
    await redraw();
  });

  const periodForm = h("form", { novalidate: true, "aria-label": "Période des rapprochements" },
    h("div", { class: "grid-2" },
      field({ label: "Premier mois", name: "du", pointer: "/query/from", value: from, hint: "AAAA-MM", attrs: { inputmode: "numeric" } }),
      field({ label: "Dernier mois", name: "au", pointer: "/query/to", value: to, hint: "AAAA-MM", attrs: { inputmode: "numeric" } })),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Afficher cette période")));
  onSubmit(periodForm, async (data) => {
    // Asked first, so that a bad month is shown next to its field rather than as a broken page.
    await get(`${path}/platform-reconciliation/reversements`, { from: data.get("du"), to: data.get("au") });
    navigate(`/finances/plateformes?du=${encodeURIComponent(data.get("du"))}&au=${encodeURIComponent(data.get("au"))}`);
  });
  const csv = (report, name) => h("button", { type: "button", class: "secondary",
    onclick: () => fetchDownload(`${path}/platform-reconciliation/${report}`, { ...period, format: "csv" }, `${name}-${from}-${to}.csv`).catch((error) => announce(error.message)) },
  "Télécharger (CSV)");

  replace(page, 
    h("h1", {}, "Plateformes"),
    h("p", {}, "Les plateformes de réservation collectent la taxe pour le compte des hébergeurs et la reversent deux fois par an (au 30 juin et au 31 décembre). Leurs relevés disent ce qu'elles ont collecté, séjour par séjour."),
    h("h2", {}, "Importer un relevé de plateforme"),
    active.length ? importForm : h("p", { class: "notice" }, "Aucune plateforme n'est enregistrée pour le territoire : l'administrateur l'enregistre d'abord."),
    h("h2", {}, "Relevés importés"),
    table({
      caption: "Relevés des plateformes, du plus ancien au plus récent",
      empty: "Aucun relevé importé.",
      columns: [
        { label: "Plateforme", value: (row) => row.platform_name ?? "—" },
        { label: "Importé", value: (row) => dateTime(row.uploaded_at) },
        { label: "Collectes", value: (row) => `du ${shortDay(row.first_collection)} au ${shortDay(row.last_collection)}` },
        { label: "Lignes nouvelles", value: (row) => number(row.new_lines), numeric: true },
        { label: "Sans hébergement", value: (row) => number(row.unmatched), numeric: true },
        { label: "Collecté", value: (row) => euros(row.collected_cents), numeric: true },
      ],
      rows: statements,
    }),
    h("h2", {}, "Lignes sans hébergement trouvé"),
    h("p", { class: "muted" }, "Ni le numéro d'enregistrement ni l'adresse n'ont permis de trouver l'hébergement : souvent un hébergement absent du registre. Les référents les attribuent ou les écartent."),
    table({
      caption: "Lignes de plateformes à rapprocher",
      empty: "Aucune ligne en attente.",
      columns: [
        { label: "Plateforme", value: (row) => row.platform_name ?? "—" },
        { label: "Séjour", value: (row) => `du ${shortDay(row.stay_start)} au ${shortDay(row.stay_end)}` },
        { label: "Adresse", value: (row) => [row.address?.line, row.address?.postal_code, row.address?.city].filter(Boolean).join(", ") || "—" },
        { label: "N° d'enregistrement", value: (row) => row.registration_number ?? "—" },
        { label: "Collecté", value: (row) => euros(row.collected_cents), numeric: true },
      ],
      rows: unmatched.items,
    }),
    h("h2", {}, "Reversements reçus"),
    table({
      caption: "Reversements des plateformes",
      empty: "Aucun reversement enregistré.",
      columns: [
        { label: "Plateforme", value: (row) => row.platform_name ?? "—" },
        { label: "Reçu le", value: (row) => shortDay(row.received_on) },
        { label: "Période", value: (row) => `du ${shortDay(row.period_start)} au ${shortDay(row.period_end)}` },
        { label: "Référence", value: (row) => row.bank_reference },
        { label: "Montant", value: (row) => euros(row.amount_cents), numeric: true },
      ],
      rows: reversements.items,
    }),
    active.length ? h("details", {}, h("summary", {}, "Enregistrer un reversement reçu"), reversementForm) : null,
    h("h2", {}, "Rapprochements"),
    periodForm,
    h("h3", {}, "Collecté et reversé, par semestre"),
    table({
      caption: `Collecté et reversé par plateforme, de ${month(from)} à ${month(to)}`,
      empty: "Rien de collecté sur cette période.",
      columns: [
        { label: "Plateforme", value: (row) => row.platform_name },
        { label: "Semestre", value: (row) => `du ${shortDay(row.period_start)} au ${shortDay(row.period_end)}` },
        { label: "Collecté", value: (row) => euros(row.collected_cents), numeric: true },
        { label: "Reversé", value: (row) => euros(row.reversed_cents), numeric: true },
        { label: "Écart", value: (row) => euros(row.difference_cents), numeric: true },
      ],
      rows: collected.items,
      foot: ["Total", "", euros(collected.totals?.collected_cents), euros(collected.totals?.reversed_cents), euros(collected.totals?.difference_cents)],
    }),
    h("div", { class: "actions" }, csv("reversements", "plateformes-reversements")),
    h("h3", {}, "Nuitées : hébergeurs et plateformes"),
    h("p", { class: "muted" }, "Les mois où les nuitées qu'un hébergeur déclare collectées par une plateforme diffèrent de celles des relevés des plateformes."),
    table({
      caption: `Écarts de nuitées, de ${month(from)} à ${month(to)}`,
      empty: "Aucun écart.",
      columns: [
        { label: "Hébergement", value: (row) => row.accommodation_name ?? "—" },
        { label: "Hébergeur", value: (row) => row.host_name ?? "—" },
        { label: "Mois", value: (row) => month(row.month) },
        { label: "Déclarées", value: (row) => number(row.declared_nights), numeric: true },
        { label: "Plateformes", value: (row) => number(row.platform_nights), numeric: true },
        { label: "Sens", value: (row) => DIRECTIONS[row.direction] ?? row.direction },
      ],
      rows: nights.items.slice(0, SHOWN),
    }),
    nights.items.length > SHOWN ? h("p", {}, `Les ${number(SHOWN)} premiers des ${number(nights.items.length)} écarts ; tous sont dans le fichier CSV.`) : null,
    h("div", { class: "actions" }, csv("nights", "plateformes-nuitees")),
    h("h3", {}, "Voyageurs trop taxés"),
    table({
      caption: `Lignes où une plateforme a trop collecté, de ${month(from)} à ${month(to)}`,
      empty: "Aucun trop-perçu trouvé.",
      columns: [
        { label: "Cas", value: (row) => OVERCHARGES[row.kind] ?? row.kind },
        { label: "Collecté", value: (row) => euros(row.collected_cents), numeric: true },
        { label: "Attendu", value: (row) => euros(row.expected_cents), numeric: true },
        { label: "Trop-perçu", value: (row) => euros(row.excess_cents), numeric: true },
      ],
      rows: overcharges.items,
      foot: ["Total", "", "", euros(overcharges.total_excess_cents)],
    }),
    h("div", { class: "actions" }, csv("overcharges", "plateformes-trop-percus")));
  return "Plateformes";
}
