// "/finances/exports": every export finance hands on (to the public accountant, the council, a
// host), each a small form for its period; the file comes from the API as is, and the API's
// errors on the period go next to the field they name (/query/from…).
import { h, replace, announce } from "../../dom.js";
import { field, onSubmit } from "../../forms.js";
import { addMonths, isoMonth } from "../../format.js";
import { base, fetchDownload, hostPicker, isoDay } from "../../finance/common.js";

export default async function render(page, { principal }) {
  const path = base(principal);
  const lastMonth = addMonths(isoMonth(), -1);
  const yearAgo = addMonths(isoMonth(), -12);
  const year = new Date().getFullYear();

  replace(page, 
    h("h1", {}, "Exports"),
    h("p", {}, "Les documents à remettre au comptable public, au conseil ou à un hébergeur. Choisissez la période, puis le format : CSV s'ouvre dans un tableur, PDF s'imprime."),
    section("export-comptable", "Export comptable",
      "Chaque écriture du grand livre entre deux dates, compte par compte (débit, crédit), selon la nomenclature M14 ou M57 de la collectivité.",
      [field({ label: "Du", name: "from", pointer: "/query/from", type: "date", required: true, value: `${lastMonth}-01` }),
        field({ label: "Au (inclus)", name: "to", pointer: "/query/to", type: "date", required: true, value: isoDay(new Date(new Date().getFullYear(), new Date().getMonth(), 0)) })],
      ["csv"],
      (data, format) => fetchDownload(`${path}/exports/accounting`, { from: data.get("from"), to: data.get("to"), format }, `export-comptable-${data.get("from")}-${data.get("to")}.${format}`)),
    section("etat-periodique", "État périodique",
      "Mois par mois : déclaré, taxé d'office, encaissé, remboursé, versé par les plateformes, reste à recouvrer ; puis le solde de chaque compte.",
      monthRange(yearAgo, lastMonth),
      ["pdf", "csv"],
      (data, format) => fetchDownload(`${path}/exports/period-summary`, { from: data.get("from"), to: data.get("to"), format }, `etat-periodique-${data.get("from")}-${data.get("to")}.${format}`)),
    section("titres", "Titres de recettes à émettre",
      "Les sommes dues et impayées à une date (taxe déclarée non payée après l'échéance, taxations d'office, intérêts de retard), une ligne par débiteur, avec son adresse.",
      [field({ label: "À la date du", name: "as_of", pointer: "/query/as_of", type: "date", value: isoDay() })],
      ["csv"],
      (data, format) => fetchDownload(`${path}/exports/titres`, { as_of: data.get("as_of"), format }, `titres-${data.get("as_of") || isoDay()}.${format}`)),
    section("annexe", "Annexe annuelle",
      "L'état annexe au compte administratif : la taxe de l'année, ce qu'ont payé hébergeurs et plateformes, ce qui a été reversé.",
      [field({ label: "Exercice", name: "year", pointer: "/query/year", type: "number", required: true, value: year - 1, attrs: { min: 2000, max: 2199, inputmode: "numeric" } })],
      ["pdf", "csv"],
      (data, format) => fetchDownload(`${path}/exports/annual-annex`, { year: data.get("year"), format }, `annexe-annuelle-${data.get("year")}.${format}`)),
    section("etat-reversement", "État de reversement d'un hébergeur",
      "Pour un hébergeur : ce qu'il a déclaré, mois par mois et hébergement par hébergement, ce que ses paiements ont réglé, ce qu'il doit encore, avec la référence de paiement à rappeler.",
      [hostPicker(principal, { pointer: "/host_id" }), ...monthRange(yearAgo, lastMonth)],
      ["pdf", "csv"],
      (data, format) => {
        const host = data.get("host_id");
        if (!host) {
          const error = new Error("Choisissez d'abord l'hébergeur.");
          error.fields = new Map([["/host_id", "Cherchez l'hébergeur par son nom, puis choisissez-le dans la liste."]]);
          throw error;
        }
        return fetchDownload(`/v1/hosts/${encodeURIComponent(host)}/reversement-statement`, { from: data.get("from"), to: data.get("to"), format }, `etat-reversement-${data.get("from")}-${data.get("to")}.${format}`);
      }));
  return "Exports";
}

function monthRange(from, to) {
  return [h("div", { class: "grid-2" },
    field({ label: "Premier mois", name: "from", pointer: "/query/from", value: from, hint: "AAAA-MM", attrs: { inputmode: "numeric", placeholder: "AAAA-MM" } }),
    field({ label: "Dernier mois", name: "to", pointer: "/query/to", value: to, hint: "AAAA-MM", attrs: { inputmode: "numeric", placeholder: "AAAA-MM" } }))];
}

const FORMAT_WORDS = { pdf: "PDF", csv: "CSV" };

function section(id, title, text, fields, formats, action) {
  const form = h("form", { novalidate: true, "aria-labelledby": id },
    fields,
    h("div", { class: "actions" }, formats.map((format) =>
      h("button", { type: "submit", value: format, class: format === formats[0] ? null : "secondary" }, `Télécharger (${FORMAT_WORDS[format]})`))));
  onSubmit(form, async (data, submitter) => {
    await action(data, submitter?.value ?? formats[0]);
    announce(`${title} : le fichier est téléchargé.`);
  });
  return h("section", { class: "card finance-export" }, h("h2", { id }, title), h("p", {}, text), form);
}
