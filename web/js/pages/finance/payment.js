// "/finances/paiements/:payment_id": one payment, which debts it paid as the allocation now
// stands (worked out by the API), and its cancellation with a reason when it was a mistake.
import { h, append, replace, table, announce } from "../../dom.js";
import { get, post } from "../../api.js";
import { euros, day, dateTime, month } from "../../format.js";
import { field, onSubmit } from "../../forms.js";
import { render as redraw } from "../../router.js";
import { base, fetchDownload, METHODS, ORIGINS, DEBT_KINDS, statusBadge } from "../../finance/common.js";

export default async function render(page, { principal, params, query }) {
  const path = `${base(principal)}/payments/${encodeURIComponent(params.payment_id)}`;
  const payment = await get(path);
  const [ledger, accommodations] = await Promise.all([
    get(`/v1/hosts/${payment.host_id}/ledger`).catch(() => null),
    accommodationNames(payment.allocation?.shares ?? []),
  ]);
  const title = `Paiement de ${euros(payment.amount_cents)}`;
  replace(page, 
    h("p", {}, h("a", { href: "/finances/paiements" }, "← Tous les paiements")),
    h("h1", {}, title),
    query.get("enregistre") ? h("div", { class: "notice success", role: "status" }, h("p", {}, "Le paiement est enregistré.")) : null,
    h("dl", { class: "facts finance-facts" },
      h("dt", {}, "Hébergeur"), h("dd", {}, payment.host_name ?? payment.host_id),
      h("dt", {}, "État"), h("dd", {}, payment.reversed ? statusBadge("error", "Annulé") : statusBadge("ok", "Enregistré")),
      h("dt", {}, "Reçu le"), h("dd", {}, day(payment.received_on)),
      h("dt", {}, "Moyen"), h("dd", {}, `${METHODS[payment.method] ?? payment.method} (${ORIGINS[payment.origin] ?? payment.origin})`),
      payment.payer_reference ? [h("dt", {}, "Référence"), h("dd", {}, payment.payer_reference)] : null,
      payment.cheque_number ? [h("dt", {}, "Chèque n°"), h("dd", {}, payment.cheque_number)] : null,
      payment.target_month ? [h("dt", {}, "Mois visé"), h("dd", {}, month(payment.target_month))] : null,
      payment.note ? [h("dt", {}, "Note"), h("dd", {}, payment.note)] : null,
      h("dt", {}, "Enregistré"), h("dd", {}, `${dateTime(payment.recorded_at)} par ${payment.recorded_by}`),
      ledger ? [h("dt", {}, "Solde de l'hébergeur"), h("dd", { id: "solde-hebergeur" }, balanceWords(ledger.balance_cents))] : null),
    h("h2", {}, "Ce que ce paiement a réglé"),
    h("p", { class: "muted" }, "Calculé par le service : d'abord le mois que la référence désigne, puis les dettes les plus anciennes."),
    table({
      caption: "Dettes réglées par ce paiement",
      empty: payment.reversed ? "Ce paiement est annulé : il ne règle plus rien." : "Ce paiement n'a réglé aucune dette : il reste en avance.",
      columns: [
        { label: "Mois", value: (row) => month(row.month) },
        { label: "Hébergement", value: (row) => accommodations.get(row.accommodation_id) ?? "Hébergement" },
        { label: "Nature", value: (row) => DEBT_KINDS[row.kind] ?? row.kind },
        { label: "Montant réglé", value: (row) => euros(row.amount_cents), numeric: true },
      ],
      rows: payment.allocation?.shares ?? [],
    }),
    h("p", {}, "Reste en avance (crédit de l'hébergeur) : ", h("strong", {}, euros(payment.allocation?.unallocated_cents ?? 0))),
    statementButton(payment));

  if (payment.reversed) {
    append(page, [h("h2", {}, "Annulation"),
      h("p", {}, `Annulé le ${dateTime(payment.reversal?.recorded_at)} par ${payment.reversal?.recorded_by ?? "—"}. Motif : ${payment.reversal?.reason ?? "—"}`)]);
  } else if (payment.origin !== "online") {
    const form = h("form", { novalidate: true },
      field({ label: "Motif de l'annulation", name: "reason", type: "textarea", required: true,
        hint: "Par exemple : chèque rejeté, saisi deux fois, mauvais hébergeur. Le paiement reste dans la liste, marqué annulé.", attrs: { maxlength: 2000 } }),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "danger" }, "Annuler ce paiement")));
    onSubmit(form, async (data) => {
      const reason = String(data.get("reason") ?? "").trim();
      if (!reason) {
        const error = new Error("Le motif manque.");
        error.fields = new Map([["/reason", "Indiquez pourquoi ce paiement est annulé."]]);
        throw error;
      }
      await post(`${path}/reversal`, { reason });
      announce("Le paiement est annulé.");
      await redraw();
    });
    append(page, [h("h2", {}, "Annuler ce paiement"),
      h("p", {}, "Seulement si ce paiement a été enregistré par erreur : l'annulation inscrit l'opération inverse, datée d'aujourd'hui."),
      form]);
  }
  return title;
}

// The host's état de reversement (what it declared, paid and still owes), the API's own PDF.
function statementButton(payment) {
  const form = h("form", { novalidate: true, class: "finance-inline" },
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Télécharger l'état de reversement de l'hébergeur (PDF)")));
  onSubmit(form, () => fetchDownload(`/v1/hosts/${payment.host_id}/reversement-statement`, { format: "pdf" }, "etat-de-reversement.pdf"));
  return form;
}

function balanceWords(cents) {
  if (cents > 0) return `doit ${euros(cents)}`;
  if (cents < 0) return `a ${euros(-cents)} d'avance`;
  return "à jour (0,00 €)";
}

async function accommodationNames(shares) {
  const ids = [...new Set(shares.map((share) => share.accommodation_id))];
  const names = new Map();
  await Promise.all(ids.map(async (id) => {
    try { names.set(id, (await get(`/v1/accommodations/${id}`)).name); } catch { /* left as "Hébergement" */ }
  }));
  return names;
}
