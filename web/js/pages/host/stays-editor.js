// The stays of a month, typed quickly on a phone: one box per stay (arrival, nights, persons,
// the exempt persons, the price per night when the accommodation is unclassified, who collected
// the tax), and under each the tax the API computed for it with every step of the explanation.
// Each control's data-pointer is the API's pointer ("/stays/2/nights"), renumbered when a stay
// is removed, so the API's problems land next to the right field.
import { h, replace } from "../../dom.js";
import { field } from "../../forms.js";
import { euros, eurosInput, parseEuros } from "../../format.js";
import { COLLECTORS } from "./common.js";

const EXEMPTIONS = [
  ["minors", "Mineurs (moins de 18 ans)", null],
  ["seasonal_workers", "Saisonniers", "Titulaires d'un contrat de travail saisonnier employés dans la commune."],
  ["emergency_housing", "Hébergement d'urgence", "Personnes en hébergement d'urgence ou relogées temporairement."],
  ["low_rent", "Loyer modique", "Personnes dont le loyer est inférieur au montant fixé par la collectivité."],
];

const numberAttrs = (min, max) => ({ inputmode: "numeric", min, max, step: 1 });

export function staysEditor({ stays = [], priced, onChange }) {
  const list = h("ol", { class: "stays" });
  const rows = [];

  function renumber() {
    rows.forEach((row, index) => {
      row.box.dataset.pointer = `/stays/${index}`;
      row.legend.textContent = `Séjour ${index + 1}`;
      for (const control of row.box.querySelectorAll("[data-name]")) {
        control.dataset.pointer = `/stays/${index}/${control.dataset.name}`;
      }
      row.remove.textContent = `Retirer le séjour ${index + 1}`;
    });
  }

  function addRow(stay = {}, { focus = false } = {}) {
    const named = (name, options) => {
      const built = field({ ...options, name: `sejour-${name.replace("/", "-")}` });
      built.querySelector("input, select").dataset.name = name;
      return built;
    };
    const exempt = stay.exempt ?? {};
    const others = EXEMPTIONS.slice(1);
    const hasOthers = others.some(([name]) => Number(exempt[name] ?? 0) > 0);
    const legend = h("legend", {}, "Séjour");
    const result = h("div", { class: "stay-result" });
    const remove = h("button", { type: "button", class: "secondary" }, "Retirer ce séjour");
    const box = h("fieldset", { class: "stay" },
      legend,
      h("div", { class: "stay-grid" },
        named("arrival", { label: "Date d'arrivée", type: "date", value: stay.arrival, required: true }),
        named("nights", { label: "Nuits", type: "number", value: stay.nights, required: true, attrs: numberAttrs(1, 365) }),
        named("occupants", { label: "Personnes", type: "number", value: stay.occupants, required: true, hint: "Tout le monde, exonérés compris.", attrs: numberAttrs(1, 10000) }),
        named("exempt/minors", { label: "dont mineurs", type: "number", value: exempt.minors || "", hint: "Moins de 18 ans : exonérés.", attrs: numberAttrs(0, 10000) })),
      // A classified accommodation needs no price, but a stay that has one (imported) keeps it.
      priced || (stay.price_per_night_cents ?? null) !== null ? named("price_per_night_cents", { label: "Prix de la nuit hors taxes (€)", value: eurosInput(stay.price_per_night_cents),
        hint: "Le prix du logement pour une nuit, taxe non comprise, par exemple 85,50.", attrs: { inputmode: "decimal", autocomplete: "off" } }) : null,
      named("collector", { label: "Qui a perçu la taxe ?", type: "select", value: stay.collector ?? "host", options: COLLECTORS }),
      h("details", { open: hasOthers || null },
        h("summary", {}, "Autres personnes exonérées"),
        h("p", { class: "hint" }, "La loi exonère aussi ces personnes (article L. 2333-31 du code général des collectivités territoriales). Indiquez combien il y en a parmi les personnes du séjour."),
        others.map(([name, label, hint]) => named(`exempt/${name}`, { label, hint, type: "number", value: exempt[name] || "", attrs: numberAttrs(0, 10000) }))),
      h("div", { class: "stay-problems" }),
      result,
      h("div", { class: "actions" }, remove));
    const row = { box, legend, result, remove };
    remove.addEventListener("click", () => {
      const index = rows.indexOf(row);
      rows.splice(index, 1);
      box.closest("li").remove();
      renumber();
      onChange?.();
      (rows[Math.min(index, rows.length - 1)]?.box.querySelector("input") ?? addButton).focus();
    });
    rows.push(row);
    list.append(h("li", {}, box));
    renumber();
    if (focus) box.querySelector("input").focus();
    return row;
  }

  const addButton = h("button", { type: "button", class: "secondary" }, "Ajouter un séjour");
  addButton.addEventListener("click", () => { addRow({}, { focus: true }); onChange?.(); });
  const element = h("div", { class: "stays-editor" }, list, h("div", { class: "actions" }, addButton));
  element.addEventListener("input", () => onChange?.());
  element.addEventListener("change", () => onChange?.());
  for (const stay of stays) addRow(stay);
  if (!stays.length) addRow();

  // Each stay as the API takes it, whether it is complete enough to ask the API about, and the
  // problems found before asking (a price that is not an amount).
  function read() {
    return rows.map((row, index) => {
      const value = (name) => row.box.querySelector(`[data-name="${name}"]`)?.value.trim() ?? "";
      const integer = (name) => (value(name) === "" ? null : Number(value(name)));
      const problems = new Map();
      const input = { arrival: value("arrival"), nights: integer("nights"), occupants: integer("occupants"), exempt: {}, collector: value("collector") || "host" };
      for (const [name] of EXEMPTIONS) {
        const count = integer(`exempt/${name}`);
        if (count) input.exempt[name] = count;
      }
      const price = value("price_per_night_cents");
      if (price !== "") {
        const cents = parseEuros(price);
        if (cents === null) problems.set(`/stays/${index}/price_per_night_cents`, "Indiquez un montant en euros, par exemple 85,50.");
        else input.price_per_night_cents = cents;
      }
      for (const name of ["nights", "occupants", ...EXEMPTIONS.map(([each]) => `exempt/${each}`)]) {
        const number = integer(name);
        if (number !== null && !Number.isInteger(number)) problems.set(`/stays/${index}/${name}`, "Indiquez un nombre entier.");
      }
      const complete = Boolean(input.arrival) && input.nights !== null && input.occupants !== null;
      return { input, complete, problems };
    });
  }

  // The API's quote of stay `index` (null: none, e.g. collected by a platform).
  function showQuote(index, quote, { platform = false } = {}) {
    const row = rows[index];
    if (!row) return;
    if (platform) {
      replace(row.result, h("p", { class: "stay-tax" }, "Taxe perçue par la plateforme : elle la reverse elle-même, vous n'avez rien à payer pour ce séjour. Ses nuitées sont comptées dans votre déclaration."));
      return;
    }
    if (!quote) { replace(row.result); return; }
    replace(row.result,
      h("p", { class: "stay-tax" }, "Taxe de ce séjour : ", h("strong", { "data-stay-total": String(index) }, euros(quote.total_cents))),
      h("details", {},
        h("summary", {}, "Le calcul pas à pas"),
        h("ol", { class: "steps" }, quote.explanation.map((step) => h("li", {}, step)))));
  }

  return { element, read, showQuote, count: () => rows.length };
}
