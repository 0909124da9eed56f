// What every end-to-end test of the portal needs: its own copy of the demo territory (cloned
// from the template tests/web/run.sh prepares), the real `nuitee serve` on a free port with the
// portal and an SMTP sink, Debian's Chromium driven by playwright-core, sign-in, the axe-core
// accessibility check and screenshots kept as test artifacts.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startSmtpSink } from "./smtp-sink.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../../..");
export const DEMO_PASSWORD = "nuitee-demo-2026";
export const ACCOUNTS = {
  host: "hebergeur@demo.nuitee.fr",
  referent: "referente@demo.nuitee.fr",
  finance: "finances@demo.nuitee.fr",
  admin: "admin@demo.nuitee.fr",
  manager: "conciergerie@demo.nuitee.fr",
};

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the web tests through ctest (tests/web/run.sh)`);
  return value;
}

export function databaseUrl(name) {
  return required("TEST_PG").replace(/dbname=\S+/, `dbname=${name}`);
}

export function psql(sql, database = "postgres") {
  return execFileSync("psql", [databaseUrl(database), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8" }).trim();
}

// Starts the server on a fresh copy of the demo territory. `name` names the database; `env`
// adds settings of the server (NUITEE_TODAY, to serve on another day).
export async function startPortal(name, { env: extraEnv = {} } = {}) {
  const template = required("NUITEE_WEB_TEMPLATE");
  const database = `nuitee_web_${name.replace(/\W/g, "_")}_${process.pid}`;
  psql(`DROP DATABASE IF EXISTS ${database}`);
  psql(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  const smtp = await startSmtpSink();
  const env = {
    ...process.env,
    NUITEE_DATABASE_URL: databaseUrl(database),
    NUITEE_BIND: "127.0.0.1",
    NUITEE_PORT: "0",
    NUITEE_THREADS: "4",
    NUITEE_LOG_LEVEL: "warn",
    NUITEE_WEB_ROOT: path.join(ROOT, "web"),
    NUITEE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    NUITEE_SMTP_STARTTLS: "optional",
    NUITEE_SMTP_FROM: "Nuitée (essais) <ne-pas-repondre@essais.invalid>",
    ASAN_OPTIONS: "detect_leaks=0",
    ...extraEnv,
  };
  const server = spawn(required("NUITEE_BIN"), ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stderr.on("data", (chunk) => { log += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 60000);
    server.stdout.setEncoding("utf8");
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const found = /(https?:\/\/[\d.]+:\d+)/.exec(out);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}):\n${log}`)); });
  });
  return {
    url,
    database,
    smtp,
    log: () => log,
    // Runs `nuitee worker --once` on this database, as the calendar would run it (NUITEE_TODAY
    // in `extraEnv` for another day). Asynchronous: the worker sends its mails to the SMTP sink,
    // which runs in this very process.
    worker(extraEnv = {}) {
      return new Promise((resolve, reject) => {
        const worker = spawn(required("NUITEE_BIN"), ["worker", "--once"], { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        worker.stdout.on("data", (chunk) => { output += chunk; });
        worker.stderr.on("data", (chunk) => { output += chunk; });
        worker.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`nuitee worker exited with ${code}:\n${output}`))));
      });
    },
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => { if (server.exitCode !== null) resolve(); else server.once("exit", resolve); });
      await smtp.close();
      try { psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`); } catch { /* left for the run's clean-up */ }
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.NUITEE_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=fr-FR"],
  });
}

// A phone (360×740, the smallest screen) or a desktop context, in French.
export async function newPage(browser, { phone = false } = {}) {
  const context = await browser.newContext({
    viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // The browser logs every answer >= 400 as "Failed to load resource"; the API's refusals are
  // part of what the tests exercise, so only the page's own errors count.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  return page;
}

export async function signIn(page, url, email, password = DEMO_PASSWORD) {
  await page.goto(`${url}/connexion`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((target) => !target.pathname.startsWith("/connexion"));
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe-core on the page as it stands: the serious and critical violations (the bar), as
// readable lines. Evaluated through the DevTools protocol, so the page's CSP stays as served.
export async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) on ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
}

// A full-page screenshot kept under the artifacts folder (build/…/web-artifacts by default).
export async function screenshot(page, name) {
  const folder = process.env.NUITEE_WEB_ARTIFACTS ?? path.join(ROOT, "var", "web-artifacts");
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

// The same request the page would make, with the page's session (for the figures a test
// compares with what the page shows).
export async function apiGet(page, apiPath) {
  return page.evaluate(async (target) => {
    const response = await fetch(target, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${target}: ${response.status} ${await response.text()}`);
    return response.json();
  }, apiPath);
}
