// "/hebergeur/declarations/:accommodation/:month": declaring one month of one accommodation.
// Before submission: the stays (typed, with the tax computed as they are typed, or imported from
// a CSV file), saved as a draft; "aucune location en direct" in one click; the submission.
// After: what the API computed and froze (figures and each stay's explanation), a correction
// with its reason, and the month's history. Every figure shown comes from the API.
import { announce, h, replace } from "../../dom.js";
import { ApiError, get, request } from "../../api.js";
import { dateTime, day, euros, month as monthName, number, shortDay } from "../../format.js";
import { navigate } from "../../router.js";
import { CATEGORY_LABELS, COLLECTORS, statusBadge } from "./common.js";
import { liveTax } from "./live-tax.js";
import { pdfButton } from "./pdf-download.js";
import { problemOf, showProblems } from "./problems.js";
import { staysEditor } from "./stays-editor.js";

const COLLECTOR_LABELS = Object.fromEntries(COLLECTORS.map(([code, label]) => [code, code === "host" ? "Moi-même" : label]));
const KIND_LABELS = { stays: "séjours déclarés", nil: "aucune location en direct (déclaration « néant »)", closed: "hébergement fermé tout le mois" };

let flash = null; // the message to show once the page is drawn again after an action

function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const ifMatch = (declaration) => (declaration.version > 0 ? { "If-Match": `"${declaration.version}"` } : {});

function reload(message) {
  flash = message;
  return navigate(location.pathname, { replaceState: true });
}

function exemptText(exempt) {
  const parts = [["minors", "mineur"], ["seasonal_workers", "saisonnier"], ["emergency_housing", "urgence"], ["low_rent", "loyer modique"]]
    .filter(([name]) => exempt?.[name]).map(([name, label]) => `${exempt[name]} ${label}${exempt[name] > 1 && name === "minors" ? "s" : ""}`);
  return parts.length ? parts.join(", ") : "aucun";
}

