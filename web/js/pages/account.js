// "/compte", for every signed-in user: who they are; changing the password (the API has no
// "change my password" route: it sends the reset link to the account's own address, and the
// new password closes every session); their open sessions, each closable; and for a host, the
// managers (conciergeries) it gave access to, with the access withdrawn in one click, or given.
import { announce, h, replace } from "../dom.js";
import { get, post } from "../api.js";
import { field, onSubmit } from "../forms.js";
import { dateTime } from "../format.js";

const KINDS = { host: "Hébergeur", manager: "Conciergerie ou gestionnaire (agit pour des hébergeurs)", staff: "Équipe de la collectivité", operator: "Exploitant du service" };

// "Mozilla/5.0 (Linux; Android 14…) … Chrome/120…" -> "Chrome sur Android": enough to recognise
// one's own phone or computer.
function deviceOf(userAgent = "") {
  const browser = [["Edg/", "Edge"], ["Firefox/", "Firefox"], ["Chrome/", "Chrome"], ["Chromium/", "Chromium"], ["Safari/", "Safari"], ["curl/", "un programme (curl)"]]
    .find(([mark]) => userAgent.includes(mark))?.[1];
  const system = [["Android", "Android"], ["iPhone", "iPhone"], ["iPad", "iPad"], ["Windows", "Windows"], ["Mac OS", "Mac"], ["Linux", "Linux"]]
    .find(([mark]) => userAgent.includes(mark))?.[1];
  if (!browser && !system) return "Appareil inconnu";
  return [browser ?? "Navigateur", system ? `sur ${system}` : null].filter(Boolean).join(" ");
}

