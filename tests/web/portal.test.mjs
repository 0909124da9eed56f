// The portal's shell, for everyone: the home page, signing in and out, a page that does not
// exist, a link whose token is missing; each page passes axe-core and is photographed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNTS, accessibilityViolations, launchBrowser, newPage, screenshot, signIn, startPortal } from "./support/harness.mjs";
import { mailText } from "./support/smtp-sink.mjs";

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

test("an invited host chooses a password from the mail's link, then signs in to its space", async () => {
  // The referent invites a new account for a demo host (the API the host's file uses).
  const staff = await newPage(browser);
  await signIn(staff, portal.url, ACCOUNTS.referent);
  const address = `invitee-${process.pid}@essais.invalid`;
  const invited = await staff.evaluate(async (email) => {
    const me = await (await fetch("/v1/auth/me")).json();
    const hosts = await (await fetch(`/v1/collectivities/${me.collectivity_id}/hosts?limit=1`)).json();
    const response = await fetch(`/v1/hosts/${hosts.items[0].id}/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": sessionStorage.getItem("nuitee.csrf") },
      body: JSON.stringify({ email, display_name: "Invitée des essais" }),
    });
    return response.status;
  }, address);
  assert.equal(invited, 201);
  const mail = await portal.smtp.waitFor((each) => each.to.includes(address));
  const link = /\/compte\/activer#jeton=[A-Za-z0-9_-]+/.exec(mailText(mail.raw));
  assert.ok(link, "the invitation carries the activation link");

  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}${link[0]}`);
  await page.getByRole("heading", { level: 1, name: "Activer votre compte" }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "compte-activer");
  const password = "un été au bord de l'Allier";
  await page.getByLabel("Nouveau mot de passe").fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill("pas le même mot de passe");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await page.getByText("Ce mot de passe n'est pas le même que le premier.", { exact: false }).first().waitFor();
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await page.getByText("Votre compte est activé.").waitFor();
  // The used token leaves the address bar.
  assert.equal(new URL(page.url()).hash, "");
  await signIn(page, portal.url, address, password);
  assert.equal(new URL(page.url()).pathname, "/hebergeur");
  assert.deepEqual(page.problems, []);
});

test("the forgotten password page sends the same answer for any address", async () => {
  const page = await newPage(browser, { phone: true });
  await page.goto(`${portal.url}/mot-de-passe-oublie`);
  await page.getByLabel("Adresse électronique").fill(ACCOUNTS.host);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await page.getByRole("status").waitFor();
  assert.match(await page.getByRole("status").textContent(), /Si un compte existe à cette adresse/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await screenshot(page, "mot-de-passe-oublie");
  const mail = await portal.smtp.waitFor((each) => each.to.includes(ACCOUNTS.host));
  assert.match(mailText(mail.raw), /\/compte\/mot-de-passe#jeton=/);
});