// Runs an explicit action (a click): buttons disabled meanwhile, problems shown with a summary
// that takes the focus.
async function act(form, action) {
  const buttons = [...form.querySelectorAll("button")];
  buttons.forEach((button) => { button.disabled = true; });
  try {
    await action();
  } catch (error) {
    showProblems(form, problemOf(error), { summary: true });
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

function liveTotalBox() {
  return h("p", { class: "figure live-total", role: "status", "aria-live": "polite" },
    h("span", { class: "label" }, "Total à reverser pour ce mois"),
    h("span", { class: "hint" }, "Complétez les séjours (arrivée, nuits, personnes) pour voir le total."));
}

function draftSection(context) {
  const { accommodation, declaration, apiPath } = context;
  const status = h("p", { class: "muted draft-status", role: "status" },
    declaration.draft ? `Brouillon enregistré le ${dateTime(declaration.draft.saved_at)}.` : "");
  const total = liveTotalBox();
  const form = h("form", { novalidate: true, class: "declaration-form", "aria-labelledby": "titre-sejours" });
  let saving = Promise.resolve();
  const save = (stays) => {
    saving = saving.then(async () => {
      try {
        const answer = await request("PUT", apiPath, { body: { stays }, headers: ifMatch(context.declaration) });
        context.declaration = answer;
        replace(status, `Brouillon enregistré à ${new Intl.DateTimeFormat("fr-FR", { timeStyle: "short" }).format(new Date())}.`);
        replace(context.badge, statusBadge(answer));
        return { warnings: answer.warnings ?? [] };
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          replace(status, "Ce mois a été modifié ailleurs (un autre appareil ?) : rechargez la page pour repartir de la dernière version.");
        } else if (!error.fields?.size) {
          replace(status, `Brouillon non enregistré : ${error.message}`);
        } else {
          replace(status, "Brouillon non enregistré : corrigez les champs signalés.");
        }
        return { error };
      }
    });
    return saving;
  };
  const editor = staysEditor({
    stays: declaration.draft?.stays ?? [],
    priced: accommodation.category === "unclassified",
    onChange: () => live.schedule(),
  });
  const live = liveTax({ editor, form, total, quotesPath: `/v1/collectivities/${accommodation.collectivity_id}/quotes`, accommodationId: accommodation.id, save });
  const submit = h("button", { type: "submit" }, "Envoyer la déclaration");
  form.append(
    h("p", {}, "Un séjour par réservation : la date d'arrivée, le nombre de nuits et de personnes. Un séjour se déclare le mois où le voyageur part. ",
      "Le service calcule la taxe de chaque séjour pendant que vous tapez, et garde votre brouillon."),
    editor.element, total, status,
    h("div", { class: "actions" }, submit));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(form, async () => {
      live.cancel();
      await saving;
      const stays = editor.read().map((row) => row.input);
      await request("POST", `${apiPath}/submit`, { body: { stays }, headers: { "Idempotency-Key": idempotencyKey() } });
      await reload("Votre déclaration est envoyée. Voici ce que le service a calculé.");
    });
  });
  if (editor.read().some((row) => row.complete)) live.schedule({ store: false });

  const nilForm = h("form", { novalidate: true, class: "nil-form" },
    h("p", {}, "Si personne n'a logé chez vous ce mois-ci en payant la taxe directement à vous (par exemple, toutes vos réservations sont passées par une plateforme qui la perçoit), déclarez-le en un clic : rien n'est dû."),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", "data-nil": "nil" }, "Aucune location en direct ce mois-ci"),
      h("button", { type: "button", class: "secondary", "data-nil": "closed" }, "Hébergement fermé tout le mois")));
  nilForm.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-nil]");
    if (!button) return;
    act(nilForm, async () => {
      await request("POST", `${apiPath}/nil`, { body: button.dataset.nil === "closed" ? { closed: true } : {}, headers: { "Idempotency-Key": idempotencyKey() } });
      await reload(button.dataset.nil === "closed" ? "Le mois est déclaré : hébergement fermé." : "Le mois est déclaré : aucune location en direct.");
    });
  });

  const file = h("input", { type: "file", id: "fichier-sejours", name: "fichier", accept: ".csv,text/csv", "data-pointer": "/file" });
  const importForm = h("form", { novalidate: true, class: "import-form" },
    h("p", {}, "Votre registre est dans un tableur ou un logiciel de réservation ? Enregistrez-le au format CSV (UTF-8), une ligne par séjour, avec en première ligne les colonnes ",
      h("code", {}, "arrivee;nuits;occupants"), " et, si besoin, ", h("code", {}, "mineurs;saisonniers;hebergement_urgence;loyer_modique;prix_nuit;percue_par"),
      ". Le fichier remplace le brouillon ; vous l'envoyez ensuite."),
    h("div", { class: "field" }, h("label", { for: "fichier-sejours" }, "Fichier CSV des séjours"), file),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Importer le fichier")));
  importForm.addEventListener("submit", (event) => {
    event.preventDefault();
    act(importForm, async () => {
      const chosen = file.files?.[0];
      if (!chosen) {
        const error = new Error("Choisissez d'abord le fichier à importer.");
        error.fields = new Map([["/file", "Choisissez un fichier CSV."]]);
        throw error;
      }
      await saving;
      const answer = await request("POST", `${apiPath}/stays:import`, { text: await chosen.text(), headers: { ...ifMatch(context.declaration), "Idempotency-Key": idempotencyKey() } });
      await reload(`${answer.imported_stays ?? answer.draft?.stays?.length ?? 0} séjour(s) importé(s) dans le brouillon. Vérifiez-les, puis envoyez la déclaration.`);
    });
  });

  return [
    h("section", { "aria-labelledby": "titre-sejours" }, h("h2", { id: "titre-sejours" }, "Vos séjours"), form),
    h("section", { "aria-labelledby": "titre-neant" }, h("h2", { id: "titre-neant" }, "Pas de séjour à déclarer ?"), nilForm),
    h("section", { "aria-labelledby": "titre-import" }, h("h2", { id: "titre-import" }, "Importer un fichier"), importForm),
  ];
}

