// The host's space on a phone (360×740): the list of accommodations and their months, declaring
// a month (three stays, one with a minor, in the demo host's unclassified accommodation, with the
// tax computed as it is typed), submitting, revising with a reason, the statement and online
// payment through the simulator, the PDFs (the declaration's accusé de réception, the statement,
// a payment's receipt), the account page; the figures on the page are the API's own
// (compared with what the API answers for the same declaration), axe-core finds no serious or
// critical violation on each page, and each page is photographed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ACCOUNTS, accessibilityViolations, apiGet, launchBrowser, newPage, screenshot, signIn, startPortal } from "./support/harness.mjs";

let portal;
let browser;

before(async () => {
  portal = await startPortal("host");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

// "1 234,56 €" -> 123456: the page's amounts as cents, whatever spaces the French format uses.
const cents = (text) => Number(text.replace(/[^\d-]/g, ""));
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const frenchMonth = (iso) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

// A month of the signed-in host still to declare, read from the API (never hard-coded).
async function monthToDeclare(page) {
  const me = await apiGet(page, "/v1/auth/me");
  const hostId = me.hosts[0];
  const { items } = await apiGet(page, `/v1/hosts/${hostId}/accommodations`);
  for (const accommodation of [...items].sort((a, b) => (a.category === "unclassified" ? -1 : 1) - (b.category === "unclassified" ? -1 : 1))) {
    const months = await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations`);
    const found = months.items.find((item) => item.state === "to_declare");
    if (found) return { hostId, accommodation, month: found.month };
  }
  throw new Error("the demo host has no month to declare");
}

async function fillStay(page, index, { arrival, nights, occupants, minors, price, collector }) {
  const stay = page.getByRole("group", { name: `Séjour ${index}`, exact: true });
  await stay.getByLabel("Date d'arrivée").fill(arrival);
  await stay.getByLabel("Nuits").fill(String(nights));
  await stay.getByLabel("Personnes", { exact: true }).fill(String(occupants));
  if (minors !== undefined) await stay.getByLabel("dont mineurs").fill(String(minors));
  if (price !== undefined) await stay.getByLabel("Prix de la nuit hors taxes (€)").fill(price);
  if (collector) await stay.getByLabel("Qui a perçu la taxe ?").selectOption(collector);
  return stay;
}

// Clicks `button`, waits for the download it starts and checks the file is a PDF.
async function isPdf(page, button, fileName) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  assert.match(file.suggestedFilename(), fileName);
  assert.equal((await readFile(await file.path())).subarray(0, 5).toString(), "%PDF-");
}

test("a host declares a month on a phone, sees the API's amounts, submits, revises and reads the statement", async () => {
  const page = await newPage(browser, { phone: true });
  await signIn(page, portal.url, ACCOUNTS.host);

  // The list of accommodations and the state of their months.
  await page.getByRole("heading", { level: 1, name: "Mes hébergements" }).waitFor();
  const { hostId, accommodation, month } = await monthToDeclare(page);
  assert.equal(accommodation.category, "unclassified");
  const monthLink = page.locator(`a[href="/hebergeur/declarations/${accommodation.id}/${month}"]`);
  assert.ok(await monthLink.count() >= 1, "the month to declare is linked from the list");
  assert.match(await page.locator(".host-months").first().textContent(), /En retard|À déclarer/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-hebergements");

  // Declaring: a stay in the wrong month first, which the API refuses next to its field.
  await monthLink.first().click();
  await page.getByRole("heading", { level: 1, name: `Déclaration de ${frenchMonth(month)}` }).waitFor();
  const day = (n) => `${month}-${String(n).padStart(2, "0")}`;
  const first = await fillStay(page, 1, { arrival: `${Number(month.slice(0, 4)) - 1}-${month.slice(5)}-03`, nights: 3, occupants: 2, price: "60,00" });
  const arrival = first.getByLabel("Date d'arrivée");
  await page.waitForFunction(() => document.querySelector('[data-pointer="/stays/0/arrival"]')?.getAttribute("aria-invalid") === "true");
  assert.match(await first.locator(".field-error").first().textContent(), /mois/);

  // Then three good stays: one with a minor, one collected by a platform.
  await arrival.fill(day(3));
  await page.getByRole("button", { name: "Ajouter un séjour" }).click();
  await fillStay(page, 2, { arrival: day(10), nights: 4, occupants: 3, minors: 1, price: "58,00" });
  await page.getByRole("button", { name: "Ajouter un séjour" }).click();
  await fillStay(page, 3, { arrival: day(20), nights: 2, occupants: 2, price: "47,00", collector: "airbnb" });
  // The platform's stay owes nothing to the host; the total is drawn in the same pass.
  await page.getByRole("group", { name: "Séjour 3", exact: true }).getByText(/perçue par la plateforme/).waitFor();
  const liveTotal = page.locator("[data-live-total]");
  await liveTotal.waitFor();
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  const typedTotal = cents(await liveTotal.textContent());
  const typedStays = [cents(await page.locator('[data-stay-total="0"]').textContent()), cents(await page.locator('[data-stay-total="1"]').textContent())];
  await page.getByRole("group", { name: "Séjour 2", exact: true }).getByText("Le calcul pas à pas").click();
  assert.match(await page.getByRole("group", { name: "Séjour 2", exact: true }).locator("ol.steps").textContent(), /mineur/);
  // The draft was saved as the host typed.
  await page.getByText(/Brouillon enregistré/).waitFor();
  const draft = await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations/${month}`);
  assert.equal(draft.state, "draft");
  assert.equal(draft.draft.stays.length, 3);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-declaration-saisie");

  // Submitting: the page shows what the API computed and froze.
  await page.getByRole("button", { name: "Envoyer la déclaration" }).click();
  await page.getByRole("heading", { level: 2, name: "Ce que vous avez déclaré" }).waitFor();
  const submitted = await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations/${month}`);
  assert.equal(submitted.state, "submitted");
  assert.equal(submitted.current.stays.length, 3);
  assert.equal(cents(await page.locator('[data-figure="total"]').textContent()), submitted.current.total_cents);
  assert.equal(cents(await page.locator('[data-figure="tax"]').textContent()), submitted.current.tax_cents);
  assert.equal(typedTotal, submitted.current.total_cents, "the total shown while typing is the submission's");
  assert.deepEqual(typedStays, submitted.current.stays.slice(0, 2).map((stay) => stay.total_cents));
  for (const [index, stay] of submitted.current.stays.entries()) {
    assert.equal(cents(await page.locator(`[data-stay-owed="${index}"]`).textContent()), stay.total_cents);
  }
  assert.equal(submitted.current.stays[1].exempt.minors, 1);
  assert.equal(submitted.current.stays[2].collector, "airbnb");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-declaration-envoyee");

  // Revising: without a reason the API refuses, next to the reason's field; then with one.
  await page.getByText("Corriger cette déclaration").click();
  const revision = page.locator("form.revision-form");
  await revision.getByRole("group", { name: "Séjour 1", exact: true }).getByLabel("Nuits").fill("2");
  await revision.getByRole("button", { name: "Envoyer la correction" }).click();
  await page.waitForFunction(() => document.querySelector('[data-pointer="/reason"]')?.getAttribute("aria-invalid") === "true");
  await revision.getByLabel("Motif de la correction").fill("Les voyageurs du premier séjour sont partis un jour plus tôt.");
  await revision.getByRole("button", { name: "Envoyer la correction" }).click();
  await page.locator("#contenu").getByText("Votre correction est enregistrée").waitFor();
  const revised = await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations/${month}`);
  assert.equal(revised.state, "revised");
  assert.equal(revised.revisions.length, 2);
  assert.equal(revised.current.stays[0].nights, 2);
  assert.equal(cents(await page.locator('[data-figure="total"]').textContent()), revised.current.total_cents);
  assert.match(await page.locator("ol.history").textContent(), /Correction n° 1.*partis un jour plus tôt/s);
  // The accusé de réception of the corrected declaration, as a PDF.
  await isPdf(page, page.getByRole("button", { name: "Télécharger l'accusé de réception (PDF)" }), /^accuse-de-reception-.*\.pdf$/);

  // The statement: what was declared, paid and is owed, as the API says.
  await page.getByRole("link", { name: "Mon relevé" }).click();
  await page.getByRole("heading", { level: 1, name: "Mon relevé" }).waitFor();
  await page.locator('[data-figure="declared"]').waitFor();
  const statement = await apiGet(page, `/v1/hosts/${hostId}/statement`);
  assert.equal(cents(await page.locator('[data-figure="declared"]').textContent()), statement.totals.owed_cents);
  assert.equal(cents(await page.locator('[data-figure="outstanding"]').textContent()), statement.totals.outstanding_cents);
  const row = statement.months.find((each) => each.month === month);
  assert.equal(row.owed_cents, revised.current.total_cents);
  const tableRow = page.locator("tr", { hasText: frenchMonth(month) });
  assert.match(await tableRow.textContent(), new RegExp(row.payment_reference));
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "État de reversement (PDF)" }).click()]);
  assert.match(pdf.suggestedFilename(), /^etat-de-reversement-.*\.pdf$/);
  assert.equal((await readFile(await pdf.path())).subarray(0, 5).toString(), "%PDF-");
  // The statement itself and the receipt of a payment received (the demo host has one), as PDF.
  await isPdf(page, page.getByRole("button", { name: "Relevé de compte (PDF)" }), /^releve-.*\.pdf$/);
  assert.ok(statement.account.payments.length >= 1, "the demo host has a payment in the period");
  const paid = statement.account.payments[0];
  await isPdf(page, page.getByRole("button", { name: new RegExp(`^Reçu du paiement de .* du ${paid.received_on.slice(8, 10)}/${paid.received_on.slice(5, 7)}/`) }).first(), /^recu-paiement-.*\.pdf$/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-releve");

  // The account page.
  await page.getByRole("link", { name: "Mon compte" }).click();
  await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
  await page.getByText("Cette session").waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-compte");
  assert.deepEqual(page.problems, []);
});

