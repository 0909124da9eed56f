// "/finances/budget/:year": the budget lines in force and their versions, and the reconciliation
// report of the fiscal year (declared, assessed, paid, outstanding; forecast and realised) by
// month, quarter, commune, nature or category — as charts, tables, and the API's PDF and CSV.
import { h, replace, table } from "../../dom.js";
import { get, ApiError } from "../../api.js";
import { euros, day, dateTime } from "../../format.js";
import { field, onSubmit } from "../../forms.js";
import { barChart } from "../../charts.js";
import { navigate } from "../../router.js";
import { base, fetchDownload, GROUP_WORDS } from "../../finance/common.js";
import { budgetForm } from "../../finance/budget-form.js";

const GROUPS = [["month", "Par mois"], ["quarter", "Par trimestre"], ["commune", "Par commune"], ["nature", "Par nature d'hébergement"], ["category", "Par catégorie (classement)"], ["year", "L'année entière"]];
const STAGES = { budget_primitif: "Budget primitif", budget_supplementaire: "Budget supplémentaire", decision_modificative: "Décision modificative" };
const shortMonth = new Intl.DateTimeFormat("fr-FR", { month: "short", timeZone: "UTC" });

export default async function render(page, { principal, params, query }) {
  const year = Number(params.year ?? new Date().getFullYear());
  if (!Number.isInteger(year) || year < 2000 || year > 2199) throw new Error("Cette année n'est pas valable.");
  const groupBy = GROUPS.some(([code]) => code === query.get("par")) ? query.get("par") : "month";
  const path = base(principal);
  const [report, budget, versions] = await Promise.all([
    get(`${path}/reconciliation`, { year, group_by: groupBy }),
    get(`${path}/budget/${year}`).catch((error) => { if (error instanceof ApiError && error.status === 404) return null; throw error; }),
    get(`${path}/budget/${year}/versions`).catch(() => ({ items: [] })),
  ]);
  const totals = report.totals;
  const choose = h("form", { class: "finance-filters", "aria-label": "Choisir l'exercice et le regroupement" },
    h("div", { class: "grid-2" },
      field({ label: "Exercice", name: "year", type: "number", value: year, attrs: { min: 2000, max: 2199, inputmode: "numeric" } }),
      field({ label: "Regrouper", name: "par", type: "select", value: groupBy, options: GROUPS })),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Afficher")));
  choose.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(choose);
    navigate(`/finances/budget/${Number(data.get("year")) || year}?par=${data.get("par")}`);
  });

  const longLabel = (row) => (groupBy === "category" || groupBy === "nature" ? GROUP_WORDS[row.key] : null) ?? row.label;
  const label = (row) => groupBy === "month" ? shortMonth.format(new Date(`${row.key}-01T00:00:00Z`)) : longLabel(row);
  const downloads = h("form", { novalidate: true, class: "finance-inline" },
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "secondary", value: "pdf" }, "Télécharger le rapport (PDF)"),
      h("button", { type: "submit", class: "secondary", value: "csv" }, "Télécharger le rapport (CSV)")));
  onSubmit(downloads, async (_, submitter) => {
    const format = submitter?.value ?? "pdf";
    await fetchDownload(`${path}/reconciliation`, { year, group_by: groupBy, format }, `rapprochement-${year}-${groupBy}.${format}`);
  });

  replace(page, 
    h("h1", {}, `Budget et rapprochement ${year}`),
    h("p", {}, "Le rapprochement compare, pour les mois de l'exercice, la taxe déclarée par les hébergeurs (et les taxations d'office, montants fixés par la collectivité quand l'hébergeur n'a pas déclaré), ce qui a été payé, et le reste à recouvrer. Les chiffres sont ceux du service, au ", day(report.edited_on), "."),
    choose,
    h("h2", {}, "L'essentiel"),
    h("ul", { class: "figures", "aria-label": `Totaux de l'exercice ${year}` },
      figure("rapprochement-declare", euros(totals.declared_cents), "déclaré (taxe et taxes additionnelles)"),
      figure("rapprochement-taxe-office", euros(totals.assessed_cents), "taxations d'office"),
      figure("rapprochement-paye", euros(totals.paid_cents), "payé"),
      figure("rapprochement-reste", euros(totals.outstanding_cents), "reste à recouvrer"),
      figure("rapprochement-prevu", euros(report.budget.forecast_tax_cents), "prévu au budget (taxe seule)"),
      figure("rapprochement-realise", euros(report.budget.realised_tax_cents), "réalisé (taxe seule)")),
    report.budget.realised_per_10000 !== null && report.budget.realised_per_10000 !== undefined
      ? h("p", {}, `Réalisé : ${(report.budget.realised_per_10000 / 100).toLocaleString("fr-FR")} % de la prévision.`) : null,
    downloads,
    h("h2", {}, "Déclaré, payé, reste à recouvrer"),
    barChart({
      title: `Déclaré, payé et reste à recouvrer, ${GROUPS.find(([code]) => code === groupBy)[1].toLowerCase()}, ${year}`,
      categories: report.rows.map(label),
      series: [
        { name: "Déclaré", values: report.rows.map((row) => row.declared_cents + row.assessed_cents) },
        { name: "Payé", values: report.rows.map((row) => row.paid_cents) },
        { name: "Reste à recouvrer", values: report.rows.map((row) => row.outstanding_cents) },
      ],
      format: euros,
      fileName: `rapprochement-${year}-${groupBy}-graphique.csv`,
    }),
    table({
      caption: `Rapprochement ${year}, ${GROUPS.find(([code]) => code === groupBy)[1].toLowerCase()}`,
      empty: "Rien n'est déclaré pour cet exercice.",
      columns: [
        { label: "Période ou groupe", value: longLabel },
        { label: "Taxe déclarée", value: (row) => euros(row.declared_tax_cents), numeric: true },
        { label: "Taxes additionnelles", value: (row) => euros(row.declared_additional_cents), numeric: true },
        { label: "Taxations d'office", value: (row) => euros(row.assessed_cents), numeric: true },
        { label: "Payé", value: (row) => euros(row.paid_cents), numeric: true },
        { label: "Reste à recouvrer", value: (row) => euros(row.outstanding_cents), numeric: true },
      ],
      rows: report.rows,
      foot: ["Total", euros(totals.declared_tax_cents), euros(totals.declared_additional_cents), euros(totals.assessed_cents), euros(totals.paid_cents), euros(totals.outstanding_cents)],
    }),
    h("h2", {}, "Prévu et réalisé"),
    barChart({
      title: `Taxe de séjour ${year} : prévue au budget et réalisée`,
      categories: ["Taxe de séjour"],
      series: [{ name: "Prévue", values: [report.budget.forecast_tax_cents] }, { name: "Réalisée", values: [report.budget.realised_tax_cents] }],
      format: euros,
      fileName: `budget-${year}-prevu-realise.csv`,
    }),
    h("h2", {}, "Taxes additionnelles à reverser"),
    h("p", { class: "muted" }, "Collectées pour d'autres (le département…) : la part payée leur revient, au prorata de ce que les hébergeurs ont payé."),
    table({
      caption: "Taxes additionnelles par bénéficiaire",
      empty: "Aucune taxe additionnelle.",
      columns: [
        { label: "Bénéficiaire", value: (row) => row.label ?? row.beneficiary },
        { label: "Prévu", value: (row) => euros(row.expected_cents), numeric: true },
        { label: "Déclaré", value: (row) => euros(row.declared_cents), numeric: true },
        { label: "Encaissé", value: (row) => euros(row.collected_cents), numeric: true },
        { label: "Reversé", value: (row) => euros(row.passed_on_cents), numeric: true },
        { label: "Reste à reverser", value: (row) => euros(row.to_pass_on_cents), numeric: true },
      ],
      rows: report.beneficiaries ?? [],
    }),
    h("h2", {}, "Office de tourisme"),
    h("p", {}, `Dotation : ${euros(report.tourist_office.allocation_cents)} ; versé : ${euros(report.tourist_office.paid_cents)} ; reste : ${euros(report.tourist_office.remaining_cents)}.`),
    table({
      caption: "Échéancier de l'office de tourisme",
      empty: "Aucune échéance prévue.",
      columns: [
        { label: "Échéance", value: (row) => `n° ${row.number}` },
        { label: "Date", value: (row) => day(row.due_on) },
        { label: "Montant", value: (row) => euros(row.amount_cents), numeric: true },
        { label: "Versé", value: (row) => euros(row.paid_cents), numeric: true },
      ],
      rows: report.tourist_office.instalments ?? [],
    }),
    h("h2", {}, "Le budget voté"),
    budget
      ? h("dl", { class: "facts finance-facts" },
        h("dt", {}, "Étape"), h("dd", {}, `${budget.stage_label ?? STAGES[budget.stage] ?? budget.stage} (version ${budget.version})`),
        budget.decision_reference ? [h("dt", {}, "Décision"), h("dd", {}, budget.decision_reference)] : null,
        budget.decided_on ? [h("dt", {}, "Votée le"), h("dd", {}, day(budget.decided_on))] : null,
        h("dt", {}, "Taxe de séjour prévue"), h("dd", {}, euros(budget.forecast_tax_cents)),
        h("dt", {}, "Taxes additionnelles prévues"), h("dd", {}, euros(budget.expected_additional_cents)),
        h("dt", {}, "Dotation de l'office de tourisme"), h("dd", {}, euros(budget.tourist_office_cents)),
        h("dt", {}, "Saisi"), h("dd", {}, `${dateTime(budget.recorded_at)} par ${budget.recorded_by}`))
      : h("p", {}, `Aucun budget n'est saisi pour ${year}.`),
    versions.items?.length ? h("details", {}, h("summary", {}, `Les ${versions.items.length} version(s) du budget`),
      h("ol", {}, versions.items.map((version) => h("li", {},
        `Version ${version.version} : ${version.stage_label ?? STAGES[version.stage] ?? version.stage} — ${dateTime(version.recorded_at)} par ${version.recorded_by ?? "—"}`,
        version.changes?.length ? h("ul", {}, version.changes.map((change) => h("li", {}, change))) : null)))) : null,
    budgetForm(principal, year, budget, report.beneficiaries ?? []));
  return `Budget et rapprochement ${year}`;
}

function figure(id, value, label) {
  return h("li", { class: "figure" }, h("span", { class: "value", id }, value), h("span", { class: "label" }, label));
}
