// Small charts drawn as SVG, readable without colour: each series has its own pattern (plain,
// hatched, dotted) named in the legend, each bar carries its value, and the figures are always
// given as a table too (and as CSV), for screen readers and for whoever wants the numbers.
import { h, download } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const PATTERNS = [
  { id: "plein", label: "plein", draw: () => [] },
  { id: "hachures", label: "hachuré", draw: () => [["path", { d: "M0,6 L6,0", stroke: "#ffffff", "stroke-width": 1.5 }]] },
  { id: "points", label: "pointillé", draw: () => [["circle", { cx: 3, cy: 3, r: 1.3, fill: "#ffffff" }]] },
  { id: "croisillons", label: "quadrillé", draw: () => [["path", { d: "M0,3 L6,3 M3,0 L3,6", stroke: "#ffffff", "stroke-width": 1.2 }]] },
];
const INKS = ["#1d3f72", "#5b3a8c", "#1e6b34", "#7a4b00"];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children.flat()) if (child) element.append(child);
  return element;
}

let chartCounter = 0;

// barChart({ title, categories: ["janv.", …], series: [{ name, values: [numbers] }],
//            format: (value) => text, fileName: "nuitees.csv" }) -> <figure>
export function barChart({ title, categories, series, format = String, fileName = "donnees.csv" }) {
  const id = `graphique-${++chartCounter}`;
  const barWidth = 14;
  const groupGap = 14;
  const groupWidth = series.length * barWidth + groupGap;
  const height = 200;
  const top = 16;
  const left = 8;
  const bottom = 40;
  const width = Math.max(320, left + categories.length * groupWidth + 8);
  const maximum = Math.max(1, ...series.flatMap((each) => each.values.map((value) => Number(value) || 0)));
  const defs = svg("defs", {}, series.map((_, s) => {
    const pattern = PATTERNS[s % PATTERNS.length];
    return svg("pattern", { id: `${id}-${pattern.id}`, width: 6, height: 6, patternUnits: "userSpaceOnUse" },
      svg("rect", { width: 6, height: 6, fill: INKS[s % INKS.length] }),
      pattern.draw().map(([tag, attributes]) => svg(tag, attributes)));
  }));
  const bars = [];
  categories.forEach((category, c) => {
    series.forEach((each, s) => {
      const value = Number(each.values[c]) || 0;
      const barHeight = Math.round((value / maximum) * (height - top - bottom));
      const x = left + c * groupWidth + s * barWidth;
      const y = height - bottom - barHeight;
      bars.push(svg("rect", { x, y, width: barWidth - 2, height: barHeight, fill: `url(#${id}-${PATTERNS[s % PATTERNS.length].id})`, stroke: "#1b1b1f", "stroke-width": 0.5 },
        svg("title", {}, document.createTextNode(`${each.name}, ${category} : ${format(value)}`))));
    });
    const label = svg("text", { x: left + c * groupWidth + (series.length * barWidth) / 2, y: height - bottom + 14, "text-anchor": "middle" });
    label.textContent = category;
    bars.push(label);
  });
  const axis = svg("line", { x1: left, y1: height - bottom, x2: width - 4, y2: height - bottom, stroke: "#1b1b1f" });
  const maxLabel = svg("text", { x: left, y: 11 });
  maxLabel.textContent = `max. ${format(maximum)}`;
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": `${id}-titre` },
    defs, svg("title", { id: `${id}-titre` }, document.createTextNode(title)), axis, maxLabel, bars);
  const legend = h("ul", { class: "legend" }, series.map((each, s) =>
    h("li", {}, svg("svg", { width: 16, height: 12, "aria-hidden": "true", class: "swatch" },
      svg("rect", { width: 16, height: 12, fill: `url(#${id}-${PATTERNS[s % PATTERNS.length].id})`, stroke: "#1b1b1f" })),
    ` ${each.name} (${PATTERNS[s % PATTERNS.length].label})`)));
  const rows = categories.map((category, c) => [category, ...series.map((each) => each.values[c])]);
  const dataTable = h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": `${title} : les chiffres` },
    h("table", {},
      h("caption", {}, `${title} : les chiffres`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), series.map((each) => h("th", { scope: "col", class: "num" }, each.name)))),
      h("tbody", {}, rows.map(([category, ...values]) =>
        h("tr", {}, h("th", { scope: "row" }, category), values.map((value) => h("td", { class: "num" }, format(Number(value) || 0))))))));
  const csvButton = h("button", {
    type: "button",
    class: "secondary",
    onclick: () => {
      const quote = (text) => `"${String(text).replace(/"/g, '""')}"`;
      const lines = [["", ...series.map((each) => each.name)].map(quote).join(";"),
        ...rows.map(([category, ...values]) => [quote(category), ...values.map((value) => String(Number(value) || 0))].join(";"))];
      download(new Blob([`\ufeff${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }), fileName);
    },
  }, "Télécharger les chiffres (CSV)");
  return h("figure", { class: "chart" },
    h("figcaption", {}, h("strong", {}, title)),
    h("div", { class: "table-wrap" }, picture),
    legend,
    h("details", {}, h("summary", {}, "Voir les chiffres"), dataTable),
    h("div", { class: "actions" }, csvButton));
}