// This month in Paris (the server's calendar): declarable from its first day.
const currentMonth = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date()).slice(0, 7);

test("a manager chooses the host it acts for, imports a CSV file of stays, declares a nil month and pays online through the simulator", async () => {
  const page = await newPage(browser, { phone: true });
  await signIn(page, portal.url, ACCOUNTS.manager);
  await page.getByRole("heading", { level: 1, name: "Mes hébergements" }).waitFor();
  const me = await apiGet(page, "/v1/auth/me");
  assert.ok(me.hosts.length > 1);
  const hosts = await Promise.all(me.hosts.map((id) => apiGet(page, `/v1/hosts/${id}`)));
  const [importer, nil] = hosts;

  // Choosing the host: the page then lists its accommodations.
  await page.getByLabel("Vous agissez pour l'hébergeur").selectOption({ label: importer.legal_name });
  await page.getByRole("button", { name: "Changer d'hébergeur" }).click();
  await page.waitForURL((url) => url.searchParams.get("hote") === importer.id);
  const [accommodation] = (await apiGet(page, `/v1/hosts/${importer.id}/accommodations`)).items;
  await page.getByRole("heading", { level: 2, name: accommodation.name }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);

  // The CSV import: a bad row is refused with its line named, nothing stored; a good file
  // becomes the draft, whose tax is computed at once.
  const month = currentMonth();
  await page.getByRole("link", { name: `Déclarer dès maintenant ${frenchMonth(month)} (mois en cours)` }).first().click();
  await page.getByRole("heading", { level: 1, name: `Déclaration de ${frenchMonth(month)}` }).waitFor();
  const file = page.getByLabel("Fichier CSV des séjours");
  await file.setInputFiles({ name: "sejours.csv", mimeType: "text/csv", buffer: Buffer.from(`arrivee;nuits;occupants;prix_nuit\n${month}-01;0;2;50,00\n`) });
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  const refusal = page.locator("form.import-form").getByRole("alert");
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /Ligne/);
  assert.equal((await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations/${month}`)).draft, null);
  await file.setInputFiles({ name: "sejours.csv", mimeType: "text/csv",
    buffer: Buffer.from(`arrivee;nuits;occupants;mineurs;prix_nuit;percue_par\n${month}-01;1;2;1;50,00;hote\n${month}-01;1;2;0;40,00;booking\n`) });
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  await page.locator("#contenu").getByText("2 séjour(s) importé(s)").waitFor();
  await page.getByRole("group", { name: "Séjour 2", exact: true }).waitFor();
  const liveTotal = page.locator("[data-live-total]");
  await liveTotal.waitFor();
  await page.getByRole("button", { name: "Envoyer la déclaration" }).click();
  await page.getByRole("heading", { level: 2, name: "Ce que vous avez déclaré" }).waitFor();
  const imported = await apiGet(page, `/v1/accommodations/${accommodation.id}/declarations/${month}`);
  assert.equal(imported.current.stays.length, 2);
  assert.equal(cents(await page.locator('[data-figure="total"]').textContent()), imported.current.total_cents);

  // The nil return, in one click, for the other host.
  const [other] = (await apiGet(page, `/v1/hosts/${nil.id}/accommodations`)).items;
  await page.goto(`${portal.url}/hebergeur/declarations/${other.id}/${month}?hote=${nil.id}`);
  await page.getByRole("button", { name: "Aucune location en direct ce mois-ci" }).click();
  await page.locator("#contenu").getByText("Le mois est déclaré : aucune location en direct.").waitFor();
  const declaredNil = await apiGet(page, `/v1/accommodations/${other.id}/declarations/${month}`);
  assert.equal(declaredNil.current.kind, "nil");
  assert.match(await page.locator(".badge").first().textContent(), /Aucune location en direct/);

  // Online payment: the simulator says what it is, pays in its own tab, and the statement
  // follows what the server learnt from it.
  await page.goto(`${portal.url}/hebergeur/releve?hote=${importer.id}`);
  await page.getByRole("heading", { level: 1, name: "Mon relevé" }).waitFor();
  const before = await apiGet(page, `/v1/hosts/${importer.id}/statement`);
  assert.ok(before.account.owed_cents > 0);
  await page.getByRole("button", { name: /^Payer .* en ligne$/ }).click();
  await page.getByRole("heading", { name: "Simulateur de paiement : aucun argent réel" }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-paiement-simulateur");
  const [simulator] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "Ouvrir la page du simulateur de paiement" }).click(),
  ]);
  await simulator.getByRole("button", { name: "Payer (simulé)" }).click();
  await simulator.getByText("Paiement simulé accepté").waitFor();
  await simulator.close();
  await page.getByText(/reçu : merci/).waitFor();
  const after = await apiGet(page, `/v1/hosts/${importer.id}/statement`);
  assert.equal(after.account.balance_cents, 0);
  assert.match(await page.locator('[data-figure="balance"]').textContent(), /rien à payer/);
  assert.deepEqual(page.problems, []);
});

test("on their account page a host closes another session, gives a conciergerie access and withdraws it, and asks for a new password", async () => {
  const page = await newPage(browser, { phone: true });
  await signIn(page, portal.url, ACCOUNTS.host);
  const elsewhere = await newPage(browser);
  await signIn(elsewhere, portal.url, ACCOUNTS.host);
  await page.goto(`${portal.url}/compte`);
  await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();

  // Sessions: the other one is closed from here.
  const close = page.getByRole("button", { name: /^Fermer la session/ });
  assert.ok(await close.count() >= 1);
  const others = (await apiGet(page, "/v1/auth/sessions")).items.filter((session) => !session.current).length;
  await close.first().click();
  await page.waitForFunction((count) => document.querySelectorAll("button").length >= 0 &&
    [...document.querySelectorAll("button")].filter((button) => button.textContent.startsWith("Fermer la session")).length === count - 1, others);
  assert.equal(await elsewhere.evaluate(async () => (await fetch("/v1/auth/me")).status), 401);

  // Managers: given, then withdrawn after a confirmation.
  await page.getByText("Donner accès à une conciergerie").click();
  await page.getByLabel("Adresse électronique de la conciergerie").fill("gestion-locative@exemple.invalid");
  await page.getByLabel("Son nom").fill("Gestion locative du Sancy");
  await page.getByRole("button", { name: "Donner accès" }).click();
  const card = page.locator(".card", { hasText: "Gestion locative du Sancy" });
  await card.getByText("Accès actif").waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await card.getByRole("button", { name: "Retirer l'accès de Gestion locative du Sancy" }).click();
  await card.getByRole("button", { name: "Oui, retirer l'accès" }).click();
  await page.locator(".card", { hasText: "Gestion locative du Sancy" }).getByText("Accès retiré").waitFor();
  const me = await apiGet(page, "/v1/auth/me");
  const grants = (await apiGet(page, `/v1/hosts/${me.hosts[0]}/managers`)).items;
  assert.equal(grants.find((grant) => grant.email === "gestion-locative@exemple.invalid").active, false);

  // The password: a link to the account's own address.
  await page.getByRole("button", { name: "Recevoir le lien pour changer mon mot de passe" }).click();
  await page.getByText(/Un courriel vient d'être envoyé/).waitFor();
  await portal.smtp.waitFor((mail) => mail.to.includes(ACCOUNTS.host));
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "hebergeur-compte-acces");
  assert.deepEqual(page.problems, []);

  // The same page serves every signed-in user: staff have no managers section.
  const referent = await newPage(browser, { phone: true });
  await signIn(referent, portal.url, ACCOUNTS.referent);
  await referent.goto(`${portal.url}/compte`);
  await referent.getByRole("heading", { level: 2, name: "Vos sessions ouvertes" }).waitFor();
  assert.equal(await referent.getByRole("heading", { name: "Qui peut agir pour vous" }).count(), 0);
  assert.deepEqual(await accessibilityViolations(referent), []);
  assert.deepEqual(referent.problems, []);
});
