// The portal's shell, for everyone: the home page, signing in and out, a page that does not
// exist, a link whose token is missing; each page passes axe-core and is photographed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNTS, accessibilityViolations, launchBrowser, newPage, screenshot, signIn, startPortal } from "./support/harness.mjs";

let portal;
let browser;

before(async () => {
  portal = await startPortal("portal");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test("the home page says what the portal is for, in French, and passes axe-core", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(portal.url);
  await page.getByRole("heading", { level: 1, name: "La taxe de séjour, déclarée en ligne" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "accueil");
  assert.deepEqual(page.problems, []);
});

test("a wrong password is refused with a message the person can act on", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/connexion`);
  await page.getByLabel("Adresse électronique").fill(ACCOUNTS.host);
  await page.getByLabel("Mot de passe", { exact: true }).fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /La demande n'a pas abouti/);
  assert.equal(new URL(page.url()).pathname, "/connexion");
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "connexion-erreur");
});

test("signing in keeps the session across a reload, and signing out ends it", async () => {
  const page = await newPage(browser);
  await signIn(page, portal.url, ACCOUNTS.referent);
  await page.reload();
  const logout = page.getByRole("button", { name: "Se déconnecter" });
  await logout.waitFor();
  const me = await page.evaluate(async () => (await fetch("/v1/auth/me")).status);
  assert.equal(me, 200);
  await logout.click();
  await page.waitForURL((url) => url.pathname === "/connexion");
  const after = await page.evaluate(async () => (await fetch("/v1/auth/me")).status);
  assert.equal(after, 401);
});

test("a page that does not exist says so", async () => {
  const page = await newPage(browser);
  await page.goto(`${portal.url}/nulle-part`);
  await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});

test("an invitation link without its token asks for a new link", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/compte/activer`);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /lien est incomplet/);
  assert.deepEqual(await accessibilityViolations(page), []);
});
