// "/hebergeur/releve": the host's statement (GET /v1/hosts/{id}/statement): what was declared,
// paid and is still owed, month by month with the reference to quote on a transfer; the
// payments received; online payment (POST /v1/hosts/{id}/payments), through the provider the
// server uses (the demo's simulator says so on screen); the statement itself as PDF, each
// payment's receipt as PDF, and the état de reversement as PDF or CSV.
import { announce, download, h, replace, table } from "../../dom.js";
import { get, post, request } from "../../api.js";
import { dateTime, euros, month as monthName, shortDay } from "../../format.js";
import { hostFor, hostPicker, noHost, PAYMENT_METHODS } from "./common.js";
import { pdfButton } from "./pdf-download.js";

const ONLINE_STATUS = {
  started: { text: "En cours", tone: "neutral" },
  paid: { text: "Payé", tone: "ok" },
  refused: { text: "Refusé", tone: "error" },
  abandoned: { text: "Abandonné", tone: "warn" },
};
const POLL_MS = 2000;
const POLL_LIMIT = 150; // five minutes: then the host refreshes by hand

function figure(label, cents, key) {
  return h("p", { class: "figure" }, h("span", { class: "label" }, label), h("span", { class: "value", "data-figure": key }, euros(cents)));
}

function balanceText(cents) {
  if (cents > 0) return `${euros(cents)} à payer`;
  if (cents < 0) return `${euros(-cents)} d'avance (crédit)`;
  return "rien à payer";
}

const providerName = (code) => (code === "simulateur" ? "simulateur de paiement (démonstration)" : "PayFiP");

function onlinePaymentsTable(items) {
  return table({
    caption: "Vos paiements en ligne",
    columns: [
      { label: "Commencé le", value: (item) => dateTime(item.started_at) },
      { label: "Montant", numeric: true, value: (item) => euros(item.amount_cents) },
      { label: "État", value: (item) => { const status = ONLINE_STATUS[item.status] ?? { text: item.status, tone: "neutral" }; return h("span", { class: `badge ${status.tone}` }, status.text); } },
      { label: "Par", value: (item) => providerName(item.provider) },
    ],
    rows: items,
  });
}

// After the start: where to pay (in a new tab, so this page stays and watches the operation),
// then the operation's state as the server learns it from the provider (never from the return
// of the payer, which proves nothing).
function paymentStarted(box, started, hostId, onSettled) {
  const simulated = started.provider === "simulateur";
  // The simulator is this server's own page: its path works whatever address the server
  // believes it has (its public URL may name another host or port than the browser uses).
  const payerUrl = simulated ? new URL(started.payer_url, location.href).pathname : started.payer_url;
  const state = h("p", { role: "status", class: "payment-state" }, "En attente de votre paiement…");
  replace(box,
    h("div", { class: simulated ? "notice warning" : "notice" },
      simulated ? h("h3", {}, "Simulateur de paiement : aucun argent réel") : h("h3", {}, "Paiement sur PayFiP, le service de paiement de l'État"),
      started.notice ? h("p", {}, started.notice) : null,
      h("p", {}, `Montant : ${euros(started.amount_cents)}, référence ${started.refdet}.`),
      h("p", {}, h("a", { class: "button", href: payerUrl, target: "_blank", rel: "noopener" },
        simulated ? "Ouvrir la page du simulateur de paiement" : "Ouvrir la page de paiement"),
        h("span", { class: "muted" }, " (s'ouvre dans un nouvel onglet)")),
      state,
      h("div", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: () => check(true) }, "J'ai terminé : vérifier le paiement"))));
  let rounds = 0;
  let timer = null;
  async function check(byHand = false) {
    clearTimeout(timer);
    let found;
    try {
      found = (await get(`/v1/hosts/${hostId}/online-payments`)).items?.find((item) => item.idop === started.idop);
    } catch (error) {
      replace(state, `L'état du paiement n'a pas pu être lu : ${error.message}`);
      return;
    }
    if (found && found.status !== "started") {
      const status = ONLINE_STATUS[found.status] ?? { text: found.status };
      replace(state, `Paiement ${status.text.toLowerCase()}.`);
      announce(`Paiement ${status.text.toLowerCase()}.`);
      onSettled(found);
      return;
    }
    if (byHand) replace(state, "Le paiement n'est pas encore confirmé par le prestataire. Terminez-le dans l'autre onglet, puis vérifiez à nouveau.");
    if (++rounds < POLL_LIMIT && box.isConnected) timer = setTimeout(check, POLL_MS);
  }
  timer = setTimeout(check, POLL_MS);
}

