// What the host's pages share: which host the page acts for (a manager may act for several and
// chooses), the words and badge of a month's state, and the French names of the API's codes.
import { h } from "../../dom.js";
import { get } from "../../api.js";

const CHOSEN_HOST = "nuitee.host";

// The host the page acts for: `?hote=` if the principal may act for it, else the one chosen
// earlier in this tab, else the first. A host account has exactly one.
export function hostFor(principal, query) {
  const hosts = principal?.hosts ?? [];
  const asked = query?.get("hote");
  if (asked && hosts.includes(asked)) {
    sessionStorage.setItem(CHOSEN_HOST, asked);
    return asked;
  }
  const remembered = sessionStorage.getItem(CHOSEN_HOST);
  if (remembered && hosts.includes(remembered)) return remembered;
  return hosts[0] ?? null;
}

// For a manager acting for several hosts: a small form to switch (a plain GET form, so it
// works with the keyboard and without any script trickery). Nothing for a single host.
export async function hostPicker(principal, current) {
  const hosts = principal?.hosts ?? [];
  if (hosts.length < 2) return null;
  const named = await Promise.all(hosts.map(async (id) => {
    try { return [id, (await get(`/v1/hosts/${id}`)).legal_name]; } catch { return [id, id]; }
  }));
  const select = h("select", { id: "choix-hebergeur", name: "hote" },
    named.map(([id, name]) => h("option", { value: id, selected: id === current || null }, name)));
  return h("form", { class: "host-picker", method: "get", action: location.pathname },
    h("div", { class: "field" },
      h("label", { for: "choix-hebergeur" }, "Vous agissez pour l'hébergeur"),
      select),
    h("button", { type: "submit", class: "secondary" }, "Changer d'hébergeur"));
}

// The month's state in words, with the badge's tone (never the colour alone: the words are
// always there). `summary` is a DeclarationMonthSummary or a DeclarationMonth.
export function monthStatus(summary) {
  const kind = summary.latest?.kind ?? summary.current?.kind;
  switch (summary.state) {
    case "to_declare":
      return summary.overdue ? { text: "En retard", tone: "error" } : { text: "À déclarer", tone: "warn" };
    case "draft":
      return summary.overdue ? { text: "Brouillon, en retard", tone: "error" } : { text: "Brouillon", tone: "neutral" };
    case "submitted":
    case "revised": {
      const corrected = summary.state === "revised" ? " (corrigé)" : "";
      if (kind === "nil") return { text: `Aucune location en direct${corrected}`, tone: "ok" };
      if (kind === "closed") return { text: `Fermé ce mois-là${corrected}`, tone: "ok" };
      return { text: `Déclaré${corrected}`, tone: "ok" };
    }
    default:
      return { text: summary.state, tone: "neutral" };
  }
}

export function statusBadge(summary) {
  const { text, tone } = monthStatus(summary);
  return h("span", { class: `badge ${tone}` }, text);
}

export const CATEGORY_LABELS = {
  palace: "palace",
  star5: "5 étoiles",
  star4: "4 étoiles",
  star3: "3 étoiles",
  star2: "2 étoiles",
  star1: "1 étoile",
  camping_3_5: "camping 3 à 5 étoiles",
  camping_1_2: "camping 1 ou 2 étoiles",
  unclassified: "non classé",
};

export const COLLECTORS = [
  ["host", "Moi-même"],
  ["airbnb", "Airbnb"],
  ["booking", "Booking.com"],
  ["abritel", "Abritel"],
  ["other_platform", "Une autre plateforme"],
];

export const PAYMENT_METHODS = { bank_transfer: "Virement", cheque: "Chèque", cash: "Espèces", online: "Paiement en ligne" };

export const declarationPath = (accommodationId, month) =>
  `/hebergeur/declarations/${encodeURIComponent(accommodationId)}/${month}`;

// The page's heading and, when the principal has no host at all, a message instead of a page.
export function noHost(page) {
  page.append(h("h1", {}, "Aucun hébergeur"),
    h("p", {}, "Votre compte n'agit pour aucun hébergeur. Si vous êtes une conciergerie, l'hébergeur doit d'abord vous donner accès à son compte."));
  return "Aucun hébergeur";
}
