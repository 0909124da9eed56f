// "/referent/hebergements/:id": an accommodation's file — what the register says, its
// classification decisions, its months (declared or not, with the tax the API computed), the
// procedure's events, and the history of every change to the record (who, when, what).
import { h, table } from "../../dom.js";
import { get } from "../../api.js";
import { dateTime, day, euros, month, number } from "../../format.js";
import { ACCOMMODATION_STATUSES, AUDIT_ACTIONS, CATEGORIES, DECLARATION_STATES, NATURES, badge, label } from "./labels.js";

// The record's fields as the history names them (JSON pointers), in words.
const FIELDS = {
  "/name": "Nom", "/address/line": "Adresse", "/address/postal_code": "Code postal", "/commune": "Commune",
  "/nature": "Nature", "/capacity_persons": "Capacité (personnes)", "/capacity_units": "Capacité (unités)",
  "/registration_number": "N° d'enregistrement", "/marketing": "Location", "/opened_on": "Ouverture",
  "/closures": "Fermetures", "/ceased_on": "Cessation", "/host_id": "Hébergeur", "/rank": "Classement",
  "/decided_on": "Décidé le", "/expires_on": "Expire le", "/body": "Organisme",
};

const MARKETING = { direct: "En direct", platforms: "Par des plateformes", both: "En direct et par des plateformes" };

export default async function render(page, { params }) {
  const path = `/v1/accommodations/${params.id}`;
  const [accommodation, classifications, declarations, history, events] = await Promise.all([
    get(path), get(`${path}/classifications`), get(`${path}/declarations`), get(`${path}/history`), get(`${path}/enforcement-events`),
  ]);
  const host = await get(`/v1/hosts/${accommodation.host_id}`);
  const title = accommodation.name;

  page.append(
    h("p", {}, h("a", { href: "/referent/registre" }, "← Registre")),
    h("h1", {}, title),
    h("p", {}, badge(ACCOMMODATION_STATUSES[accommodation.status] ?? [accommodation.status, "neutral"]), " ",
      h("span", { class: "muted" }, `${label(NATURES, accommodation.nature)} — ${label(CATEGORIES, accommodation.category)} aujourd'hui`)),
    h("h2", {}, "Fiche"),
    h("dl", { class: "facts wrap" },
      fact("Hébergeur", h("a", { href: `/referent/hebergeurs/${host.id}` }, host.legal_name)),
      fact("Adresse", `${accommodation.address.line}, ${accommodation.address.postal_code} ${accommodation.commune_name ?? accommodation.commune}`),
      fact("Nature", label(NATURES, accommodation.nature)),
      fact("Catégorie de tarif", label(CATEGORIES, accommodation.category)),
      fact("Capacité", `${number(accommodation.capacity_persons)} personnes${accommodation.capacity_units ? `, ${number(accommodation.capacity_units)} unités` : ""}`),
      fact("N° d'enregistrement", accommodation.registration_number ?? "—"),
      fact("Location", MARKETING[accommodation.marketing] ?? accommodation.marketing),
      fact("Ouvert le", day(accommodation.opened_on)),
      accommodation.ceased_on ? fact("A cessé le", day(accommodation.ceased_on)) : null,
      accommodation.closures.length ? fact("Fermetures", accommodation.closures.map((each) => `du ${day(each.from)} au ${day(each.to)}`).join(" ; ")) : null),

    h("h2", {}, "Historique du classement"),
    h("p", { class: "muted" }, "Le classement (étoiles) décide du tarif de la taxe. Une décision vaut cinq ans ; un hébergement sans classement en vigueur est « non classé »."),
    table({
      caption: "Décisions de classement",
      empty: "Aucune décision de classement : l'hébergement est non classé.",
      columns: [
        { label: "Décidé le", value: (row) => day(row.decided_on) },
        { label: "Classement", value: (row) => label(CATEGORIES, row.category) },
        { label: "Par", value: (row) => row.body },
        { label: "Expire le", value: (row) => day(row.expires_on) },
        { label: "En vigueur", value: (row) => badge(row.in_force ? ["En vigueur", "ok"] : ["Plus en vigueur", "neutral"]) },
      ],
      rows: classifications.items,
    }),

    h("h2", {}, "Déclarations"),
    table({
      caption: `Déclarations de ${month(declarations.from)} à ${month(declarations.to)}`,
      empty: "Aucun mois à déclarer sur cette période.",
      columns: [
        { label: "Mois", value: (row) => month(row.month) },
        { label: "État", value: (row) => declarationBadge(row) },
        { label: "À déclarer avant le", value: (row) => day(row.due_on) },
        { label: "Nuitées", numeric: true, value: (row) => (row.latest ? number(row.latest.person_nights) : "—") },
        { label: "Taxe déclarée", numeric: true, value: (row) => (row.latest ? euros(row.latest.total_cents) : "—") },
      ],
      rows: [...declarations.items].reverse(),
    }),

    h("h2", {}, "Relances et procédure"),
    table({
      caption: "Événements de la procédure",
      empty: "Aucune relance ni note pour cet hébergement.",
      columns: [
        { label: "Date", value: (row) => day(row.occurred_on ?? row.recorded_at) },
        { label: "Mois concerné", value: (row) => (row.month ? month(row.month) : "Tous") },
        { label: "Événement", value: (row) => row.text },
        { label: "Par", value: (row) => row.recorded_by },
      ],
      rows: [...events.items].reverse(),
    }),

    h("h2", {}, "Historique des modifications"),
    table({
      caption: "Modifications de la fiche",
      columns: [
        { label: "Quand", value: (row) => dateTime(row.at) },
        { label: "Quoi", value: (row) => label(AUDIT_ACTIONS, row.action) },
        { label: "Par", value: (row) => row.actor },
        { label: "Détail", value: (row) => (row.changes.length ? h("ul", { class: "changes" }, row.changes.map((change) =>
          h("li", {}, `${FIELDS[change.field] ?? change.field} : ${show(change.before)} → ${show(change.after)}`))) : "—") },
      ],
      rows: [...history.items].reverse(),
    }));
  return title;
}

function fact(term, value) {
  return [h("dt", {}, term), h("dd", {}, value)];
}

function declarationBadge(row) {
  if (row.state === "to_declare" && row.overdue) return badge(["En retard", "error"]);
  if (row.latest?.kind === "nil") return badge(["Aucune location", "ok"]);
  return badge(DECLARATION_STATES[row.state] ?? [row.state, "neutral"]);
}

const show = (value) => (value === null || value === undefined ? "(vide)" : typeof value === "object" ? JSON.stringify(value) : String(value));