function revisionView(revision, heading) {
  const nodes = [
    h("div", { class: "figures" },
      h("p", { class: "figure" }, h("span", { class: "label" }, "Taxe de séjour"), h("span", { class: "value", "data-figure": "tax" }, euros(revision.tax_cents))),
      h("p", { class: "figure" }, h("span", { class: "label" }, "Taxes additionnelles"), h("span", { class: "value", "data-figure": "additional" }, euros(revision.additional_cents))),
      h("p", { class: "figure" }, h("span", { class: "label" }, "Total à reverser"), h("span", { class: "value", "data-figure": "total" }, euros(revision.total_cents))),
      h("p", { class: "figure" }, h("span", { class: "label" }, "Nuitées (personnes × nuits)"), h("span", { class: "value", "data-figure": "person-nights" }, number(revision.person_nights)))),
  ];
  if (revision.additional_taxes?.length) {
    nodes.push(h("p", { class: "muted" }, "Taxes additionnelles : ",
      revision.additional_taxes.map((tax) => `${tax.label} ${euros(tax.amount_cents)}`).join(" ; "), "."));
  }
  if (revision.platform_person_nights) {
    nodes.push(h("p", { class: "muted" }, `Dont ${number(revision.platform_person_nights)} nuitées dont la taxe a été perçue par une plateforme : elle la reverse elle-même.`));
  }
  if (revision.kind !== "stays") {
    nodes.push(h("p", {}, `Déclaration : ${KIND_LABELS[revision.kind]}. Rien n'est dû pour ce mois.`));
    return nodes;
  }
  nodes.push(h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": heading },
    h("table", {},
      h("caption", {}, heading),
      h("thead", {}, h("tr", {}, [["Arrivée"], ["Nuits", true], ["Personnes", true], ["Exonérés"], ["Prix de la nuit", true], ["Taxe perçue par"], ["À reverser", true]].map(([label, numeric]) =>
        h("th", { scope: "col", class: numeric ? "num" : null }, label)))),
      h("tbody", {}, revision.stays.map((stay, index) => h("tr", { "data-stay": String(index) },
        h("td", {}, shortDay(stay.arrival)),
        h("td", { class: "num" }, number(stay.nights)),
        h("td", { class: "num" }, number(stay.occupants)),
        h("td", {}, exemptText(stay.exempt)),
        h("td", { class: "num" }, stay.price_per_night_cents === null ? "—" : euros(stay.price_per_night_cents)),
        h("td", {}, COLLECTOR_LABELS[stay.collector] ?? stay.collector),
        h("td", { class: "num", "data-stay-owed": String(index) }, euros(stay.total_cents))))))));
  nodes.push(h("details", { class: "explanations" },
    h("summary", {}, "Le calcul pas à pas, séjour par séjour"),
    revision.stays.map((stay, index) => h("div", {},
      h("h3", {}, `Séjour ${index + 1} : arrivée le ${day(stay.arrival)}`),
      stay.explanation.length
        ? h("ol", { class: "steps" }, stay.explanation.map((step) => h("li", {}, step)))
        : h("p", {}, "Taxe perçue par la plateforme : rien à reverser par vous.")))));
  return nodes;
}

function revisionSection(context) {
  const { accommodation, declaration, apiPath } = context;
  const current = declaration.current;
  const total = liveTotalBox();
  const form = h("form", { novalidate: true, class: "revision-form" });
  const editor = staysEditor({
    stays: current.kind === "stays" ? current.stays : [],
    priced: accommodation.category === "unclassified",
    onChange: () => live.schedule(),
  });
  const live = liveTax({ editor, form, total, quotesPath: `/v1/collectivities/${accommodation.collectivity_id}/quotes`, accommodationId: accommodation.id });
  const reason = h("textarea", { id: "motif-correction", name: "reason", rows: 3, required: true, maxlength: 1000, "data-pointer": "/reason", "aria-describedby": "motif-aide" });
  form.append(
    h("p", {}, "Une correction remplace la déclaration envoyée ; l'ancienne version reste consultable dans l'historique. Modifiez les séjours (retirez-les tous pour déclarer « aucune location en direct »), puis dites pourquoi."),
    editor.element, total,
    h("div", { class: "field" },
      h("label", { for: "motif-correction" }, "Motif de la correction"),
      h("span", { class: "hint", id: "motif-aide" }, "Par exemple : « un séjour annulé avait été déclaré », « j'avais oublié deux enfants »."),
      reason),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Envoyer la correction")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(form, async () => {
      const stays = editor.read().map((row) => row.input);
      const body = stays.length ? { kind: "stays", stays, reason: reason.value.trim() } : { kind: "nil", reason: reason.value.trim() };
      await request("POST", `${apiPath}/revisions`, { body, headers: { ...ifMatch(context.declaration), "Idempotency-Key": idempotencyKey() } });
      await reload("Votre correction est enregistrée. Voici ce que le service a calculé.");
    });
  });
  const toggle = h("details", { class: "revise" }, h("summary", {}, "Corriger cette déclaration"), form);
  toggle.addEventListener("toggle", () => { if (toggle.open) live.schedule(); }, { once: true });
  return h("section", { "aria-labelledby": "titre-correction" }, h("h2", { id: "titre-correction" }, "Une erreur ?"), toggle);
}

