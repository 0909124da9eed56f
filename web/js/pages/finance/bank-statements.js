// "/finances/releves-bancaires": importing the bank's statement (its CSV, read with the bank's
// format): lines carrying a host's payment reference become that host's payments; the others are
// parked "à classer" and listed here, to assign to a host or to set aside with a reason.
import { h, replace, table, announce } from "../../dom.js";
import { get, post, request } from "../../api.js";
import { euros, number, shortDay, dateTime } from "../../format.js";
import { field, onSubmit } from "../../forms.js";
import { render as redraw } from "../../router.js";
import { base, hostPicker } from "../../finance/common.js";
import { bankFormatForm } from "../../finance/bank-format-form.js";

const LINE_STATUS = { matched: "payé par référence", unmatched: "à classer", assigned: "attribué", dismissed: "écarté" };

export default async function render(page, { principal }) {
  const path = base(principal);
  const [formats, statements, lines] = await Promise.all([
    get(`${path}/bank-statement-formats`),
    get(`${path}/bank-statements`),
    get(`${path}/bank-statement-lines`),
  ]);
  const importForm = h("form", { novalidate: true },
    field({ label: "Format de la banque", name: "format_id", pointer: "/query/format_id", type: "select", required: true,
      options: formats.items.map((format) => [format.id, format.name]) }),
    field({ label: "Fichier du relevé (CSV)", name: "file", type: "file", required: true, hint: "L'export CSV du compte, tel que la banque le donne.", attrs: { accept: ".csv,text/csv,text/plain" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Importer le relevé")));
  onSubmit(importForm, async (data) => {
    const file = data.get("file");
    if (!(file instanceof File) || !file.size) {
      const error = new Error("Aucun fichier choisi.");
      error.fields = new Map([["/file", "Choisissez le fichier CSV du relevé."]]);
      throw error;
    }
    const statement = await request("POST", `${path}/bank-statements`, { text: await file.text(), query: { format_id: data.get("format_id") } });
    announce("Le relevé est importé.");
    await redraw();
    document.getElementById("resultat-import")?.replaceChildren(summary(statement));
  });

  replace(page, 
    h("h1", {}, "Relevés bancaires"),
    h("p", {}, "Importez le relevé du compte où les hébergeurs paient : chaque virement dont le libellé porte une référence de paiement « TS… » est enregistré comme paiement de l'hébergeur qu'elle désigne. Les autres sont mis « à classer » : vous les attribuez ensuite à un hébergeur, ou les écartez s'ils ne sont pas de la taxe de séjour."),
    h("h2", {}, "Importer un relevé"),
    formats.items.length ? importForm : h("p", { class: "notice" }, "Aucun format de banque n'est encore défini : décrivez d'abord le fichier de votre banque ci-dessous."),
    h("div", { id: "resultat-import", role: "status" }),
    h("h2", {}, `Virements à classer (${number(lines.items.length)})`),
    lines.items.length ? h("p", {}, `Total en attente : ${euros(lines.total_cents)}.`) : null,
    lines.items.length ? h("div", {}, lines.items.map((line) => unmatchedLine(principal, line))) : h("p", { class: "muted" }, "Aucun virement à classer."),
    h("h2", {}, "Relevés importés"),
    table({
      caption: "Relevés importés, du plus récent au plus ancien",
      empty: "Aucun relevé importé.",
      columns: [
        { label: "Importé le", value: (row) => `${dateTime(row.imported_at)} par ${row.imported_by ?? "—"}` },
        { label: "Format", value: (row) => row.format_name ?? "—" },
        { label: "Crédits", value: (row) => number(row.credit_lines), numeric: true },
        { label: "Débits ignorés", value: (row) => number(row.debit_lines), numeric: true },
        { label: "Déjà importées", value: (row) => number(row.already_imported), numeric: true },
      ],
      rows: statements.items,
    }),
    h("h2", {}, "Formats des banques"),
    table({
      caption: "Formats de fichier des banques",
      empty: "Aucun format défini.",
      columns: [
        { label: "Nom", value: (row) => row.name },
        { label: "Séparateur", value: (row) => row.separator },
        { label: "Dates", value: (row) => row.date_format },
        { label: "Colonnes (date, libellé, montant)", value: (row) => `${row.date_column}, ${row.label_column}, ${row.amount_column ?? `${row.credit_column} / ${row.debit_column}`}` },
      ],
      rows: formats.items,
    }),
    h("details", {}, h("summary", {}, "Décrire le fichier d'une nouvelle banque"), bankFormatForm(principal)));
  return "Relevés bancaires";
}

function summary(statement) {
  const counts = statement.counts ?? {};
  return h("div", { class: "notice success" },
    h("p", {}, statement.already_imported_file ? "Ce fichier avait déjà été importé : rien n'a changé." : "Le relevé est importé."),
    h("ul", {},
      h("li", {}, `${number(statement.credit_lines)} virement(s) reçu(s), ${number(statement.debit_lines)} débit(s) ignoré(s)`),
      Object.entries(counts).map(([status, count]) => h("li", {}, `${LINE_STATUS[status] ?? status} : ${number(count)}`)),
      statement.already_imported ? h("li", {}, `${number(statement.already_imported)} ligne(s) déjà importée(s) par un relevé précédent`) : null));
}

// One parked line: what the bank says, and the two ways out (a host, or set aside with a reason).
function unmatchedLine(who, line) {
  const path = `${base(who)}/bank-statement-lines/${line.id}`;
  const assign = h("form", { novalidate: true },
    hostPicker(who, { label: "Attribuer à l'hébergeur" }),
    field({ label: "Mois à régler en premier (facultatif)", name: "target_month", hint: "AAAA-MM", attrs: { inputmode: "numeric", placeholder: "AAAA-MM" } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Attribuer ce virement")));
  onSubmit(assign, async (data) => {
    const body = { host_id: data.get("host_id") };
    if (!body.host_id) {
      const error = new Error("Choisissez l'hébergeur.");
      error.fields = new Map([["/host_id", "Cherchez l'hébergeur par son nom, puis choisissez-le."]]);
      throw error;
    }
    const month = String(data.get("target_month") ?? "").trim();
    if (month) body.target_month = month;
    await post(`${path}/assign`, body);
    announce("Le virement est attribué.");
    await redraw();
  });
  const dismiss = h("form", { novalidate: true },
    field({ label: "Motif", name: "reason", type: "textarea", required: true, hint: "Par exemple : loyer d'un bâtiment communal, à rendre à l'émetteur.", attrs: { maxlength: 500 } }),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Écarter : ce n'est pas de la taxe de séjour")));
  onSubmit(dismiss, async (data) => {
    await post(`${path}/dismiss`, { reason: String(data.get("reason") ?? "").trim() });
    announce("Le virement est écarté.");
    await redraw();
  });
  return h("article", { class: "card finance-line" },
    h("h3", {}, `${shortDay(line.booked_on)} — ${euros(line.amount_cents)}`),
    h("p", {}, "Libellé : ", h("q", {}, line.label)),
    h("details", {}, h("summary", {}, "Attribuer à un hébergeur"), assign),
    h("details", {}, h("summary", {}, "Écarter ce virement"), dismiss));
}
