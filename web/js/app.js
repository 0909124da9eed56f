// The portal's entry point: who is signed in, the navigation for their roles, then the page.
import { h, replace } from "./dom.js";
import { interceptLinks, navigate, render, setRoutes } from "./router.js";
import { loadPrincipal, logout, principal } from "./session.js";
import * as publicArea from "./areas/public.js";
import * as hostArea from "./areas/host.js";
import * as staffArea from "./areas/staff.js";
import * as financeArea from "./areas/finance.js";
import * as simulatorArea from "./areas/simulator.js";

const areas = [hostArea, staffArea, financeArea, simulatorArea, publicArea];

function drawNavigation(pathname) {
  const who = principal();
  const entries = areas.flatMap((area) => area.navigation?.(who) ?? []);
  const nav = document.getElementById("navigation");
  // The entry of the page is the longest one the path starts with ("/hebergeur/releve" is
  // "Mon relevé", not also "Mes hébergements").
  const within = (href) => pathname === href || pathname.startsWith(`${href}/`);
  const current = entries.filter(({ href }) => within(href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const items = entries.map(({ href, label }) => h("li", {},
    h("a", { href, "aria-current": href === current ? "page" : null }, label)));
  if (who) {
    items.push(h("li", {}, h("a", { href: "/compte", "aria-current": pathname === "/compte" ? "page" : null }, "Mon compte")));
    items.push(h("li", {}, h("button", {
      type: "button",
      onclick: async () => { await logout(); drawNavigation("/"); navigate("/connexion"); },
    }, "Se déconnecter")));
  } else {
    items.push(h("li", {}, h("a", { href: "/connexion", "aria-current": pathname === "/connexion" ? "page" : null }, "Se connecter")));
  }
  replace(nav, h("ul", {}, items));
}

async function start() {
  setRoutes(areas.flatMap((area) => area.routes ?? []), drawNavigation);
  interceptLinks();
  try {
    await loadPrincipal();
  } catch { /* drawn below as signed out; the page says what failed */ }
  await render();
}

// After a login or logout, pages redraw the navigation through this event.
window.addEventListener("nuitee:session", () => drawNavigation(location.pathname));

start();
