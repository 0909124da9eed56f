// The referent's back office: the dashboard, the register and an accommodation's file, a host's
// file, creating and inviting a host, and the worklist of non-declarers, where a reminder sent
// from the page reaches the host's mailbox (the SMTP sink). Every page passes axe-core and is
// photographed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNTS, accessibilityViolations, apiGet, launchBrowser, newPage, screenshot, signIn, startPortal } from "./support/harness.mjs";
import { mailText } from "./support/smtp-sink.mjs";

let portal;
let browser;
let page;

before(async () => {
  portal = await startPortal("referent");
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, portal.url, ACCOUNTS.referent);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const me = () => apiGet(page, "/v1/auth/me");

async function checked(name) {
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, name);
  assert.deepEqual(page.problems, []);
}

test("the referent lands on the dashboard: charts with their figures, from the API", async () => {
  await page.getByRole("heading", { level: 1, name: "Tableau de bord" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/referent");
  const { collectivity_id: id } = await me();
  const dashboard = await apiGet(page, `/v1/collectivities/${id}/enforcement-dashboard`);
  assert.equal(await page.locator("figure.chart").count(), 4);
  // The tax of the last month, as the API gives it, is in the tax chart's table.
  const last = dashboard.months.at(-1);
  const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(last.tax_declared_cents / 100);
  const taxTable = page.getByRole("table", { name: "Taxe déclarée par mois : les chiffres", includeHidden: true });
  assert.ok((await taxTable.textContent()).includes(euros), `the tax table shows ${euros}`);
  await checked("referent-tableau-de-bord");
});

test("the register filters by commune and opens an accommodation's file with its history", async () => {
  await page.getByRole("link", { name: "Registre", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Registre des hébergements" }).waitFor();
  await checked("referent-registre");
  // A host, found by name, opens on its file with its accommodations.
  const { collectivity_id: id } = await me();
  const [host] = (await apiGet(page, `/v1/collectivities/${id}/hosts?limit=1`)).items;
  await page.getByLabel("Nom, adresse ou SIRET de l'hébergeur").fill(host.legal_name);
  await page.getByRole("button", { name: "Chercher l'hébergeur" }).click();
  await page.getByRole("table", { name: "Hébergeurs trouvés" }).getByRole("link", { name: host.legal_name }).first().click();
  await page.getByRole("heading", { level: 1, name: host.legal_name }).waitFor();
  await page.getByRole("table", { name: `Hébergements de ${host.legal_name}` }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Registre des hébergements" }).waitFor();
  await page.getByLabel("Commune", { exact: true }).selectOption({ label: "Murat" });
  await page.getByRole("button", { name: "Filtrer", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("commune") === "15138");
  const rows = page.getByRole("table", { name: "Hébergements du registre" }).locator("tbody tr");
  // The address changes before the filtered list replaces the first one: wait for the new rows.
  await page.waitForFunction(() => {
    const table = [...document.querySelectorAll("table")].find((each) => each.caption?.textContent === "Hébergements du registre");
    const communes = [...(table?.querySelectorAll("tbody tr td:nth-child(2)") ?? [])].map((cell) => cell.textContent);
    return communes.length > 0 && communes.every((commune) => commune === "Murat");
  });
  for (const text of await rows.locator("td:nth-child(2)").allTextContents()) assert.equal(text, "Murat");
  const first = rows.first().locator("td").first().getByRole("link");
  const name = await first.textContent();
  await first.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Historique du classement" }).waitFor();
  await page.getByRole("table", { name: "Modifications de la fiche" }).waitFor();
  await checked("referent-hebergement");
});

test("a new host is registered, its errors shown next to their fields, then invited by mail", async () => {
  await page.goto(`${portal.url}/referent/hebergeurs/nouveau`);
  await page.getByRole("heading", { level: 1, name: "Inscrire un nouvel hébergeur" }).waitFor();
  await page.getByLabel("Nom et prénom, ou raison sociale").fill("Maison Testu");
  await page.getByLabel("Code postal").fill("ABC");
  await page.getByRole("button", { name: "Inscrire l'hébergeur" }).click();
  await page.getByRole("alert").waitFor();
  const postal = page.getByLabel("Code postal");
  assert.equal(await postal.getAttribute("aria-invalid"), "true");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "referent-hebergeur-erreurs");
  await page.getByLabel("Numéro et rue").fill("3 place de l'Église");
  await postal.fill("15300");
  await page.getByLabel("Commune", { exact: true }).fill("Murat");
  await page.getByLabel("Adresse électronique").fill("maison.testu@essais.invalid");
  await page.getByRole("button", { name: "Inscrire l'hébergeur" }).click();
  await page.getByRole("heading", { level: 1, name: "Maison Testu" }).waitFor();
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await page.getByText("Invitation envoyée à maison.testu@essais.invalid.").waitFor();
  const mail = await portal.smtp.waitFor((each) => each.to.includes("maison.testu@essais.invalid"));
  assert.match(mailText(mail.raw), /compte\/activer/);
  await checked("referent-hebergeur");
});

test("a referent finds a non-declarer, sends a reminder, and the mail reaches the host", async () => {
  await page.getByRole("link", { name: "Non-déclarants", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Hébergements qui n'ont pas déclaré" }).waitFor();
  await checked("referent-non-declarants");
  const { collectivity_id: id } = await me();
  const list = await apiGet(page, `/v1/collectivities/${id}/non-declarers?limit=20`);
  const item = list.items.find((each) => each.host.email && !each.host.on_hold
    && each.months.some((month) => month.next_step?.kind === "first_reminder"));
  assert.ok(item, "the demo territory has a host to remind");
  const card = page.locator(".worklist > li").filter({ has: page.getByRole("heading", { name: item.accommodation.name, exact: true }) });
  await card.getByRole("button", { name: /Envoyer la première relance/ }).first().click();
  await card.getByRole("status").waitFor();
  assert.match(await card.getByRole("status").textContent(), /Première relance envoyée/);
  const mail = await portal.smtp.waitFor((each) => each.to.includes(item.host.email));
  assert.ok(mailText(mail.raw).length > 0);
  // The step is now in the accommodation's file, in the procedure's history.
  await card.getByRole("link", { name: item.accommodation.name }).click();
  const events = page.getByRole("table", { name: "Événements de la procédure" });
  await events.waitFor();
  assert.match(await events.textContent(), /relance/i);
});

test("the letters page lists the mises en demeure and passes axe-core", async () => {
  await page.getByRole("link", { name: "Mises en demeure", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Mises en demeure" }).waitFor();
  await checked("referent-mises-en-demeure");
});

test("on a 360-pixel phone, the dashboard and the worklist stay usable and pass axe-core", async () => {
  const phone = await newPage(browser, { phone: true });
  await signIn(phone, portal.url, ACCOUNTS.referent);
  await phone.getByRole("heading", { level: 1, name: "Tableau de bord" }).waitFor();
  // Nothing wider than the screen but what scrolls inside its own frame (charts, tables).
  // (clientWidth: a phone browser widens innerWidth to whatever overflows.)
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  assert.deepEqual(await accessibilityViolations(phone), []);
  await screenshot(phone, "referent-tableau-de-bord-telephone");
  await phone.goto(`${portal.url}/referent/non-declarants`);
  await phone.getByRole("heading", { level: 1, name: "Hébergements qui n'ont pas déclaré" }).waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  assert.deepEqual(await accessibilityViolations(phone), []);
  await screenshot(phone, "referent-non-declarants-telephone");
  assert.deepEqual(phone.problems, []);
});
