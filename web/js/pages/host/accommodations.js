// "/hebergeur": the host's accommodations, each with the state of its recent months (the API's
// list of months: what is stored, plus every month still to declare), each month a link to its
// declaration. The months waiting for the host come first, in a short list of what to do.
import { h } from "../../dom.js";
import { get, getAll } from "../../api.js";
import { day, euros, isoMonth, month as monthName } from "../../format.js";
import { CATEGORY_LABELS, declarationPath, hostFor, hostPicker, monthStatus, noHost, statusBadge } from "./common.js";

const waiting = (item) => item.state === "to_declare" || item.state === "draft";

function monthItem(accommodation, item) {
  const amount = item.latest && item.latest.kind === "stays" ? euros(item.latest.total_cents) : null;
  return h("li", {},
    h("a", { href: declarationPath(accommodation.id, item.month) }, monthName(item.month)),
    " ", statusBadge(item),
    amount ? h("span", { class: "muted" }, ` ${amount}`) : null);
}

function accommodationCard(accommodation, months) {
  const newestFirst = [...months].reverse();
  return h("li", { class: "card" },
    h("h2", {}, accommodation.name),
    h("p", { class: "muted" },
      [accommodation.commune_name ?? accommodation.commune, `catégorie : ${CATEGORY_LABELS[accommodation.category] ?? accommodation.category}`].join(" — ")),
    newestFirst.length
      ? h("ul", { class: "host-months", "aria-label": `Les mois de ${accommodation.name}` }, newestFirst.map((item) => monthItem(accommodation, item)))
      : h("p", {}, "Aucun mois à déclarer pour l'instant."),
    // The API lists the months before the current one; a host may declare stays already over.
    accommodation.status === "ceased" ? null : h("p", {},
      h("a", { href: declarationPath(accommodation.id, isoMonth()) }, `Déclarer dès maintenant ${monthName(isoMonth())} (mois en cours)`)));
}

export default async function render(page, { principal, query }) {
  const hostId = hostFor(principal, query);
  if (!hostId) return noHost(page);
  const title = "Mes hébergements";
  page.append(h("h1", {}, title));
  const picker = await hostPicker(principal, hostId);
  if (picker) page.append(picker);

  const accommodations = await getAll(`/v1/hosts/${hostId}/accommodations`);
  const lists = await Promise.all(accommodations.map((each) => get(`/v1/accommodations/${each.id}/declarations`)));
  const todo = accommodations.flatMap((accommodation, i) =>
    lists[i].items.filter(waiting).map((item) => ({ accommodation, item })));

  page.append(h("p", {},
    "Chaque mois, vous déclarez les nuitées de chaque hébergement : les séjours de vos voyageurs, ou « néant » si personne n'a logé chez vous en direct. ",
    "La taxe de séjour est payée par les voyageurs ; vous la collectez et la reversez à la collectivité."));

  if (todo.length) {
    page.append(h("section", { class: "notice warning", "aria-labelledby": "a-faire" },
      h("h2", { id: "a-faire" }, todo.length === 1 ? "1 mois à déclarer" : `${todo.length} mois à déclarer`),
      h("ul", {}, todo.map(({ accommodation, item }) => h("li", {},
        h("a", { href: declarationPath(accommodation.id, item.month) }, `${monthName(item.month)} — ${accommodation.name}`),
        " : ", monthStatus(item).text.toLowerCase(),
        item.overdue ? `, la date limite était le ${day(item.due_on)}` : `, à faire avant le ${day(item.due_on)}`)))));
  } else if (accommodations.length) {
    page.append(h("div", { class: "notice success" }, h("p", {}, "Tout est déclaré : rien à faire pour l'instant.")));
  }

  if (!accommodations.length) {
    page.append(h("p", {}, "Aucun hébergement n'est enregistré à votre nom. Contactez l'office de tourisme pour le déclarer."));
  } else {
    page.append(h("ul", { class: "cards" }, accommodations.map((each, i) => accommodationCard(each, lists[i].items))));
  }
  page.append(h("p", {}, h("a", { href: "/hebergeur/releve" }, "Voir mon relevé : ce que j'ai déclaré, payé et ce qui reste à payer")));
  return title;
}
