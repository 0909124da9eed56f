// The host's space on a phone (360×740): the list of accommodations and their months, declaring
// a month (three stays, one with a minor, in the demo host's unclassified accommodation, with the
// tax computed as it is typed), submitting, revising with a reason, the statement and online
// payment through the simulator, the account page; the figures on the page are the API's own
// (compared with what the API answers for the same declaration), axe-core finds no serious or
// critical violation on each page, and each page is photographed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
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