export default async function render(page, { principal, query }) {
  const hostId = hostFor(principal, query);
  if (!hostId) return noHost(page);
  const title = "Mon relevé";
  page.append(h("h1", {}, title));
  const picker = await hostPicker(principal, hostId);
  if (picker) page.append(picker);
  const content = h("div", {});
  page.append(content);
  await draw(content, hostId);
  return title;
}

async function draw(content, hostId) {
  const [statement, online] = await Promise.all([
    get(`/v1/hosts/${hostId}/statement`),
    get(`/v1/hosts/${hostId}/online-payments`).catch(() => ({ items: [] })),
  ]);
  const { totals, account } = statement;
  const period = `de ${monthName(statement.from)} à ${monthName(statement.to)}`;
  const nodes = [
    h("p", {}, `${statement.legal_name} : ce que vous avez déclaré et payé ${period}.`),
    h("div", { class: "figures" },
      figure("Déclaré", totals.owed_cents, "declared"),
      figure("Payé", totals.paid_cents, "paid"),
      figure("Reste à payer", totals.outstanding_cents, "outstanding"),
      h("p", { class: "figure" }, h("span", { class: "label" }, "Votre compte, toutes périodes"), h("span", { class: "value", "data-figure": "balance" }, balanceText(account?.balance_cents ?? 0)))),
  ];
  if (totals.to_declare > 0) {
    nodes.push(h("div", { class: "notice warning" }, h("p", {},
      totals.to_declare === 1 ? "1 déclaration manque sur cette période. " : `${totals.to_declare} déclarations manquent sur cette période. `,
      h("a", { href: "/hebergeur" }, "Voir les mois à déclarer"))));
  }

  // Paying.
  const payBox = h("div", { class: "pay-box" });
  const payment = h("section", { "aria-labelledby": "titre-payer" }, h("h2", { id: "titre-payer" }, "Payer"),
    account ? h("p", {}, "Par virement, indiquez votre référence ", h("strong", { class: "reference" }, account.payment_reference),
      " (ou celle du mois, dans le tableau ci-dessous) : elle permet de rattacher votre paiement à votre compte.") : null,
    payBox);
  if (account && account.owed_cents > 0) {
    const button = h("button", { type: "button" }, `Payer ${euros(account.owed_cents)} en ligne`);
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const started = await post(account.online_payment_path ?? `/v1/hosts/${hostId}/payments`, {});
        paymentStarted(payBox, started, hostId, async (settled) => {
          if (settled.status === "paid") {
            replace(content, h("p", { class: "loading" }, "Mise à jour du relevé…"));
            await draw(content, hostId);
            content.prepend(h("div", { class: "notice success", role: "status" }, h("p", {}, `Paiement de ${euros(settled.amount_cents)} reçu : merci. Le relevé est à jour.`)));
          }
        });
      } catch (error) {
        button.disabled = false;
        replace(payBox, button, h("div", { class: "notice error", role: "alert" }, h("p", {}, error.message)));
      }
    });
    replace(payBox, h("p", {}, "Le paiement en ligne règle tout ce que vous devez à ce jour, par carte bancaire ou prélèvement."), button);
  } else {
    replace(payBox, h("p", {}, "Rien à payer pour l'instant."));
  }
  if (online.items?.length) payment.append(onlinePaymentsTable(online.items));
  nodes.push(payment);

  // Month by month.
  const showAssessed = totals.assessed_cents > 0 || totals.late_interest_cents > 0;
  const columns = [
    { label: "Mois", value: (row) => monthName(row.month) },
    { label: "Déclaré", numeric: true, value: (row) => euros(row.owed_cents) },
    ...(showAssessed ? [
      { label: "Taxation d'office", numeric: true, value: (row) => euros(row.assessed_cents) },
      { label: "Intérêts de retard", numeric: true, value: (row) => euros(row.late_interest_cents) },
    ] : []),
    { label: "Payé", numeric: true, value: (row) => euros(row.paid_cents) },
    { label: "Reste dû", numeric: true, value: (row) => euros(row.outstanding_cents) },
    { label: "Déclarations", value: (row) => (row.to_declare ? h("span", { class: "badge warn" }, `${row.to_declare} à faire`) : h("span", { class: "badge ok" }, "Complètes")) },
    { label: "Référence du mois", value: (row) => h("span", { class: "reference" }, row.payment_reference) },
  ];
  nodes.push(h("section", { "aria-labelledby": "titre-mois" }, h("h2", { id: "titre-mois" }, "Mois par mois"),
    table({
      caption: `Déclaré, payé et reste dû, ${period}`,
      columns,
      rows: [...statement.months].reverse(),
      foot: ["Total", euros(totals.owed_cents), ...(showAssessed ? [euros(totals.assessed_cents), euros(totals.late_interest_cents)] : []),
        euros(totals.paid_cents), euros(totals.outstanding_cents), totals.to_declare ? `${totals.to_declare} à faire` : "", ""],
    })));

  // Payments received.
  const payments = account?.payments ?? [];
  const receiptStatus = h("p", { role: "status", class: "muted" });
  nodes.push(h("section", { "aria-labelledby": "titre-paiements" }, h("h2", { id: "titre-paiements" }, "Paiements reçus"),
    payments.length ? h("p", {}, "Pour chaque paiement, un reçu en PDF dit ce qu'il a réglé et ce qui restait à payer ensuite.") : null,
    table({
      caption: `Paiements reçus ${period}`,
      empty: "Aucun paiement reçu sur cette période.",
      columns: [
        { label: "Reçu le", value: (row) => shortDay(row.received_on) },
        { label: "Montant", numeric: true, value: (row) => euros(row.amount_cents) },
        { label: "Moyen", value: (row) => PAYMENT_METHODS[row.method] ?? row.method },
        { label: "Remarque", value: (row) => (row.reversed ? h("span", { class: "badge error" }, "Annulé") : (row.payer_reference ?? "")) },
        { label: "Reçu", value: (row) => pdfButton({
          label: "Reçu (PDF)",
          name: `Reçu du paiement de ${euros(row.amount_cents)} du ${shortDay(row.received_on)} (PDF)`,
          path: `/v1/hosts/${hostId}/payments/${row.id}/receipt`,
          fileName: `recu-paiement-${row.received_on}.pdf`,
          status: receiptStatus,
        }) },
      ],
      rows: payments,
    }),
    receiptStatus,
    account?.refunds?.length ? table({
      caption: "Remboursements",
      columns: [
        { label: "Remboursé le", value: (row) => shortDay(row.paid_on) },
        { label: "Montant", numeric: true, value: (row) => euros(row.amount_cents) },
        { label: "Motif", value: (row) => row.reason },
      ],
      rows: account.refunds,
    }) : null));

  // Documents.
  const documents = h("div", { class: "actions" });
  const status = h("p", { role: "status", class: "muted" });
  documents.append(pdfButton({
    label: "Relevé de compte (PDF)",
    path: `/v1/hosts/${hostId}/statement`,
    query: { from: statement.from, to: statement.to, format: "pdf" },
    fileName: `releve-${statement.from}-${statement.to}.pdf`,
    status,
  }));
  for (const [format, label] of [["pdf", "État de reversement (PDF)"], ["csv", "État de reversement (tableur CSV)"]]) {
    documents.append(h("button", {
      type: "button", class: "secondary",
      onclick: async (event) => {
        event.currentTarget.disabled = true;
        const button = event.currentTarget;
        try {
          const blob = await request("GET", `/v1/hosts/${hostId}/reversement-statement`, { query: { from: statement.from, to: statement.to, format }, accept: "blob" });
          download(blob, `etat-de-reversement-${statement.from}-${statement.to}.${format}`);
          replace(status, `${label} téléchargé.`);
        } catch (error) {
          replace(status, `Le document n'a pas pu être téléchargé : ${error.message}`);
        } finally {
          button.disabled = false;
        }
      },
    }, label));
  }
  nodes.push(h("section", { "aria-labelledby": "titre-documents" }, h("h2", { id: "titre-documents" }, "Documents"),
    h("p", {}, `Le relevé de compte reprend cette page ${period} : déclaré, payé et reste dû mois par mois, votre solde et comment payer. L'état de reversement détaille en plus vos nuitées et chaque taxe.`),
    documents, status));

  replace(content, nodes);
}
