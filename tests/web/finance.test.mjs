// Finance's pages, in Chromium: finance records a payment and sees the reconciliation report
// change by what the API says the payment paid; every finance page passes axe-core and is
// photographed; the API's errors show next to their fields; exports come down as files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNTS, accessibilityViolations, apiGet, launchBrowser, newPage, psql, screenshot, signIn, startPortal } from "./support/harness.mjs";

let portal;
let browser;
let page;
let collectivity;

const euros = (cents) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
// Chromium and node may differ in the kind of space they put in "1 234,56 €".
const flat = (text) => text.replace(/\s/g, " ").trim();

before(async () => {
  portal = await startPortal("finance");
  // A database freshly cloned from the just-seeded template has no planner statistics yet, and
  // the reconciliation report then takes seconds instead of a tenth of one.
  psql("ANALYZE", portal.database);
  browser = await launchBrowser();
  page = await newPage(browser, { phone: true });
  await signIn(page, portal.url, ACCOUNTS.finance);
  collectivity = (await apiGet(page, "/v1/auth/me")).collectivity_id;
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function checkPage(name) {
  assert.deepEqual(await accessibilityViolations(page), []);
  // Usable at 360 px: nothing but the tables' own scrolling areas is wider than the screen.
  const wide = await page.evaluate(() => [...document.querySelectorAll("main *")]
    .filter((element) => !element.closest(".table-wrap") && element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${element.textContent.slice(0, 40)}`));
  assert.deepEqual(wide, [], `wider than the screen on ${name}`);
  await screenshot(page, name);
}

async function paidOnReport(year) {
  await page.goto(`${portal.url}/finances/budget/${year}`);
  await page.getByRole("heading", { level: 1, name: `Budget et rapprochement ${year}` }).waitFor();
  return flat(await page.locator("#rapprochement-paye").textContent());
}

test("the overview shows the ledger's balances, its check and the largest debts", async () => {
  await page.goto(`${portal.url}/finances`);
  await page.getByRole("heading", { level: 1, name: "Finances" }).waitFor();
  const check = await apiGet(page, `/v1/collectivities/${collectivity}/ledger/check`);
  assert.equal(check.sound, true);
  await page.getByText("Cohérent").waitFor();
  assert.ok(await page.getByRole("link", { name: /Enregistrer un paiement de / }).count() > 0);
  await checkPage("finances-accueil");
});

test("finance records a payment and sees the reconciliation report change", async () => {
  // A declared month still unpaid (from the titres the API lists), so that the payment, aimed at
  // that month, shows in that year's report.
  const titres = await apiGet(page, `/v1/collectivities/${collectivity}/exports/titres`);
  const debt = titres.items.find((item) => item.kind === "declaration" && item.amount_cents >= 2000);
  assert.ok(debt, "the demo territory has an unpaid declared month");
  const year = Number(debt.month.slice(0, 4));
  const amount = Math.min(debt.amount_cents, 5000);
  const report = `/v1/collectivities/${collectivity}/reconciliation?year=${year}&group_by=month`;

  const before = await apiGet(page, report);
  assert.equal(await paidOnReport(year), flat(euros(before.totals.paid_cents)));
  await checkPage("finances-budget-rapprochement");

  await page.goto(`${portal.url}/finances/paiements/nouveau?hote=${debt.debtor.host_id}`);
  await page.getByRole("heading", { level: 1, name: "Enregistrer un paiement" }).waitFor();
  assert.match(await page.getByLabel("Hébergeur choisi").textContent(), new RegExp(debt.debtor.legal_name));
  // A cheque without its number: the API's message goes next to the field.
  await page.getByLabel("Moyen de paiement").selectOption("cheque");
  await page.getByLabel("Montant reçu (€)").fill(euros(amount).replace(/\s*€/, ""));
  await page.getByLabel("Mois à régler en premier (facultatif)").fill(debt.month);
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await page.getByRole("alert").waitFor();
  const chequeField = page.locator(".field", { has: page.getByLabel("Numéro du chèque") });
  assert.match(await chequeField.locator(".field-error").textContent(), /numéro du chèque/i);
  assert.equal(await page.getByLabel("Numéro du chèque").getAttribute("aria-invalid"), "true");
  await checkPage("finances-paiement-erreur");

  await page.getByLabel("Numéro du chèque").fill("8812345");
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await page.waitForURL((url) => /^\/finances\/paiements\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByText("Le paiement est enregistré.").waitFor();
  const paymentId = new URL(page.url()).pathname.split("/").pop();
  const payment = await apiGet(page, `/v1/collectivities/${collectivity}/payments/${paymentId}`);
  assert.equal(payment.amount_cents, amount);
  const share = payment.allocation.shares.find((each) => each.month === debt.month);
  assert.ok(share, "the payment paid the month it was aimed at");
  const table = page.getByRole("table", { name: "Dettes réglées par ce paiement" });
  assert.match(flat(await table.textContent()), new RegExp(flat(euros(share.amount_cents)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await checkPage("finances-paiement");
  const [statement] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /état de reversement/ }).click()]);
  assert.equal(statement.suggestedFilename(), "etat-de-reversement.pdf");

  const after = await apiGet(page, report);
  const paidInYear = payment.allocation.shares.filter((each) => each.month.startsWith(`${year}-`)).reduce((sum, each) => sum + each.amount_cents, 0);
  assert.ok(paidInYear > 0);
  assert.equal(after.totals.paid_cents, before.totals.paid_cents + paidInYear);
  const shown = await paidOnReport(year);
  assert.notEqual(shown, flat(euros(before.totals.paid_cents)));
  assert.equal(shown, flat(euros(after.totals.paid_cents)));
  // The month's row of the report's table says the same.
  const monthRow = after.rows.find((row) => row.key === debt.month);
  const row = page.getByRole("table", { name: /^Rapprochement/ }).getByRole("row", { name: new RegExp(monthRow.label) });
  assert.match(flat(await row.textContent()), new RegExp(flat(euros(monthRow.paid_cents)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // Recorded by mistake: reversed with a reason, it stays listed as cancelled.
  await page.goto(`${portal.url}/finances/paiements/${paymentId}`);
  await page.getByRole("button", { name: "Annuler ce paiement" }).click();
  await page.getByRole("alert").waitFor();
  await page.getByLabel("Motif de l'annulation").fill("Chèque rejeté par la banque.");
  await page.getByRole("button", { name: "Annuler ce paiement" }).click();
  await page.getByText(/Motif : Chèque rejeté par la banque\./).waitFor();
  assert.equal((await apiGet(page, `/v1/collectivities/${collectivity}/payments/${paymentId}`)).reversed, true);
  assert.equal(flat(await paidOnReport(year)), flat(euros(before.totals.paid_cents)));
  assert.deepEqual(page.problems, []);
});

test("the year's budget is entered, and the report shows its forecast", async () => {
  const year = new Date().getFullYear();
  await page.goto(`${portal.url}/finances/budget/${year}`);
  await page.getByRole("heading", { level: 1, name: `Budget et rapprochement ${year}` }).waitFor();
  // A décision modificative needs its reference: the API says so next to the field.
  await page.getByLabel("Étape").selectOption("decision_modificative");
  await page.getByLabel("Taxe de séjour prévue (€)").fill("150 000,00");
  await page.getByRole("button", { name: "Enregistrer le budget" }).click();
  const referenceField = page.locator(".field", { has: page.getByLabel("Référence de la décision") });
  await referenceField.locator(".field-error").waitFor();
  await page.getByLabel("Étape").selectOption("budget_primitif");
  await page.getByRole("button", { name: "Enregistrer le budget" }).click();
  await page.getByRole("heading", { name: "Modifier le budget (nouvelle version)" }).waitFor();
  const budget = await apiGet(page, `/v1/collectivities/${collectivity}/budget/${year}`);
  assert.equal(budget.forecast_tax_cents, 15000000);
  assert.equal(flat(await page.locator("#rapprochement-prevu").textContent()), flat(euros(15000000)));
  // The tourist office's allocation in two instalments that must add up to it.
  await page.getByLabel("Référence de la décision").fill("DM n° 1, délibération du 12 juin");
  await page.getByLabel("Dotation de l'office de tourisme (€)").fill("10 000,00");
  for (const [due, amount] of [[`${year}-03-31`, "6 000,00"], [`${year}-09-30`, "3 000,00"]]) {
    await page.getByRole("button", { name: "Ajouter une échéance" }).click();
    const row = page.locator("fieldset.finance-instalment").last();
    await row.getByLabel("Date").fill(due);
    await row.getByLabel("Montant (€)").fill(amount);
  }
  await page.getByRole("button", { name: "Enregistrer une nouvelle version" }).click();
  await page.getByRole("alert").filter({ hasText: "au lieu de la dotation" }).waitFor();
  await page.locator("fieldset.finance-instalment").last().getByLabel("Montant (€)").fill("4 000,00");
  await page.getByRole("button", { name: "Enregistrer une nouvelle version" }).click();
  await page.getByRole("table", { name: "Échéancier de l'office de tourisme" }).locator("tbody tr").nth(1).waitFor();
  const office = (await apiGet(page, `/v1/collectivities/${collectivity}/budget/${year}`));
  assert.deepEqual(office.instalments.map((each) => each.amount_cents), [600000, 400000]);
  assert.equal(office.version, 2);
  await checkPage("finances-budget-saisi");
  // The same report by quarter: the rows the API gives, with their totals.
  await page.getByLabel("Regrouper").selectOption("quarter");
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.getByRole("table", { name: /par trimestre/ }).waitFor();
  const byQuarter = await apiGet(page, `/v1/collectivities/${collectivity}/reconciliation?year=${year}&group_by=quarter`);
  assert.equal(await page.getByRole("table", { name: /par trimestre/ }).locator("tbody tr").count(), byQuarter.rows.length);
  for (const [button, file] of [["Télécharger le rapport (PDF)", `rapprochement-${year}-quarter.pdf`], ["Télécharger le rapport (CSV)", `rapprochement-${year}-quarter.csv`]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
    assert.equal(download.suggestedFilename(), file);
  }
});

test("the payments list shows what the API lists", async () => {
  await page.goto(`${portal.url}/finances/paiements?du=2000-01-01`);
  await page.getByRole("heading", { level: 1, name: "Paiements reçus" }).waitFor();
  const listed = await apiGet(page, `/v1/collectivities/${collectivity}/payments?from=2000-01-01&limit=100`);
  const rows = page.getByRole("table", { name: /Paiements reçus/ }).locator("tbody tr");
  assert.equal(await rows.count(), listed.items.length);
  await checkPage("finances-paiements");
});

test("a bank's format is described, its statement imported, a line assigned to a host and another set aside", async () => {
  await page.goto(`${portal.url}/finances/releves-bancaires`);
  await page.getByRole("heading", { level: 1, name: "Relevés bancaires" }).waitFor();
  await checkPage("finances-releves-vide");
  await page.getByText("Décrire le fichier d'une nouvelle banque").click();
  await page.getByLabel("Nom de la banque ou du format").fill("Banque de France — DFT");
  await page.getByRole("button", { name: "Enregistrer ce format" }).click();
  await page.getByLabel("Format de la banque").waitFor();
  const csv = "Date;Libellé;Montant\n02/11/2026;VIR LOYER SALLE DES FETES;150,00\n03/11/2026;VIR M DUPONT SANS REFERENCE;42,50\n";
  await page.getByLabel("Fichier du relevé (CSV)").setInputFiles({ name: "releve.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Importer le relevé" }).click();
  await page.getByRole("heading", { name: "Virements à classer (2)" }).waitFor();
  // The transfer without a reference goes to the host finance finds by name.
  const host = (await apiGet(page, `/v1/collectivities/${collectivity}/hosts?limit=1`)).items[0];
  const second = page.locator("article", { hasText: "VIR M DUPONT" });
  await second.getByText("Attribuer à un hébergeur").click();
  await second.getByLabel("Rechercher par nom").fill(host.legal_name);
  await second.getByRole("button", { name: "Chercher" }).click();
  await second.getByRole("status").filter({ hasText: "trouvé" }).waitFor();
  await second.getByLabel("Hébergeur choisi").selectOption(host.id);
  await second.getByRole("button", { name: "Attribuer ce virement" }).click();
  await page.getByRole("heading", { name: "Virements à classer (1)" }).waitFor();
  const assigned = await apiGet(page, `/v1/collectivities/${collectivity}/payments?host_id=${host.id}&from=2026-11-03&to=2026-11-03`);
  assert.ok(assigned.items.some((payment) => payment.amount_cents === 4250 && payment.origin === "bank_statement"));
  await page.getByText("Écarter ce virement").click();
  await page.getByLabel("Motif").fill("Loyer de la salle des fêtes, pas de la taxe de séjour.");
  await checkPage("finances-releves-bancaires");
  await page.getByRole("button", { name: /Écarter : ce n'est pas/ }).click();
  await page.getByRole("heading", { name: "Virements à classer (0)" }).waitFor();
  const lines = await apiGet(page, `/v1/collectivities/${collectivity}/bank-statement-lines`);
  assert.equal(lines.items.length, 0);
});

test("a platform's statement is imported, its reversement recorded, and the reports say so", async () => {
  // The demo has no platform: creating one is the operator's and registering it the admin's,
  // neither of which the demo signs in as, so the test writes those two rows itself.
  const platformId = psql(`INSERT INTO platform_clients (name, created_by) VALUES ('Airbnb', 'test') RETURNING id`, portal.database).split("\n")[0];
  psql(`INSERT INTO platform_registrations (collectivity_id, platform_id, registered_by) VALUES ('${collectivity}', '${platformId}', 'test')`, portal.database);
  const siren = psql(`SELECT siren FROM collectivities WHERE id = '${collectivity}'`, portal.database);
  const accommodation = (await apiGet(page, `/v1/collectivities/${collectivity}/accommodations?limit=50`)).items.find((each) => each.registration_number);
  const year = new Date().getFullYear() - 1; // a whole past year: its stays are in any report period chosen below
  const csv = [
    "siren_commune;siren_collectivite;date_debut_sejour;date_fin_sejour;date_perception;adresse;code_postal;commune;nombre_personnes;nombre_nuitees;prix_nuitee;montant_taxe_percue;nature;categorie;numero_enregistrement",
    `211501380;${siren};03/09/${year};06/09/${year};01/09/${year};${accommodation.address.line};${accommodation.address.postal_code};Commune;2;3;;6,60;chambre d'hôtes;1_etoile;${accommodation.registration_number}`,
    `211501380;${siren};10/09/${year};12/09/${year};01/09/${year};1 rue Inconnue;${accommodation.address.postal_code};Commune;2;2;80,00;16,00;meublé de tourisme;non_classe;`,
  ].join("\n");

  await page.goto(`${portal.url}/finances/plateformes`);
  await page.getByRole("heading", { level: 1, name: "Plateformes" }).waitFor();
  await page.getByLabel("Relevé de la plateforme (CSV)").setInputFiles({ name: "airbnb.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Importer le relevé" }).click();
  const unmatched = page.getByRole("table", { name: "Lignes de plateformes à rapprocher" });
  await unmatched.waitFor();
  assert.match(await unmatched.textContent(), /1 rue Inconnue/);
  assert.match(flat(await page.getByRole("table", { name: /^Relevés des plateformes/ }).textContent()), new RegExp(flat(euros(2260))));

  // A reversement without its bank reference: the API's word next to the field.
  await page.getByText("Enregistrer un reversement reçu").click();
  await page.getByLabel("Montant reçu (€)").fill("22,60");
  await page.getByLabel("Période payée : du").fill(`${year}-07-01`);
  await page.getByLabel("au", { exact: true }).fill(`${year}-12-31`);
  await page.getByRole("button", { name: "Enregistrer le reversement" }).click();
  const referenceField = page.locator(".field", { has: page.getByLabel("Référence bancaire du virement") });
  await referenceField.locator(".field-error").waitFor();
  await page.getByLabel("Référence bancaire du virement").fill("VIR AIRBNB PAYMENTS S2");
  await page.getByRole("button", { name: "Enregistrer le reversement" }).click();
  await page.getByRole("table", { name: "Reversements des plateformes" }).waitFor();

  await page.goto(`${portal.url}/finances/plateformes?du=${year}-01&au=${year}-12`);
  const halfYears = page.getByRole("table", { name: /^Collecté et reversé par plateforme/ });
  await halfYears.waitFor();
  const report = await apiGet(page, `/v1/collectivities/${collectivity}/platform-reconciliation/reversements?from=${year}-01&to=${year}-12`);
  assert.equal(report.totals.collected_cents, 2260);
  assert.equal(report.totals.reversed_cents, 2260);
  assert.match(flat(await halfYears.locator("tfoot").textContent()), new RegExp(`${flat(euros(2260))}.*${flat(euros(2260))}`));
  await page.getByRole("heading", { name: "Nuitées : hébergeurs et plateformes" }).waitFor();
  await checkPage("finances-plateformes");
});

test("exports come down as files, and a bad period is shown next to its field", async () => {
  await page.goto(`${portal.url}/finances/exports`);
  await page.getByRole("heading", { level: 1, name: "Exports" }).waitFor();
  await checkPage("finances-exports");
  const accounting = page.locator("section", { has: page.getByRole("heading", { name: "Export comptable" }) });
  const [download] = await Promise.all([page.waitForEvent("download"), accounting.getByRole("button", { name: "Télécharger (CSV)" }).click()]);
  assert.match(download.suggestedFilename(), /^export-comptable-.*\.csv$/);
  const annex = page.locator("section", { has: page.getByRole("heading", { name: "Annexe annuelle" }) });
  await annex.getByLabel("Exercice").fill("1999");
  await annex.getByRole("button", { name: "Télécharger (PDF)" }).click();
  await annex.locator(".field-error").waitFor();
  assert.match(await annex.locator(".field-error").textContent(), /exercice/);
  assert.deepEqual(page.problems, []);
});

test("the finance pages are finance's: a referent is told so", async () => {
  const other = await newPage(browser);
  await signIn(other, portal.url, ACCOUNTS.referent);
  await other.goto(`${portal.url}/finances/paiements`);
  await other.getByRole("heading", { level: 1, name: "Accès refusé" }).waitFor();
  assert.equal(await other.getByRole("link", { name: "Paiements" }).count(), 0);
  await other.context().close();
});
