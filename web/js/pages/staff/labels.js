// French words for the API's codes, shared by the referent's pages and the simulator (natures,
// tariff categories, statuses, steps of the procedure), each status with its badge kind so that
// it is always shown with words, never by colour alone.
import { h } from "../../dom.js";

export const NATURES = {
  hotel: "Hôtel de tourisme",
  tourist_residence: "Résidence de tourisme",
  furnished_rental: "Meublé de tourisme",
  guest_house: "Chambre d'hôtes",
  holiday_village: "Village de vacances",
  camping: "Camping",
  camper_van_area: "Aire de camping-cars",
  marina: "Port de plaisance",
  hostel: "Auberge collective",
  palace: "Palace",
  other: "Autre hébergement",
};

export const CATEGORIES = {
  palace: "Palace",
  star5: "5 étoiles",
  star4: "4 étoiles",
  star3: "3 étoiles",
  star2: "2 étoiles",
  star1: "1 étoile",
  camping_3_5: "Camping 3 à 5 étoiles",
  camping_1_2: "Camping 1 ou 2 étoiles",
  unclassified: "Non classé",
};

export const ACCOMMODATION_STATUSES = {
  active: ["En activité", "ok"],
  closed: ["Fermé en ce moment", "neutral"],
  ceased: ["A cessé son activité", "neutral"],
};

export const STEPS = {
  invitation: "Invitation à déclarer",
  first_reminder: "Première relance",
  second_reminder: "Seconde relance",
  formal_notice: "Mise en demeure",
  assessment: "Taxation d'office",
};

export const DECLARATION_STATES = {
  to_declare: ["À déclarer", "warn"],
  draft: ["Brouillon", "neutral"],
  submitted: ["Déclaré", "ok"],
  revised: ["Déclaré (rectifié)", "ok"],
};

export const AUDIT_ACTIONS = {
  created: "Création",
  updated: "Modification",
  archived: "Archivage",
  ceased: "Cessation d'activité",
  classified: "Décision de classement",
};

export const options = (labels, empty) => [
  ...(empty ? [["", empty]] : []),
  ...Object.entries(labels).map(([code, label]) => [code, Array.isArray(label) ? label[0] : label]),
];

export function badge([text, kind]) {
  return h("span", { class: `badge ${kind}` }, text);
}

export const label = (labels, code) => {
  const found = labels[code];
  if (!found) return code ?? "—";
  return Array.isArray(found) ? found[0] : found;
};
