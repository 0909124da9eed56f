// A horizontal bar chart, for long labels (the communes' names) that a column chart cannot write
// under its bars. Like charts.js: one plain series, each bar with its value written beside it,
// the figures as a table and as CSV.
import { h, download } from "../../dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

// horizontalBarChart({ title, labels, values, valueLabel, format, fileName }) -> <figure>
export function horizontalBarChart({ title, labels, values, valueLabel, format = String, fileName = "donnees.csv" }) {
  const row = 22;
  const labelWidth = 190;
  const barSpace = 240;
  const valueWidth = 80;
  const width = labelWidth + barSpace + valueWidth;
  const height = labels.length * row + 4;
  const maximum = Math.max(1, ...values.map((value) => Number(value) || 0));
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title });
  labels.forEach((text, i) => {
    const value = Number(values[i]) || 0;
    const y = i * row + 2;
    const length = Math.round((value / maximum) * barSpace);
    picture.append(
      svg("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end" }, text.length > 30 ? `${text.slice(0, 29)}…` : text),
      svg("rect", { x: labelWidth, y: y + 3, width: Math.max(length, 1), height: row - 8, fill: "#1d3f72" }),
      svg("text", { x: labelWidth + length + 4, y: y + 14 }, format(value)));
  });
  const dataTable = h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": `${title} : les chiffres` },
    h("table", {},
      h("caption", {}, `${title} : les chiffres`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), h("th", { scope: "col", class: "num" }, valueLabel))),
      h("tbody", {}, labels.map((text, i) => h("tr", {}, h("th", { scope: "row" }, text), h("td", { class: "num" }, format(Number(values[i]) || 0)))))));
  const csv = () => {
    const quote = (text) => `"${String(text).replace(/"/g, '""')}"`;
    const lines = [["", valueLabel].map(quote).join(";"), ...labels.map((text, i) => `${quote(text)};${Number(values[i]) || 0}`)];
    download(new Blob([`\ufeff${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }), fileName);
  };
  return h("figure", { class: "chart" },
    h("figcaption", {}, h("strong", {}, title)),
    h("div", { class: "table-wrap" }, picture),
    h("details", {}, h("summary", {}, "Voir les chiffres"), dataTable),
    h("div", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: csv }, "Télécharger les chiffres (CSV)")));
}
