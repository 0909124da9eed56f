// "/referent": the dashboard of the twelve months before this one: how many accommodations
// declared each month, the nights by category and by commune, the tax declared. Every figure comes
// from the API (enforcement-dashboard and the synthesis of nights); each chart has its table and
// its CSV, and the API's own CSV gives the nights per month and per commune.
import { h, download } from "../../dom.js";
import { get, request } from "../../api.js";
import { barChart } from "../../charts.js";
import { euros, number, month } from "../../format.js";
import { communeNames } from "./collectivity.js";
import { horizontalBarChart } from "./hbar-chart.js";

// Under the bars: "nov. 25", "déc.", "janv. 26"…: the year only where it changes, so that the
// labels fit under their bars.
const shortMonth = new Intl.DateTimeFormat("fr-FR", { month: "short", timeZone: "UTC" });
const axisMonth = (iso, i) => {
  const name = shortMonth.format(new Date(`${iso}-01T00:00:00Z`));
  return i === 0 || iso.endsWith("-01") ? `${name} ${iso.slice(2, 4)}` : name;
};
const percent = (value) => `${value.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;

// The legal grid's nine categories in three groups, so that the chart keeps one pattern per
// series (four patterns at most stay distinguishable without colour); the table by category
// below gives the nine.
const GROUPS = [
  { name: "Hôtels, meublés et résidences classés", categories: ["palace", "star5", "star4", "star3", "star2", "star1"] },
  { name: "Campings classés", categories: ["camping_3_5", "camping_1_2"] },
  { name: "Non classés", categories: ["unclassified"] },
];

export default async function render(root, { principal }) {
  const collectivity = principal.collectivity_id;
  const base = `/v1/collectivities/${collectivity}`;
  const dashboard = await get(`${base}/enforcement-dashboard`);
  const period = { from: dashboard.from, to: dashboard.to };
  const [byCategory, byCommune, names] = await Promise.all([
    get(`${base}/nights`, { ...period, group_by: "month,category" }),
    get(`${base}/nights`, { ...period, group_by: "commune" }),
    communeNames(collectivity),
  ]);
  const months = dashboard.months;
  const categories = months.map((each, i) => axisMonth(each.month, i));
  const title = "Tableau de bord";
  const page = h("div", { class: "referent-charts" });
  root.append(page);
  const latest = [...months].reverse().find((each) => each.awaited === 0) ?? months.at(-1);
  const rate = (figures) => (figures.expected ? (figures.declared / figures.expected) * 100 : 0);
  const onTime = (figures) => (figures.expected ? (figures.declared_on_time / figures.expected) * 100 : 0);

  page.append(
    h("h1", {}, title),
    h("p", { class: "muted" }, `Du ${month(dashboard.from)} au ${month(dashboard.to)}, chiffres au ${new Date(`${dashboard.as_of}T00:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "UTC" })}.`),
    latest ? h("div", { class: "figures" },
      figure(percent(rate(latest)), `des hébergements ont déclaré ${month(latest.month)}`),
      figure(number(latest.missing), `déclarations manquantes pour ${month(latest.month)}`),
      figure(euros(latest.tax_declared_cents), `de taxe déclarée pour ${month(latest.month)}`),
      figure(euros(latest.tax_at_stake_cents), `de taxe en jeu dans les déclarations manquantes de ${month(latest.month)}`)) : null,
    h("p", {}, h("a", { href: "/referent/non-declarants" }, "Voir la liste des hébergements qui n'ont pas déclaré")));

  page.append(h("h2", {}, "Taux de déclaration par mois"),
    h("p", {}, "Part des hébergements qui devaient déclarer le mois et l'ont fait (y compris les déclarations « aucune location »), et part de ceux qui l'ont fait avant la date limite."),
    scrollable(barChart({
      title: "Taux de déclaration par mois",
      categories,
      series: [
        { name: "Ont déclaré", values: months.map(rate) },
        { name: "Ont déclaré à temps", values: months.map(onTime) },
      ],
      format: percent,
      fileName: "taux-de-declaration.csv",
    })),
    declarationTable(months));

  page.append(h("h2", {}, "Nuitées par mois et par catégorie"),
    h("p", {}, "Une nuitée, c'est une nuit passée par une personne dans un hébergement (les personnes exonérées comprises)."),
    scrollable(barChart({
      title: "Nuitées par mois et par catégorie d'hébergement",
      categories,
      series: GROUPS.map((group) => ({
        name: group.name,
        values: months.map((each) => byCategory.items
          .filter((item) => item.month === each.month && group.categories.includes(item.category))
          .reduce((sum, item) => sum + item.person_nights, 0)),
      })),
      format: number,
      fileName: "nuitees-par-categorie.csv",
    })));

  const communeItems = [...byCommune.items].sort((a, b) => b.person_nights - a.person_nights);
  page.append(h("h2", {}, "Nuitées par commune"),
    scrollable(horizontalBarChart({
      title: `Nuitées par commune, du ${month(dashboard.from)} au ${month(dashboard.to)}`,
      labels: communeItems.map((item) => names.get(item.commune) ?? item.commune),
      values: communeItems.map((item) => item.person_nights),
      valueLabel: "Nuitées",
      format: number,
      fileName: "nuitees-par-commune.csv",
    })),
    h("div", { class: "actions" }, h("button", {
      type: "button",
      class: "secondary",
      onclick: async () => {
        const blob = await request("GET", `${base}/nights`, { query: { ...period, group_by: "month,commune" }, headers: { Accept: "text/csv" }, accept: "blob" });
        download(blob, "nuitees-par-mois-et-par-commune.csv");
      },
    }, "Télécharger les nuitées par mois et par commune (CSV)")));

  page.append(h("h2", {}, "Taxe déclarée par mois"),
    h("p", {}, "La taxe que les hébergeurs ont déclarée (dernière version de chaque déclaration), et celle qui serait due pour les mois qu'ils n'ont pas déclarés."),
    scrollable(barChart({
      title: "Taxe déclarée par mois",
      categories,
      series: [
        { name: "Taxe déclarée (€)", values: months.map((each) => each.tax_declared_cents / 100) },
        { name: "Taxe en jeu dans les mois non déclarés (€)", values: months.map((each) => each.tax_at_stake_cents / 100) },
      ],
      format: (value) => euros(Math.round(value * 100)),
      fileName: "taxe-declaree.csv",
    })));
  return title;
}

