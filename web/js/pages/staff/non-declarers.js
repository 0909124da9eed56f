// "/referent/non-declarants": the worklist — every accommodation with months not declared, what
// the procedure already did for each month and what comes next (invitation, two reminders, the
// mise en demeure, the taxation d'office), with the amount at stake as the API computes it. A
// reminder can be sent today instead of waiting for the calendar; each accommodation's file has
// the full history of its procedure.
import { h, table, announce, download } from "../../dom.js";
import { get, post, request, ApiError } from "../../api.js";
import { field } from "../../forms.js";
import { navigate } from "../../router.js";
import { day, euros, month, number } from "../../format.js";
import { NATURES, STEPS, badge, label, options } from "./labels.js";
import { readCollectivity } from "./collectivity.js";

const FILTERS = ["period", "step", "commune", "nature"];
const REMINDERS = new Set(["first_reminder", "second_reminder"]);

export default async function render(page, { principal, query }) {
  const base = `/v1/collectivities/${principal.collectivity_id}`;
  const collectivity = await readCollectivity(principal.collectivity_id);
  const names = new Map(collectivity.communes.map((commune) => [commune.insee_code, commune.name]));
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ""]));
  const cursor = query.get("cursor");
  const list = await get(`${base}/non-declarers`, { ...filters, cursor, limit: 20 });
  const title = "Hébergements qui n'ont pas déclaré";

  const form = h("form", { role: "search", "aria-label": "Filtrer la liste" },
    h("div", { class: "grid-2" },
      field({ label: "Mois", name: "period", type: "month", value: filters.period, hint: "Laisser vide pour tous les mois (sinon : année-mois, par exemple 2026-10)." }),
      field({ label: "Où en est la procédure", name: "step", type: "select", value: filters.step,
        options: [["", "Toutes les étapes"], ["none", "Rien d'envoyé encore"], ...options(STEPS)] }),
      field({ label: "Commune", name: "commune", type: "select", value: filters.commune,
        options: [["", "Toutes les communes"], ...collectivity.communes.map((commune) => [commune.insee_code, commune.name])] }),
      field({ label: "Nature", name: "nature", type: "select", value: filters.nature, options: options(NATURES, "Toutes les natures") })),
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Filtrer"),
      h("a", { class: "button secondary", href: "/referent/non-declarants" }, "Effacer les filtres"),
      h("button", {
        type: "button",
        class: "secondary",
        onclick: async () => download(await request("GET", `${base}/non-declarers`, { query: { ...filters, format: "csv" }, accept: "blob" }), "non-declarants.csv"),
      }, "Télécharger la liste (CSV)")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const name of FILTERS) if (data.get(name)) next.set(name, String(data.get(name)));
    navigate(`/referent/non-declarants${next.size ? `?${next}` : ""}`);
  });

  const kept = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  const nextPage = new URLSearchParams(kept);
  if (list.next_cursor) nextPage.set("cursor", list.next_cursor);

  page.append(
    h("h1", {}, title),
    h("p", {}, "Chaque mois, l'hébergeur doit déclarer ses nuitées, même s'il n'a rien loué. Sans déclaration, Nuitée l'invite puis le relance deux fois par courriel ; ensuite vient la mise en demeure (lettre recommandée), puis la taxation d'office : la collectivité fixe elle-même la taxe due."),
    h("div", { class: "figures" },
      figure(number(list.totals.accommodations), "hébergements"),
      figure(number(list.totals.months), "mois non déclarés"),
      figure(euros(list.totals.amount_at_stake_cents), "en jeu (si taxés d'office)")),
    h("h2", {}, "Filtrer"),
    form,
    h("h2", {}, "La liste"),
    list.items.length
      ? h("ul", { class: "cards worklist" }, list.items.map((item) => card(item, names)))
      : h("p", { class: "muted" }, "Aucun hébergement ne correspond : tout le monde a déclaré."),
    h("nav", { class: "actions", "aria-label": "Pages de la liste" },
      cursor ? h("a", { class: "button secondary", href: `/referent/non-declarants${kept.size ? `?${kept}` : ""}` }, "Première page") : null,
      list.next_cursor ? h("a", { class: "button secondary", href: `/referent/non-declarants?${nextPage}` }, "Page suivante") : null),
    h("p", {}, h("a", { href: "/referent/mises-en-demeure" }, "Les mises en demeure à imprimer")));
  return title;
}

function card(item, names) {
  const { accommodation, host } = item;
  return h("li", { class: "card" },
    h("h3", {}, h("a", { href: `/referent/hebergements/${accommodation.id}` }, accommodation.name)),
    h("p", {},
      h("a", { href: `/referent/hebergeurs/${host.id}` }, host.name), h("br"),
      h("span", { class: "muted" }, `${host.email ?? "pas d'adresse électronique"} — ${names.get(accommodation.commune_insee_code) ?? accommodation.commune_insee_code}, ${label(NATURES, accommodation.nature).toLowerCase()}`)),
    host.on_hold ? h("p", {}, badge(["Procédure suspendue pour cet hébergeur", "warn"])) : null,
    table({
      caption: `Mois non déclarés de ${accommodation.name}`,
      columns: [
        { label: "Mois", value: (row) => month(row.month) },
        { label: "Déjà fait", value: (row) => current(row.current_step) },
        { label: "Étape suivante", value: (row) => (row.next_step ? `${label(STEPS, row.next_step.kind)} le ${day(row.next_step.due_on)}` : "—") },
        { label: "En jeu", numeric: true, value: (row) => (row.amount_at_stake_cents === null ? (row.amount_problem ?? "inconnu") : euros(row.amount_at_stake_cents)) },
        { label: "Action", value: (row) => action(accommodation, host, row) },
      ],
      rows: item.months,
    }));
}

function current(step) {
  if (!step) return badge(["Rien d'envoyé", "warn"]);
  const text = `${label(STEPS, step.kind)} le ${day(step.taken_on)}`;
  if (step.cancelled) return badge([`${text} (annulée)`, "neutral"]);
  return badge([text, step.kind === "formal_notice" || step.kind === "assessment" ? "error" : "warn"]);
}

// A reminder sent today: only when the next step is a reminder (the API refuses otherwise).
function action(accommodation, host, row) {
  if (!row.next_step || !REMINDERS.has(row.next_step.kind)) return "—";
  const what = label(STEPS, row.next_step.kind).toLowerCase();
  const place = h("div", {});
  const text = `Envoyer la ${what} maintenant`;
  // The accessible name starts with the visible words (WCAG 2.5.3) and says which month and host.
  const button = h("button", {
    type: "button",
    class: "secondary",
    "aria-label": `${text} : ${month(row.month)}, ${host.name} (${accommodation.name})`,
    onclick: async () => {
      button.disabled = true;
      try {
        const step = await post(`/v1/accommodations/${accommodation.id}/enforcement/${row.month}/remind`, {});
        const message = `${label(STEPS, step.kind)} envoyée le ${day(step.taken_on)} à ${host.email ?? host.name}.`;
        place.replaceChildren(h("p", { class: "notice success", role: "status" }, message));
        announce(message);
      } catch (error) {
        button.disabled = false;
        place.querySelector(".notice")?.remove();
        place.append(h("p", { class: "notice error", role: "alert" }, error instanceof ApiError ? error.message : "La relance n'a pas pu partir."));
      }
    },
  }, text);
  place.append(button);
  return place;
}

function figure(value, text) {
  return h("div", { class: "figure" }, h("span", { class: "value" }, value), h("span", { class: "label" }, text));
}
