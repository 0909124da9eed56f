// Naming a bank's CSV layout (which column holds the date, the amount, the label), once per
// bank, so that its statements can be imported. The API checks the layout and names each field.
import { h, announce } from "../dom.js";
import { post } from "../api.js";
import { field, onSubmit } from "../forms.js";
import { render as redraw } from "../router.js";
import { base } from "./common.js";

const column = (label, name, hint, value) =>
  field({ label, name, type: "number", hint, value, attrs: { min: 1, max: 50, inputmode: "numeric" } });

export function bankFormatForm(who) {
  const form = h("form", { novalidate: true },
    field({ label: "Nom de la banque ou du format", name: "name", required: true, hint: "Par exemple « Banque de France — compte DFT ».", attrs: { maxlength: 100 } }),
    h("div", { class: "grid-2" },
      field({ label: "Séparateur des colonnes", name: "separator", type: "select", value: ";", options: [[";", "point-virgule ( ; )"], [",", "virgule ( , )"], ["|", "barre ( | )"], ["tab", "tabulation"]] }),
      field({ label: "Séparateur décimal", name: "decimal_mark", type: "select", value: "comma", options: [["comma", "virgule (12,50)"], ["point", "point (12.50)"]] }),
      field({ label: "Lignes d'en-tête à sauter", name: "skip_lines", type: "number", value: 1, attrs: { min: 0, max: 50, inputmode: "numeric" } }),
      field({ label: "Écriture des dates", name: "date_format", type: "select", value: "JJ/MM/AAAA", options: ["JJ/MM/AAAA", "JJ/MM/AA", "JJ-MM-AAAA", "JJ.MM.AAAA", "AAAA-MM-JJ"].map((each) => [each, each]) }),
      column("Colonne de la date", "date_column", "Les colonnes se comptent à partir de 1.", 1),
      column("Colonne du libellé", "label_column", null, 2),
      column("Colonne du montant signé", "amount_column", "Si la banque met crédits et débits dans une seule colonne ; sinon laissez vide et remplissez les deux suivantes.", 3),
      column("Colonne des crédits", "credit_column", null, ""),
      column("Colonne des débits", "debit_column", null, "")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Enregistrer ce format")));
  onSubmit(form, async (data) => {
    const body = {
      name: String(data.get("name") ?? "").trim(),
      separator: data.get("separator"),
      decimal_mark: data.get("decimal_mark"),
      date_format: data.get("date_format"),
    };
    for (const name of ["skip_lines", "date_column", "label_column", "amount_column", "credit_column", "debit_column"]) {
      const text = String(data.get(name) ?? "").trim();
      body[name] = text === "" ? null : Number(text);
    }
    if (body.skip_lines === null) delete body.skip_lines;
    await post(`${base(who)}/bank-statement-formats`, body);
    announce("Le format est enregistré.");
    await redraw();
  });
  return form;
}