function passwordSection(principal) {
  const box = h("div", {});
  const form = h("form", { novalidate: true },
    h("p", {}, "Pour changer votre mot de passe, recevez un lien à votre adresse ", h("strong", {}, principal.email),
      " : il est valable une heure. Une fois le nouveau mot de passe choisi, toutes vos sessions sont fermées et vous vous reconnectez avec lui."),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Recevoir le lien pour changer mon mot de passe")));
  onSubmit(form, async () => {
    await post("/v1/auth/password-resets", { email: principal.email });
    replace(box, h("div", { class: "notice success", role: "status" }, h("p", {}, `Un courriel vient d'être envoyé à ${principal.email}. Ouvrez le lien qu'il contient pour choisir votre nouveau mot de passe.`)));
  });
  box.append(form);
  return h("section", { "aria-labelledby": "titre-mot-de-passe" }, h("h2", { id: "titre-mot-de-passe" }, "Mot de passe"), box);
}

async function drawSessions(box) {
  const { items } = await get("/v1/auth/sessions");
  replace(box, h("ul", { class: "cards account-list" }, items.map((session) => h("li", { class: "card" },
    h("h3", {}, deviceOf(session.user_agent), " ", session.current ? h("span", { class: "badge ok" }, "Cette session") : null),
    h("dl", { class: "facts" },
      h("dt", {}, "Ouverte le"), h("dd", {}, dateTime(session.created_at)),
      h("dt", {}, "Dernière activité"), h("dd", {}, dateTime(session.last_seen_at)),
      h("dt", {}, "Expire le"), h("dd", {}, dateTime(session.expires_at)),
      h("dt", {}, "Adresse réseau"), h("dd", {}, session.address)),
    session.current
      ? h("p", { class: "muted" }, "Pour fermer celle-ci, utilisez « Se déconnecter ».")
      : h("div", { class: "actions" }, h("button", {
        type: "button", class: "secondary",
        onclick: async (event) => {
          event.currentTarget.disabled = true;
          try {
            await post(`/v1/auth/sessions/${session.id}/revoke`);
            announce("Session fermée.");
            await drawSessions(box);
            box.querySelector("h3")?.setAttribute("tabindex", "-1");
          } catch (error) {
            event.target.after(h("p", { class: "field-error", role: "alert" }, error.message));
          }
        },
      }, `Fermer la session ${deviceOf(session.user_agent)}`))))));
}

async function drawManagers(box, hostId) {
  const { items } = await get(`/v1/hosts/${hostId}/managers`);
  if (!items.length) {
    replace(box, h("p", { class: "muted" }, "Vous n'avez donné accès à personne."));
    return;
  }
  replace(box, h("ul", { class: "cards account-list" }, items.map((grant) => {
    const actions = h("div", { class: "actions" });
    if (grant.active) {
      const ask = h("button", { type: "button", class: "secondary" }, `Retirer l'accès de ${grant.display_name}`);
      ask.addEventListener("click", () => {
        const confirm = h("button", { type: "button", class: "danger" }, "Oui, retirer l'accès");
        const cancel = h("button", { type: "button", class: "secondary" }, "Annuler");
        replace(actions, h("p", {}, `${grant.display_name} ne pourra plus déclarer ni consulter votre compte. Confirmer ?`), confirm, cancel);
        cancel.addEventListener("click", () => { replace(actions, ask); ask.focus(); });
        confirm.addEventListener("click", async () => {
          confirm.disabled = true;
          try {
            await post(`/v1/hosts/${hostId}/managers/${grant.user_id}/revoke`);
            announce(`Accès de ${grant.display_name} retiré.`);
            await drawManagers(box, hostId);
          } catch (error) {
            actions.append(h("p", { class: "field-error", role: "alert" }, error.message));
          }
        });
        confirm.focus();
      });
      actions.append(ask);
    }
    return h("li", { class: "card" },
      h("h3", {}, grant.display_name, " ", grant.active ? h("span", { class: "badge ok" }, "Accès actif") : h("span", { class: "badge neutral" }, "Accès retiré")),
      h("dl", { class: "facts" },
        h("dt", {}, "Adresse"), h("dd", {}, grant.email),
        h("dt", {}, "Accès donné le"), h("dd", {}, dateTime(grant.granted_at)),
        grant.revoked_at ? [h("dt", {}, "Retiré le"), h("dd", {}, dateTime(grant.revoked_at))] : null,
        grant.account_activated ? null : [h("dt", {}, "Compte"), h("dd", {}, "pas encore activé (invitation envoyée)")]),
      actions);
  })));
}

function grantForm(box, hostId) {
  const form = h("form", { novalidate: true },
    h("p", {}, "Une conciergerie ou une agence qui gère vos locations peut déclarer pour vous. Elle reçoit un courriel ; si elle n'a pas encore de compte, une invitation à en créer un."),
    field({ label: "Adresse électronique de la conciergerie", name: "email", type: "email", required: true, attrs: { autocomplete: "off" } }),
    field({ label: "Son nom", name: "display_name", hint: "Nécessaire si elle n'a pas encore de compte.", attrs: { autocomplete: "organization" } }),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "secondary" }, "Donner accès")));
  onSubmit(form, async (data) => {
    const name = String(data.get("display_name") ?? "").trim();
    const grant = await post(`/v1/hosts/${hostId}/managers`, { email: String(data.get("email")).trim(), ...(name ? { display_name: name } : {}) });
    form.reset();
    announce(`Accès donné à ${grant.display_name}.`);
    await drawManagers(box, hostId);
  });
  return h("details", {}, h("summary", {}, "Donner accès à une conciergerie"), form);
}

export default async function render(page, { principal }) {
  const title = "Mon compte";
  page.append(h("h1", {}, title),
    h("dl", { class: "facts" },
      h("dt", {}, "Nom"), h("dd", {}, principal.display_name ?? "—"),
      h("dt", {}, "Adresse"), h("dd", {}, principal.email ?? "—"),
      h("dt", {}, "Compte"), h("dd", {}, KINDS[principal.kind] ?? principal.kind)),
    passwordSection(principal));

  const sessions = h("div", {});
  await drawSessions(sessions);
  page.append(h("section", { "aria-labelledby": "titre-sessions" },
    h("h2", { id: "titre-sessions" }, "Vos sessions ouvertes"),
    h("p", {}, "Chaque appareil où vous êtes connecté. Une session que vous ne reconnaissez pas ? Fermez-la, puis changez votre mot de passe."),
    sessions));

  if (principal.kind === "host" && principal.hosts?.[0]) {
    const managers = h("div", {});
    await drawManagers(managers, principal.hosts[0]);
    page.append(h("section", { "aria-labelledby": "titre-gestionnaires" },
      h("h2", { id: "titre-gestionnaires" }, "Qui peut agir pour vous"),
      managers, grantForm(managers, principal.hosts[0])));
  }
  return title;
}