function historySection(declaration) {
  const entries = declaration.revisions.map((revision) => h("li", {},
    h("strong", {}, revision.revision === 1 ? "Déclaration envoyée" : `Correction n° ${revision.revision - 1}`),
    ` le ${dateTime(revision.submitted_at)} par ${revision.submitted_by} : ${KIND_LABELS[revision.kind]}, ${euros(revision.total_cents)} à reverser`,
    revision.late ? `, ${revision.days_late} jour(s) après la date limite` : "",
    ".",
    revision.reason ? h("span", { class: "muted" }, ` Motif : « ${revision.reason} ».`) : null));
  if (declaration.draft) {
    entries.push(h("li", {}, h("strong", {}, "Brouillon"), ` enregistré le ${dateTime(declaration.draft.saved_at)} par ${declaration.draft.saved_by}.`));
  }
  return h("section", { "aria-labelledby": "titre-historique" },
    h("h2", { id: "titre-historique" }, "Historique du mois"),
    entries.length ? h("ol", { class: "history" }, entries) : h("p", { class: "muted" }, "Rien n'a encore été enregistré pour ce mois."));
}

export default async function render(page, { params }) {
  const { accommodation: accommodationId, month } = params;
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error("Ce mois n'existe pas : l'adresse doit finir par l'année et le mois, par exemple 2026-07.");
  const apiPath = `/v1/accommodations/${encodeURIComponent(accommodationId)}/declarations/${month}`;
  const [accommodation, declaration] = await Promise.all([get(`/v1/accommodations/${encodeURIComponent(accommodationId)}`), get(apiPath)]);
  const context = { accommodation, declaration, apiPath, badge: h("span", {}, statusBadge(declaration)) };
  const title = `Déclaration de ${monthName(month)}`;
  const submitted = declaration.state === "submitted" || declaration.state === "revised";

  page.append(
    h("p", { class: "breadcrumb" }, h("a", { href: "/hebergeur" }, "Mes hébergements")),
    h("h1", {}, title),
    h("p", { class: "lead" }, accommodation.name, accommodation.commune_name ? ` — ${accommodation.commune_name}` : ""),
    h("dl", { class: "facts" },
      h("dt", {}, "État"), h("dd", {}, context.badge),
      h("dt", {}, "Date limite"), h("dd", {}, day(declaration.due_on)),
      h("dt", {}, "Catégorie"), h("dd", {}, CATEGORY_LABELS[accommodation.category] ?? accommodation.category)));
  if (flash) {
    // Said once through the shell's live region; the notice stays for whoever looks.
    page.append(h("div", { class: "notice success" }, h("p", {}, flash)));
    announce(flash);
    flash = null;
  }
  if (!submitted && declaration.overdue) {
    page.append(h("div", { class: "notice warning" }, h("p", {}, `Ce mois est en retard : la date limite était le ${day(declaration.due_on)}. Déclarez-le dès que possible.`)));
  }
  if (accommodation.category === "unclassified") {
    page.append(h("p", { class: "muted" }, "Votre hébergement n'est pas classé : la taxe est un pourcentage du prix de la nuit par personne, plafonné. Indiquez le prix de chaque séjour que vous encaissez vous-même."));
  }

  if (submitted) {
    // The accusé de réception of the latest version: the host's proof of having declared.
    const receiptStatus = h("p", { role: "status", class: "muted" });
    page.append(h("section", { "aria-labelledby": "titre-calcul" },
      h("h2", { id: "titre-calcul" }, "Ce que vous avez déclaré"),
      revisionView(declaration.current, `Les séjours déclarés (version ${declaration.current.revision})`),
      h("div", { class: "receipt" },
        h("p", {}, `L'accusé de réception prouve que vous avez déclaré ce mois : il reprend la version n° ${declaration.current.revision}, les montants et la référence à indiquer sur votre virement.`),
        h("div", { class: "actions" }, pdfButton({
          label: "Télécharger l'accusé de réception (PDF)",
          path: `${apiPath}/receipt`,
          fileName: `accuse-de-reception-${month}.pdf`,
          status: receiptStatus,
        })),
        receiptStatus)));
    page.append(revisionSection(context));
  } else {
    page.append(...draftSection(context));
  }
  page.append(historySection(declaration));
  return `${title} — ${accommodation.name}`;
}
