// "/simulateur/:collectivity": the public simulator of a collectivity, no login. The visitor picks
// a commune and a category (or, for lodging without stars, types the price of a night) and the
// stay; the API computes the tax (POST …/quotes, the engine the declarations use) and explains
// each step. Nothing is computed here.
import { h, replace, announce } from "../../dom.js";
import { get, post, ApiError } from "../../api.js";
import { field, onSubmit } from "../../forms.js";
import { euros, number, parseEuros } from "../../format.js";
import { CATEGORIES, options } from "../staff/labels.js";

const todayInParis = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

export default async function render(page, { params }) {
  let setting;
  try {
    setting = await get(`/v1/collectivities/${encodeURIComponent(params.collectivity)}/simulator`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    page.append(h("h1", {}, "Simulateur introuvable"),
      h("p", {}, "Cette adresse ne correspond à aucune collectivité. Vérifiez-la auprès de votre office de tourisme ou de votre mairie."),
      h("p", {}, h("a", { href: "/simulateur" }, "Comment trouver le simulateur de votre collectivité")));
    return "Simulateur introuvable";
  }
  const title = `Simuler la taxe de séjour — ${setting.name}`;
  const result = h("section", { class: "quote-result", "aria-live": "polite", "aria-labelledby": "titre-resultat" });

  const category = field({ label: "Classement de l'hébergement", name: "category", type: "select", required: true, value: "star3",
    options: options(CATEGORIES), hint: "Les étoiles attribuées par Atout France ou un organisme agréé. Sans étoiles, choisissez « Non classé »." });
  const price = field({ label: "Prix d'une nuit de l'hébergement (en euros)", name: "price", pointer: "/price_per_night_cents",
    hint: "Hors taxes, pour tout le logement. Seulement pour un hébergement non classé : la taxe en est un pourcentage.",
    attrs: { inputmode: "decimal", autocomplete: "off" } });
  const select = category.querySelector("select");
  const togglePrice = () => { price.hidden = select.value !== "unclassified"; };
  select.addEventListener("change", togglePrice);
  togglePrice();

  const form = h("form", { novalidate: true },
    field({ label: "Commune du séjour", name: "commune_insee", type: "select", required: true,
      options: setting.communes.map((commune) => [commune.insee_code, commune.name]) }),
    category,
    price,
    h("div", { class: "grid-2" },
      field({ label: "Date d'arrivée", name: "arrival", type: "date", required: true, value: todayInParis() }),
      field({ label: "Nombre de nuits", name: "nights", type: "number", required: true, value: 1, attrs: { min: 1, max: 365, inputmode: "numeric" } }),
      field({ label: "Nombre de personnes", name: "occupants", type: "number", required: true, value: 2, hint: "Tout le monde, enfants compris.", attrs: { min: 1, inputmode: "numeric" } }),
      field({ label: "Dont mineurs (moins de 18 ans)", name: "minors", pointer: "/exempt/minors", type: "number", value: 0, hint: "Ils ne paient pas la taxe.", attrs: { min: 0, inputmode: "numeric" } })),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Calculer la taxe")));

  onSubmit(form, async (data) => {
    const unclassified = data.get("category") === "unclassified";
    const body = {
      commune_insee: data.get("commune_insee"),
      category: data.get("category"),
      arrival: data.get("arrival") || null,
      nights: integer(data.get("nights")),
      occupants: integer(data.get("occupants")),
      exempt: { minors: integer(data.get("minors")) ?? 0 },
    };
    if (unclassified) {
      const cents = parseEuros(data.get("price"));
      if (cents === null) {
        const error = new Error("Indiquez le prix d'une nuit.");
        error.fields = new Map([["/price_per_night_cents", "Indiquez le prix d'une nuit en euros, par exemple 85 ou 85,50."]]);
        throw error;
      }
      body.price_per_night_cents = cents;
    }
    let quote;
    try {
      quote = await post(`/v1/collectivities/${setting.id}/quotes`, body);
    } catch (error) {
      // The API names "/exempt" when the exempt outnumber the occupants; the only exemption this
      // form asks for is the minors', so that is where the message belongs.
      if (error instanceof ApiError && error.fields.has("/exempt") && !error.fields.has("/exempt/minors")) {
        error.fields.set("/exempt/minors", error.fields.get("/exempt"));
        error.fields.delete("/exempt");
      }
      result.replaceChildren();
      throw error;
    }
    showQuote(result, quote, body);
  });

  page.append(h("h1", {}, title),
    h("p", {}, "La taxe de séjour est payée par les vacanciers, en plus du prix de l'hébergement, et reversée par l'hébergeur à la collectivité. Indiquez le séjour : le montant est calculé avec les tarifs votés par la collectivité, exactement comme pour les déclarations des hébergeurs."),
    form, result);
  return title;
}

function integer(value) {
  const text = String(value ?? "").trim();
  return /^\d+$/.test(text) ? Number(text) : text === "" ? null : text;
}

function showQuote(section, quote, body) {
  const nights = body.nights > 1 ? `${number(body.nights)} nuits` : "1 nuit";
  replace(section,
    h("h2", { id: "titre-resultat" }, "Résultat"),
    h("div", { class: "figures" },
      h("div", { class: "figure" }, h("span", { class: "value", "data-total": quote.total_cents }, euros(quote.total_cents)),
        h("span", { class: "label" }, `de taxe de séjour pour le séjour (${nights})`)),
      h("div", { class: "figure" }, h("span", { class: "value" }, euros(quote.unit_cents_per_person_night)),
        h("span", { class: "label" }, "par personne taxée et par nuit"))),
    h("dl", { class: "facts" },
      h("dt", {}, "Taxe de séjour"), h("dd", {}, euros(quote.tax_cents)),
      quote.additional_taxes.map((extra) => [h("dt", {}, extra.label), h("dd", {}, euros(extra.amount_cents))]),
      h("dt", {}, "Total"), h("dd", {}, euros(quote.total_cents)),
      h("dt", {}, "Personnes taxées"), h("dd", {}, number(quote.taxable_persons))),
    h("h3", {}, "Le calcul, étape par étape"),
    h("ol", { class: "steps" }, quote.explanation.map((step) => h("li", {}, step))));
  announce(`Taxe de séjour : ${euros(quote.total_cents)}`);
}
