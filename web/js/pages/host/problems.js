// The API's problems placed next to their fields, for the declaration's live checks as well as
// its submission. forms.js's showErrors always moves the focus to a summary, which is right
// after a click but not while someone types; and a stay's problem may name a pointer no single
// control carries ("/stays/2/exempt": the exemptions as a whole), so a message goes to the
// nearest element whose pointer contains it (the stay's own box) rather than to the summary.
import { h } from "../../dom.js";
import { clearErrors } from "../../forms.js";

let counter = 0;

function holderOf(form, pointer) {
  let candidate = pointer;
  while (candidate) {
    const found = form.querySelector(`[data-pointer="${CSS.escape(candidate)}"]`);
    if (found) return found;
    candidate = candidate.slice(0, candidate.lastIndexOf("/"));
  }
  return null;
}

// Places every message of `fields` (Map pointer -> text); with `summary`, also lists them at the
// top of the form in an alert that takes the focus (after an explicit action). Returns how many
// messages found a place next to a field.
export function showProblems(form, { fields = new Map(), message = null, title = "La demande n'a pas abouti" } = {}, { summary = false } = {}) {
  clearErrors(form);
  const placed = [];
  const unplaced = [];
  for (const [pointer, text] of fields) {
    const holder = holderOf(form, pointer);
    if (!holder) { unplaced.push(text); continue; }
    const id = `probleme-${++counter}`;
    const isControl = /^(INPUT|SELECT|TEXTAREA)$/.test(holder.tagName);
    if (isControl) {
      holder.setAttribute("aria-invalid", "true");
      holder.setAttribute("aria-describedby", [holder.getAttribute("aria-describedby"), `erreur-${id}`].filter(Boolean).join(" "));
    }
    const anchor = isControl ? (holder.closest(".field") ?? holder) : (holder.querySelector(".stay-problems") ?? holder);
    anchor.append(h("p", { class: "field-error", id: `erreur-${id}` }, text));
    placed.push({ holder, text });
  }
  if (summary || (unplaced.length && message)) {
    const box = h("div", { class: "notice error form-summary", role: summary ? "alert" : null, tabindex: "-1" },
      h("h2", {}, title),
      message ? h("p", {}, message) : null,
      (placed.length || unplaced.length) ? h("ul", {},
        placed.map(({ holder, text }) => h("li", {}, holder.id ? h("a", { href: `#${holder.id}` }, text) : text)),
        unplaced.map((text) => h("li", {}, text))) : null);
    form.prepend(box);
    if (summary) box.focus();
  }
  return placed.length;
}

// An ApiError (or any Error) as showProblems wants it.
export function problemOf(error) {
  const fields = error.fields ?? new Map();
  return { fields, message: fields.size ? (error.problem?.detail ?? error.message) : error.message, title: error.problem?.title ?? "La demande n'a pas abouti" };
}
