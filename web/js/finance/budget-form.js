// Entering the year's budget lines (a new version each time: budget primitif, then budget
// supplémentaire or décision modificative): the tax forecast, what each additional tax's
// beneficiary is expected to receive, the tourist office's allocation and its instalments. The API
// checks everything (dates in order, instalments adding up to the allocation) and names each field.
import { h, announce } from "../dom.js";
import { put } from "../api.js";
import { eurosInput, parseEuros } from "../format.js";
import { field, onSubmit } from "../forms.js";
import { render as redraw } from "../router.js";
import { base } from "./common.js";

const AMOUNT_HINT = "Indiquez un montant en euros, par exemple 150 000,00.";

function cents(text, pointer, fields) {
  const value = parseEuros(String(text ?? "").trim() || "0");
  if (value === null) fields.set(pointer, AMOUNT_HINT);
  return value;
}

// One instalment of the tourist office: its due day and amount, with a button to remove it.
function instalmentRow(list, instalment) {
  const row = h("fieldset", { class: "finance-instalment" },
    h("legend", {}, "Échéance"),
    h("div", { class: "grid-2" },
      field({ label: "Date", name: "due_on", type: "date", value: instalment?.due_on ?? "" }),
      field({ label: "Montant (€)", name: "instalment_amount", value: instalment ? eurosInput(instalment.amount_cents) : "", attrs: { inputmode: "decimal" } })),
    h("button", { type: "button", class: "secondary", onclick: () => { row.remove(); renumber(list); } }, "Retirer cette échéance"));
  return row;
}

// Instalments are numbered 1..n in the order shown, and their fields named by that position.
function renumber(list) {
  [...list.children].forEach((row, i) => {
    row.querySelector("legend").textContent = `Échéance n° ${i + 1}`;
    row.querySelector("[name=due_on]").dataset.pointer = `/instalments/${i}/due_on`;
    row.querySelector("[name=instalment_amount]").dataset.pointer = `/instalments/${i}/amount_cents`;
  });
}

// `beneficiaries`: [{ beneficiary, label }] the report knows (add-ons declared in the year).
export function budgetForm(who, year, budget, beneficiaries = []) {
  const known = new Map((budget?.beneficiaries ?? []).map((each) => [each.beneficiary, { ...each }]));
  for (const each of beneficiaries) if (!known.has(each.beneficiary)) known.set(each.beneficiary, { beneficiary: each.beneficiary, label: each.label, expected_cents: 0 });
  const expected = [...known.values()];
  const instalments = h("div", {});
  (budget?.instalments ?? []).forEach((each) => instalments.append(instalmentRow(instalments, each)));
  renumber(instalments);

  const form = h("form", { novalidate: true },
    field({ label: "Étape", name: "stage", type: "select", value: budget ? "decision_modificative" : "budget_primitif",
      options: [["budget_primitif", "Budget primitif (le premier vote de l'année)"], ["budget_supplementaire", "Budget supplémentaire"], ["decision_modificative", "Décision modificative"]] }),
    field({ label: "Référence de la décision", name: "decision_reference", hint: "Requise après le budget primitif, par exemple « DM n° 2, délibération du 12 juin ».", value: "", attrs: { maxlength: 200 } }),
    field({ label: "Votée le", name: "decided_on", type: "date", value: budget?.decided_on ?? "" }),
    field({ label: "Taxe de séjour prévue (€)", name: "forecast_tax", pointer: "/forecast_tax_cents", required: true, value: eurosInput(budget?.forecast_tax_cents ?? 0), hint: "La taxe seule, sans les taxes additionnelles.", attrs: { inputmode: "decimal" } }),
    expected.length ? h("fieldset", {}, h("legend", {}, "Taxes additionnelles attendues"),
      expected.map((each, i) => field({ label: `${each.label ?? each.beneficiary} (€)`, name: `expected_${i}`, pointer: `/beneficiaries/${i}/expected_cents`,
        value: eurosInput(each.expected_cents ?? 0), attrs: { inputmode: "decimal" } }))) : null,
    h("fieldset", {}, h("legend", {}, "Office de tourisme"),
      field({ label: "Dotation de l'office de tourisme (€)", name: "tourist_office", pointer: "/tourist_office_cents", required: true, value: eurosInput(budget?.tourist_office_cents ?? 0), attrs: { inputmode: "decimal" } }),
      h("p", { class: "hint muted" }, "Les échéances, dans l'ordre de leurs dates, totalisent la dotation (facultatives)."),
      instalments,
      h("button", { type: "button", class: "secondary", onclick: () => { instalments.append(instalmentRow(instalments)); renumber(instalments); instalments.lastElementChild.querySelector("input").focus(); } }, "Ajouter une échéance")),
    field({ label: "Note (facultatif)", name: "note", type: "textarea", value: budget?.note ?? "", attrs: { maxlength: 2000 } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, budget ? "Enregistrer une nouvelle version" : "Enregistrer le budget")));

  onSubmit(form, async (data) => {
    renumber(instalments);
    const fields = new Map();
    const body = {
      stage: data.get("stage"),
      forecast_tax_cents: cents(data.get("forecast_tax"), "/forecast_tax_cents", fields),
      tourist_office_cents: cents(data.get("tourist_office"), "/tourist_office_cents", fields),
      beneficiaries: expected.map((each, i) => ({ beneficiary: each.beneficiary, ...(each.label ? { label: each.label } : {}),
        expected_cents: cents(data.get(`expected_${i}`), `/beneficiaries/${i}/expected_cents`, fields) })),
      instalments: [...instalments.children].map((row, i) => ({
        number: i + 1,
        due_on: row.querySelector("[name=due_on]").value,
        amount_cents: cents(row.querySelector("[name=instalment_amount]").value, `/instalments/${i}/amount_cents`, fields),
      })),
      decided_on: data.get("decided_on") || null,
    };
    if (fields.size) {
      const error = new Error("Un montant n'est pas valable.");
      error.fields = fields;
      throw error;
    }
    const reference = String(data.get("decision_reference") ?? "").trim();
    if (reference) body.decision_reference = reference;
    const note = String(data.get("note") ?? "").trim();
    if (note) body.note = note;
    await put(`${base(who)}/budget/${year}`, body, budget ? { headers: { "If-Match": `"${budget.version}"` } } : {});
    announce("Le budget est enregistré.");
    await redraw();
  });
  return h("section", { "aria-labelledby": "budget-saisie" },
    h("h2", { id: "budget-saisie" }, budget ? "Modifier le budget (nouvelle version)" : "Saisir le budget de l'année"),
    h("p", { class: "muted" }, "Chaque enregistrement ajoute une version ; les précédentes restent consultables."),
    form);
}
