// "/finances": where the money stands — the ledger's balances per account, what hosts owe (the
// largest debts first, each with a link to record its payment), the ledger's own check, and the
// way to every finance page.
import { h, replace, table } from "../../dom.js";
import { get } from "../../api.js";
import { euros, number } from "../../format.js";
import { base, statusBadge } from "../../finance/common.js";

// What each ledger account means, in plain words (docs/ledger.md).
const ACCOUNT_WORDS = {
  host_receivable: "Ce que les hébergeurs doivent (ou leur avance, si négatif)",
  tax_revenue: "Taxe de séjour de la collectivité",
  additional_tax_payable: "Taxes additionnelles à reverser (département…)",
  late_interest_revenue: "Intérêts de retard",
  platform_receivable: "Taxe collectée par les plateformes, pas encore versée",
  treasury: "Trésorerie (compte du comptable public ou de la régie)",
  suspense: "Sommes reçues à classer (hébergeur non trouvé)",
  tourist_office: "Versé à l'office de tourisme",
};

export default async function render(page, { principal }) {
  const path = base(principal);
  const [balances, check, bankLines] = await Promise.all([
    get(`${path}/ledger/balances`),
    get(`${path}/ledger/check`),
    get(`${path}/bank-statement-lines`).catch(() => null),
  ]);
  // One row per account: the API gives one balance per account and party (each host, each
  // beneficiary); the overview shows the account's total and how many parties it holds.
  const byAccount = new Map();
  for (const row of balances.accounts) {
    const entry = byAccount.get(row.account) ?? { account: row.account, label: row.account_label, parties: 0, balance: 0, owed: 0, credit: 0 };
    entry.parties += 1;
    entry.balance += row.balance_cents;
    if (row.balance_cents > 0) entry.owed += row.balance_cents; else entry.credit -= row.balance_cents;
    byAccount.set(row.account, entry);
  }
  const hosts = byAccount.get("host_receivable") ?? { owed: 0, credit: 0, parties: 0 };
  const debtors = balances.accounts.filter((row) => row.account === "host_receivable" && row.balance_cents > 0)
    .sort((a, b) => b.balance_cents - a.balance_cents).slice(0, 10);
  const names = await Promise.all(debtors.map((row) => get(`/v1/hosts/${row.party}`).then((host) => host.legal_name).catch(() => "Hébergeur")));

  replace(page, 
    h("h1", {}, "Finances"),
    h("p", {}, "Où en est l'argent de la taxe de séjour : ce que les hébergeurs doivent, ce qui a été encaissé, ce qui reste à reverser. Les montants viennent du grand livre (le registre où chaque mouvement d'argent est inscrit)."),
    h("ul", { class: "figures", "aria-label": "Chiffres clés" },
      h("li", { class: "figure" }, h("span", { class: "value", id: "du-hebergeurs" }, euros(hosts.owed)), h("span", { class: "label" }, "dû par les hébergeurs")),
      h("li", { class: "figure" }, h("span", { class: "value" }, euros(hosts.credit)), h("span", { class: "label" }, "d'avance au crédit d'hébergeurs")),
      h("li", { class: "figure" }, h("span", { class: "value" }, euros(byAccount.get("suspense") ? -byAccount.get("suspense").balance : 0)), h("span", { class: "label" }, "reçu, à classer")),
      h("li", { class: "figure" }, h("span", { class: "value" }, euros(byAccount.get("treasury")?.balance ?? 0)), h("span", { class: "label" }, "en trésorerie"))),
    h("h2", {}, "Le contrôle du grand livre"),
    check.sound
      ? h("p", {}, statusBadge("ok", "Cohérent"), ` ${number(check.entries)} écritures, toutes équilibrées (débits = crédits = ${euros(check.debits_cents)}), et chaque mois déclaré est inscrit pour son montant.`)
      : h("div", { class: "notice error" },
        h("p", {}, statusBadge("error", "Écart"), ` ${number(check.unbalanced_entries)} écriture(s) déséquilibrée(s), ${number(check.mismatches.length)} mois dont le montant inscrit diffère de la déclaration.`),
        table({ caption: "Mois en écart", columns: [
          { label: "Mois", value: (row) => row.month },
          { label: "Nature", value: (row) => row.kind },
          { label: "Attendu", value: (row) => euros(row.expected_cents), numeric: true },
          { label: "Inscrit", value: (row) => euros(row.booked_cents), numeric: true },
        ], rows: check.mismatches })),
    bankLines && bankLines.items.length
      ? h("div", { class: "notice warning" }, h("p", {}, statusBadge("warn", "À traiter"),
        ` ${number(bankLines.items.length)} ligne(s) de relevé bancaire sans hébergeur (${euros(bankLines.total_cents)}). `,
        h("a", { href: "/finances/releves-bancaires" }, "Les traiter")))
      : null,
    h("h2", {}, "Les plus grosses sommes dues"),
    table({
      caption: "Les dix hébergeurs qui doivent le plus",
      empty: "Aucun hébergeur ne doit rien.",
      columns: [
        { label: "Hébergeur", value: (row) => names[debtors.indexOf(row)] },
        { label: "Doit", value: (row) => euros(row.balance_cents), numeric: true },
        { label: "Action", value: (row) => h("a", { href: `/finances/paiements/nouveau?hote=${encodeURIComponent(row.party)}` },
          "Enregistrer un paiement", h("span", { class: "visually-hidden" }, ` de ${names[debtors.indexOf(row)]}`)) },
      ],
      rows: debtors,
    }),
    h("h2", {}, "Les soldes des comptes"),
    h("p", { class: "muted" }, "Un solde positif est une somme due à la collectivité ou détenue par elle ; un solde négatif, une somme qu'elle doit ou a perçue."),
    table({
      caption: "Solde de chaque compte du grand livre",
      columns: [
        { label: "Compte", value: (row) => ACCOUNT_WORDS[row.account] ?? row.label },
        { label: "Tiers", value: (row) => number(row.parties), numeric: true },
        { label: "Solde", value: (row) => euros(row.balance), numeric: true },
      ],
      rows: [...byAccount.values()],
    }),
    h("h2", {}, "Aller plus loin"),
    h("ul", { class: "cards" },
      card("/finances/paiements", "Paiements", "Les paiements reçus, en enregistrer un, voir quelles dettes il a payées, l'annuler."),
      card("/finances/releves-bancaires", "Relevés bancaires", "Importer le relevé de la banque et classer les virements sans hébergeur."),
      card("/finances/plateformes", "Plateformes", "Les relevés des plateformes (Airbnb…) et leur rapprochement."),
      card(`/finances/budget/${new Date().getFullYear()}`, "Budget et rapprochement", "Le budget voté, le déclaré, le payé et le reste à recouvrer."),
      card("/finances/exports", "Exports", "Export comptable, état périodique, titres de recettes, annexe annuelle, état de reversement.")));
  return "Finances";
}

function card(href, title, text) {
  return h("li", { class: "card" }, h("h3", {}, h("a", { href }, title)), h("p", {}, text));
}
