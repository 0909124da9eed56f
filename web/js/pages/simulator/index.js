// "/simulateur": the simulator is one page per collectivity. The API does not publish the list of
// collectivities, so this page explains where to find one's own, and leads a signed-in person
// straight to their collectivity's.
import { h } from "../../dom.js";
import { field } from "../../forms.js";
import { navigate } from "../../router.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export default async function render(page, { principal }) {
  const title = "Simuler la taxe de séjour";
  page.append(h("h1", {}, title),
    h("p", {}, "La taxe de séjour est payée par les vacanciers et reversée par leur hébergeur à la collectivité (communauté de communes ou commune). Son montant dépend de la commune, du classement de l'hébergement (ses étoiles), du nombre de nuits et de personnes : chaque collectivité fixe ses tarifs."));
  if (principal?.collectivity_id) {
    page.append(h("p", {}, h("a", { class: "button", href: `/simulateur/${principal.collectivity_id}` }, "Ouvrir le simulateur de ma collectivité")));
  }
  const form = h("form", { novalidate: true },
    field({ label: "Adresse du simulateur de votre collectivité", name: "adresse", type: "url",
      hint: "Votre office de tourisme ou votre mairie la publie sur son site ; elle commence par l'adresse de ce portail, suivie de /simulateur/." }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Ouvrir ce simulateur")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const found = UUID.exec(String(new FormData(form).get("adresse") ?? ""));
    form.querySelector(".field-error")?.remove();
    if (found) return navigate(`/simulateur/${found[0].toLowerCase()}`);
    const input = form.elements.adresse;
    input.setAttribute("aria-invalid", "true");
    input.after(h("p", { class: "field-error", role: "alert" }, "Cette adresse n'est pas celle d'un simulateur : vérifiez-la auprès de votre collectivité."));
    input.focus();
  });
  page.append(h("h2", {}, "Trouver le simulateur de votre collectivité"), form);
  return title;
}