// The chart's frame scrolls sideways on a phone: keyboard users reach it too (WCAG 2.1.1).
function scrollable(chart) {
  const frame = chart.querySelector(".table-wrap");
  frame.setAttribute("tabindex", "0");
  frame.setAttribute("role", "region");
  frame.setAttribute("aria-label", `${chart.querySelector("figcaption").textContent} (graphique)`);
  return chart;
}

function figure(value, text) {
  return h("div", { class: "figure" }, h("span", { class: "value" }, value), h("span", { class: "label" }, text));
}

function declarationTable(months) {
  const rows = months.map((each) => [month(each.month), each.expected, each.declared_on_time, each.declared_late, each.nil, each.missing, each.awaited]);
  const headers = ["Mois", "Devaient déclarer", "À temps", "En retard", "Dont « aucune location »", "Manquantes", "Pas encore dues"];
  return h("details", {}, h("summary", {}, "Le détail des déclarations par mois"),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Déclarations par mois" },
      h("table", {},
        h("caption", {}, "Déclarations par mois"),
        h("thead", {}, h("tr", {}, headers.map((text, i) => h("th", { scope: "col", class: i ? "num" : null }, text)))),
        h("tbody", {}, rows.map(([first, ...rest]) => h("tr", {},
          h("th", { scope: "row" }, first), rest.map((value) => h("td", { class: "num" }, number(value)))))))));
}
