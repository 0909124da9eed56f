// The referent's mises en demeure: the calendar (`nuitee worker`, run on the days it would have
// run) prepares them after two reminders; the referent downloads each letter as PDF and records
// the day on the avis de réception. The demo territory is generated for 2026-11-23
// (kDemoReferenceDay) and chases the months from July 2026, so the days below are fixed, and
// before any day the tests run on (a day of reception may not be in the future).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ACCOUNTS, accessibilityViolations, apiGet, launchBrowser, newPage, screenshot, signIn, startPortal } from "./support/harness.mjs";

const WORKER_DAYS = ["2026-08-31", "2026-09-30", "2026-10-31"];

let portal;
let browser;

before(async () => {
  portal = await startPortal("letters");
  for (const day of WORKER_DAYS) await portal.worker({ NUITEE_TODAY: day });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test("a referent downloads a mise en demeure as PDF and records its avis de réception", async () => {
  const page = await newPage(browser);
  await signIn(page, portal.url, ACCOUNTS.referent);
  const { collectivity_id: id } = await apiGet(page, "/v1/auth/me");
  const pending = await apiGet(page, `/v1/collectivities/${id}/enforcement-letters?delivered=false`);
  assert.ok(pending.items.length > 0, "the calendar prepared mises en demeure");

  await page.getByRole("link", { name: "Mises en demeure" }).click();
  const table = page.getByRole("table", { name: "Lettres dont la réception n'est pas encore enregistrée" });
  await table.waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "referent-mises-en-demeure-a-envoyer");

  const letter = pending.items[0];
  const row = table.locator("tbody tr").filter({ has: page.getByRole("link", { name: letter.host_name, exact: true }) }).first();
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: `Télécharger la lettre à ${letter.host_name} (PDF)` }).click(),
  ]);
  assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString("latin1"), "%PDF-");

  // A day after today is refused next to the field; the day on the avis is kept.
  const delivered = row.getByLabel(`Reçue le (lettre à ${letter.host_name})`);
  await delivered.fill("2099-01-01");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await row.locator(".field-error").waitFor();
  await delivered.fill("2026-11-03");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Réception du 3 novembre 2026 enregistrée.").waitFor();

  const all = await apiGet(page, `/v1/collectivities/${id}/enforcement-letters`);
  const saved = all.items.find((each) => each.id === letter.id);
  assert.equal(saved.delivered, true);
  assert.equal(saved.delivered_on, "2026-11-03");
  assert.deepEqual(page.problems, []);
});
