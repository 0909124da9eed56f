// "/finances/paiements/nouveau[?hote=…]": recording a payment received (transfer, cheque, cash);
// the API's errors go next to their fields; once booked, the payment's page shows what it paid.
import { h, replace } from "../../dom.js";
import { get, post } from "../../api.js";
import { euros, parseEuros } from "../../format.js";
import { field, onSubmit } from "../../forms.js";
import { navigate } from "../../router.js";
import { base, hostPicker, isoDay } from "../../finance/common.js";

export default async function render(page, { principal, query }) {
  let initial = null;
  const hostId = query.get("hote");
  if (hostId) {
    try {
      const [host, ledger] = await Promise.all([get(`/v1/hosts/${hostId}`), get(`/v1/hosts/${hostId}/ledger`)]);
      initial = { id: host.id, label: `${host.legal_name} — doit ${euros(ledger.balance_cents)}` };
    } catch { /* an unknown host: the picker starts empty */ }
  }
  const form = h("form", { novalidate: true, class: "finance-form" },
    hostPicker(principal, { initial, required: false }),
    h("p", { class: "hint muted" }, "Vous pouvez aussi laisser l'hébergeur vide et recopier la référence de paiement « TS… » que l'hébergeur a indiquée : elle le désigne."),
    field({ label: "Moyen de paiement", name: "method", type: "select", required: true, value: "bank_transfer",
      options: [["bank_transfer", "Virement"], ["cheque", "Chèque"], ["cash", "Espèces (régie)"]] }),
    h("div", { class: "grid-2" },
      field({ label: "Montant reçu (€)", name: "amount", pointer: "/amount_cents", required: true, hint: "Par exemple 125,40", attrs: { inputmode: "decimal", autocomplete: "off" } }),
      field({ label: "Reçu le", name: "received_on", type: "date", required: true, value: isoDay() })),
    field({ label: "Référence du virement", name: "payer_reference", hint: "Le libellé du virement tel que la banque l'affiche ; une référence « TS… » désigne l'hébergeur et le mois.", attrs: { maxlength: 140 } }),
    field({ label: "Numéro du chèque", name: "cheque_number", hint: "Pour un chèque seulement.", attrs: { maxlength: 40 } }),
    field({ label: "Mois à régler en premier (facultatif)", name: "target_month", hint: "AAAA-MM, par exemple 2026-07. Sans mois, le paiement règle les dettes les plus anciennes.", attrs: { inputmode: "numeric", placeholder: "AAAA-MM" } }),
    field({ label: "Note (facultatif)", name: "note", type: "textarea", attrs: { maxlength: 2000 } }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Enregistrer le paiement")));
  onSubmit(form, async (data) => {
    const amount = parseEuros(data.get("amount") ?? "");
    if (amount === null || amount <= 0) {
      const error = new Error("Le montant n'est pas valable.");
      error.fields = new Map([["/amount_cents", "Indiquez un montant en euros, par exemple 125,40."]]);
      throw error;
    }
    const body = { method: data.get("method"), amount_cents: amount, received_on: data.get("received_on") };
    for (const name of ["host_id", "payer_reference", "cheque_number", "target_month", "note"]) {
      const value = String(data.get(name) ?? "").trim();
      if (value) body[name] = value;
    }
    const payment = await post(`${base(principal)}/payments`, body);
    navigate(`/finances/paiements/${payment.id}?enregistre=1`);
  });
  replace(page, 
    h("p", {}, h("a", { href: "/finances/paiements" }, "← Tous les paiements")),
    h("h1", {}, "Enregistrer un paiement"),
    h("p", {}, "Pour un virement, un chèque ou des espèces reçus d'un hébergeur. Les paiements en ligne s'enregistrent seuls."),
    form);
  return "Enregistrer un paiement";
}
