// Building the page from data without innerHTML: text is always set as text, so nothing a user
// typed (a host's name, an address) can become markup.

// h("p", { class: "muted" }, "texte", child…): attributes whose value is false, null or
// undefined are left out; "on…" attributes take a function; children may be strings, nodes,
// arrays or nothing.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

// Replaces everything inside `element`.
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

// A table from columns [{ label, value: row => text|node, numeric }] and rows; `caption` names
// it for screen readers; `foot` is an optional last row of cells.
export function table({ caption, columns, rows, foot, empty = "Aucune ligne." }) {
  if (!rows.length) return h("p", { class: "muted" }, empty);
  const cell = (tag, column, content) =>
    h(tag, { class: column.numeric ? "num" : null, scope: tag === "th" ? "col" : null }, content);
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    h("table", {},
      caption ? h("caption", {}, caption) : null,
      h("thead", {}, h("tr", {}, columns.map((column) => cell("th", column, column.label)))),
      h("tbody", {}, rows.map((row) =>
        h("tr", {}, columns.map((column) => cell("td", column, column.value(row)))))),
      foot ? h("tfoot", {}, h("tr", {}, foot.map((content, i) =>
        h("td", { class: columns[i]?.numeric ? "num" : null }, content)))) : null));
}

// Tells screen readers what just happened (saved, sent…) without moving the focus.
export function announce(message) {
  const region = document.getElementById("annonces");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
}

// A file download from a Blob (CSV, PDF).
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
