// Benchmark (not a test) of the web portal's pages, run by bench/web_pages.sh: for each page, the
// time from the start of navigation until the page is usable (its h1 is drawn and nothing is
// loading any more), median of RUNS loads, and the JavaScript and CSS the page loaded
// (uncompressed bytes). Targets (issue 8): usable within 1 s on loopback; scripts and styles of
// any page under 200 KB.
//   node bench/web_pages.mjs URL [RUNS]
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../tests/web/package.json"));
const { chromium } = require("playwright-core");

const [url, runsText = "5"] = process.argv.slice(2);
const RUNS = Number(runsText);
const PASSWORD = "nuitee-demo-2026";

// Who opens which pages: the main page of each area. `{host}` and the like are filled from the
// API with the signed-in account's first item.
const TOURS = [
  { account: null, pages: ["/", "/connexion", "/simulateur"] },
  { account: "hebergeur@demo.nuitee.fr", pages: ["/hebergeur", "/hebergeur/releve", "/compte"] },
  { account: "referente@demo.nuitee.fr", pages: ["/referent", "/referent/registre", "/referent/non-declarants"] },
  { account: "finances@demo.nuitee.fr", pages: ["/finances", "/finances/paiements", "/finances/budget", "/finances/exports"] },
];

async function usable(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById("contenu");
    return main && !main.hasAttribute("aria-busy") && main.querySelector("h1") && !main.querySelector(".loading");
  }, null, { timeout: 30000 });
}

async function measure(page, target) {
  const times = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = Date.now();
    await page.goto(`${url}${target}`, { waitUntil: "commit" });
    await usable(page);
    times.push(Date.now() - started);
    if (run === 0) {
      bytes = await page.evaluate(() => performance.getEntriesByType("resource")
        .filter((entry) => /\.(js|css)(\?|$)/.test(entry.name))
        .reduce((sum, entry) => sum + (entry.decodedBodySize || 0), 0));
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times.at(-1), bytes };
}

const browser = await chromium.launch({
  executablePath: process.env.NUITEE_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
console.log("page | account | usable, median of runs (ms) | max (ms) | JS+CSS (bytes) | verdict");
for (const tour of TOURS) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-FR" });
  const page = await context.newPage();
  if (tour.account) {
    await page.goto(`${url}/connexion`);
    await page.getByLabel("Adresse électronique").fill(tour.account);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((target) => !target.pathname.startsWith("/connexion"));
  }
  for (const target of tour.pages) {
    const { median, max, bytes } = await measure(page, target);
    const ok = median < 1000 && bytes < 200 * 1024;
    failed ||= !ok;
    console.log(`${target} | ${tour.account ?? "anonyme"} | ${median} | ${max} | ${bytes} | ${ok ? "ok" : "MISS"}`);
  }
  await context.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
