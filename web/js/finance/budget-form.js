// Entering the year's budget lines (a new version each time: budget primitif, then budget
// supplémentaire or décision modificative). The beneficiaries' and the tourist office's schedules
// already entered are sent back unchanged; the API checks everything and names each field.
import { h } from "../dom.js";
import { put } from "../api.js";
import { eurosInput, parseEuros } from "../format.js";
import { field, onSubmit } from "../forms.js";
import { render as redraw } from "../router.js";
import { announce } from "../dom.js";
import { base } from "./common.js";

function amount(data, name, pointer, fields) {
  const cents = parseEuros(String(data.get(name) ?? "0") || "0");
  if (cents === null) fields.set(pointer, "Indiquez un montant en euros, par exemple 150 000,00.");
  return cents;
}

export function budgetForm(who, year, budget) {
  const form = h("form", { novalidate: true },
    field({ label: "Étape", name: "stage", type: "select", value: budget ? "decision_modificative" : "budget_primitif",
      options: [["budget_primitif", "Budget primitif (le premier vote de l'année)"], ["budget_supplementaire", "Budget supplémentaire"], ["decision_modificative", "Décision modificative"]] }),
    field({ label: "Référence de la décision", name: "decision_reference", hint: "Requise après le budget primitif, par exemple « DM n° 2, délibération du 12 juin ».", value: "", attrs: { maxlength: 200 } }),
    field({ label: "Votée le", name: "decided_on", type: "date", value: budget?.decided_on ?? "" }),
    h("div", { class: "grid-2" },
      field({ label: "Taxe de séjour prévue (€)", name: "forecast_tax", pointer: "/forecast_tax_cents", required: true, value: eurosInput(budget?.forecast_tax_cents ?? 0), hint: "La taxe seule, sans les taxes additionnelles.", attrs: { inputmode: "decimal" } }),
      field({ label: "Dotation de l'office de tourisme (€)", name: "tourist_office", pointer: "/tourist_office_cents", required: true, value: eurosInput(budget?.tourist_office_cents ?? 0), attrs: { inputmode: "decimal" } })),
    field({ label: "Note (facultatif)", name: "note", type: "textarea", value: budget?.note ?? "", attrs: { maxlength: 2000 } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, budget ? "Enregistrer une nouvelle version" : "Enregistrer le budget")));
  onSubmit(form, async (data) => {
    const fields = new Map();
    const forecast = amount(data, "forecast_tax", "/forecast_tax_cents", fields);
    const office = amount(data, "tourist_office", "/tourist_office_cents", fields);
    if (fields.size) {
      const error = new Error("Un montant n'est pas valable.");
      error.fields = fields;
      throw error;
    }
    const body = {
      stage: data.get("stage"),
      forecast_tax_cents: forecast,
      tourist_office_cents: office,
      beneficiaries: budget?.beneficiaries ?? [],
      instalments: budget?.instalments ?? [],
    };
    const reference = String(data.get("decision_reference") ?? "").trim();
    if (reference) body.decision_reference = reference;
    body.decided_on = data.get("decided_on") || null;
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
