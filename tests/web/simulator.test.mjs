// The public simulator, on a phone and without a login: a visitor gets the tax of a stay in a
// classified category and of a stay in unclassified lodging at a given price, and the page shows
// exactly what POST /v1/collectivities/{id}/quotes answers for the same stay. axe-core on each
// page, and screenshots.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, launchBrowser, newPage, psql, screenshot, startPortal } from "./support/harness.mjs";

let portal;
let browser;
let collectivity;

before(async () => {
  portal = await startPortal("simulator");
  browser = await launchBrowser();
  collectivity = psql("SELECT id FROM collectivities ORDER BY name LIMIT 1", portal.database);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const euros = (cents) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

// The API's own answer for the stay, asked anonymously (no cookie: Node's fetch).
async function quote(body) {
  const response = await fetch(`${portal.url}/v1/collectivities/${collectivity}/quotes`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function fillStay(page, { arrival, nights, occupants, minors }) {
  await page.getByLabel("Date d'arrivée").fill(arrival);
  await page.getByLabel("Nombre de nuits").fill(String(nights));
  await page.getByLabel("Nombre de personnes").fill(String(occupants));
  await page.getByLabel("Dont mineurs (moins de 18 ans)").fill(String(minors));
}

async function shownTotal(page) {
  const value = page.locator(".quote-result [data-total]");
  await value.waitFor();
  return { cents: Number(await value.getAttribute("data-total")), text: await value.textContent() };
}

test("/simulateur explains where each collectivity's simulator is", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/simulateur`);
  await page.getByRole("heading", { level: 1, name: "Simuler la taxe de séjour" }).waitFor();
  await page.getByLabel("Adresse du simulateur de votre collectivité").fill(`${portal.url}/simulateur/${collectivity}`);
  await page.getByRole("button", { name: "Ouvrir ce simulateur" }).click();
  await page.waitForURL((url) => url.pathname === `/simulateur/${collectivity}`);
  await page.getByLabel("Commune du séjour").waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test("on a phone, a visitor gets the tax of a classified stay, as the API computes it", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/simulateur/${collectivity}`);
  await page.getByRole("heading", { level: 1, name: /Simuler la taxe de séjour/ }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "simulateur");
  const arrival = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Commune du séjour").selectOption({ label: "Murat" });
  await page.getByLabel("Classement de l'hébergement").selectOption("star3");
  assert.equal(await page.getByLabel(/Prix d'une nuit/).isVisible(), false);
  await fillStay(page, { arrival, nights: 4, occupants: 3, minors: 1 });
  await page.getByRole("button", { name: "Calculer la taxe" }).click();
  const shown = await shownTotal(page);
  const expected = await quote({ commune_insee: "15138", category: "star3", arrival, nights: 4, occupants: 3, exempt: { minors: 1 } });
  assert.equal(shown.cents, expected.total_cents);
  assert.equal(shown.text, euros(expected.total_cents));
  assert.ok(expected.total_cents > 0);
  const steps = page.locator(".quote-result ol.steps li");
  assert.deepEqual(await steps.allTextContents(), expected.explanation);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "simulateur-classe");
  assert.deepEqual(page.problems, []);
});

test("unclassified lodging: the price of a night is asked, checked, and the tax follows from it", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/simulateur/${collectivity}`);
  await page.getByLabel("Commune du séjour").selectOption({ label: "Murat" });
  await page.getByLabel("Classement de l'hébergement").selectOption("unclassified");
  const price = page.getByLabel(/Prix d'une nuit/);
  await price.waitFor();
  const arrival = new Date().toISOString().slice(0, 10);
  await fillStay(page, { arrival, nights: 7, occupants: 4, minors: 2 });
  // Without a price, the message stands next to the price.
  await page.getByRole("button", { name: "Calculer la taxe" }).click();
  await page.getByRole("alert").waitFor();
  assert.equal(await price.getAttribute("aria-invalid"), "true");
  await price.fill("100");
  await page.getByRole("button", { name: "Calculer la taxe" }).click();
  const shown = await shownTotal(page);
  const expected = await quote({ commune_insee: "15138", category: "unclassified", arrival, nights: 7, occupants: 4, exempt: { minors: 2 }, price_per_night_cents: 10000 });
  assert.equal(shown.cents, expected.total_cents);
  assert.equal(shown.text, euros(expected.total_cents));
  assert.ok(expected.total_cents > 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), "nothing wider than the phone");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "simulateur-non-classe");
  assert.deepEqual(page.problems, []);
});

test("an API refusal is shown next to its field (more minors than persons)", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/simulateur/${collectivity}`);
  await page.getByLabel("Commune du séjour").selectOption({ label: "Murat" });
  await fillStay(page, { arrival: new Date().toISOString().slice(0, 10), nights: 2, occupants: 1, minors: 3 });
  await page.getByRole("button", { name: "Calculer la taxe" }).click();
  await page.getByRole("alert").waitFor();
  const minors = page.getByLabel("Dont mineurs (moins de 18 ans)");
  assert.equal(await minors.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(".field-error").first().textContent(), /exonérés \(3\) dépasse le nombre d'occupants \(1\)/);
  assert.deepEqual(await accessibilityViolations(page), []);
});

test("an unknown collectivity's simulator says so", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/simulateur/00000000-0000-4000-8000-000000000000`);
  await page.getByRole("heading", { level: 1, name: "Simulateur introuvable" }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
