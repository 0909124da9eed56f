// The portal's pages live in the browser: the server answers index.html for every path without
// an extension, and this router draws the page that matches, from the route tables of the areas
// (js/areas/*.js). Links inside the portal change the page without reloading it; the focus then
// goes to the new page's heading, and the title changes, as a screen reader user expects.
import { replace, h } from "./dom.js";
import { principal } from "./session.js";

let routes = [];
let onNavigate = () => {};

// route: { path: "/hebergeur/declarations/:accommodation/:month", page: () => import(...),
//          allow: (principal) => boolean, title: "…" }
export function setRoutes(list, navigated) {
  routes = list.map((route) => ({ ...route, pattern: compile(route.path) }));
  onNavigate = navigated;
}

function compile(path) {
  const names = [];
  const source = path.replace(/:([a-z_]+)/g, (_, name) => { names.push(name); return "([^/]+)"; });
  return { regex: new RegExp(`^${source}/?$`), names };
}

function match(pathname) {
  for (const route of routes) {
    const found = route.pattern.regex.exec(pathname);
    if (!found) continue;
    const params = {};
    route.pattern.names.forEach((name, i) => { params[name] = decodeURIComponent(found[i + 1]); });
    return { route, params };
  }
  return null;
}

export function navigate(url, { replaceState = false } = {}) {
  if (replaceState) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  return render();
}

let renderCount = 0;

export async function render() {
  const main = document.getElementById("contenu");
  const ticket = ++renderCount;
  const url = new URL(location.href);
  const found = match(url.pathname);
  const who = principal();
  onNavigate(url.pathname);
  if (!found) return show(main, ticket, await import("./pages/not-found.js"), {});
  if (found.route.allow && !found.route.allow(who)) {
    if (!who) return navigate(`/connexion?suite=${encodeURIComponent(url.pathname + url.search)}`, { replaceState: true });
    return show(main, ticket, await import("./pages/forbidden.js"), {});
  }
  main.setAttribute("aria-busy", "true");
  try {
    const module = await found.route.page();
    return await show(main, ticket, module, { params: found.params, query: url.searchParams, hash: url.hash, principal: who });
  } catch (error) {
    if (ticket !== renderCount) return;
    replace(main, h("h1", {}, "Cette page n'a pas pu s'afficher"),
      h("div", { class: "notice error", role: "alert" }, h("p", {}, error.message)),
      h("p", {}, h("a", { href: "/" }, "Revenir à l'accueil")));
    focusHeading(main);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

async function show(main, ticket, module, context) {
  const page = h("div", { class: "page" });
  const title = await module.default(page, context);
  if (ticket !== renderCount) return; // another navigation started meanwhile
  replace(main, page);
  document.title = `${title ?? page.querySelector("h1")?.textContent ?? "Nuitée"} — Nuitée`;
  focusHeading(main);
}

function focusHeading(main) {
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: false });
  } else {
    main.focus();
  }
}

// Same-origin links without a download or target change the page in place.
export function interceptLinks() {
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/v1/")) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener("popstate", () => render());
}
