// Form fields with their label and hint, and the API's errors shown next to the field they
// concern: each control carries data-pointer, the JSON pointer the API names in its problem
// ("/email", "/lines/2/nights"). Errors no field claims go to the summary at the top of the form,
// which lists them all and takes the focus, so that a screen reader hears what went wrong.
import { h } from "./dom.js";

let counter = 0;
const nextId = (prefix) => `${prefix}-${++counter}`;

// field({ label, name, pointer, type, value, hint, required, options: [[value, text]], attrs })
export function field({ label, name, pointer, type = "text", value, hint, required, options, attrs = {} }) {
  const id = nextId(name ?? "champ");
  const hintId = hint ? `${id}-aide` : null;
  const common = { id, name, required: required || null, "aria-describedby": hintId, "data-pointer": pointer ?? (name ? `/${name}` : null), ...attrs };
  let control;
  if (type === "select") {
    control = h("select", common, (options ?? []).map(([optionValue, text]) =>
      h("option", { value: optionValue, selected: String(optionValue) === String(value ?? "") || null }, text)));
  } else if (type === "textarea") {
    control = h("textarea", { rows: 3, ...common }, value ?? "");
  } else if (type === "checkbox") {
    control = h("input", { type, ...common, checked: value ? true : null });
    return h("div", { class: "field" },
      h("label", { class: "check", for: id }, control, label),
      hint ? h("span", { class: "hint", id: hintId }, hint) : null);
  } else {
    control = h("input", { type, ...common, value: value ?? null });
  }
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    hint ? h("span", { class: "hint", id: hintId }, hint) : null,
    control);
}

export function clearErrors(form) {
  form.querySelectorAll(".field-error").forEach((node) => node.remove());
  form.querySelectorAll(".form-summary").forEach((node) => node.remove());
  form.querySelectorAll("[aria-invalid]").forEach((control) => {
    control.removeAttribute("aria-invalid");
    const describedBy = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => !id.startsWith("erreur-"));
    if (describedBy.length) control.setAttribute("aria-describedby", describedBy.join(" "));
    else control.removeAttribute("aria-describedby");
  });
}

// Shows an ApiError (or any Error) on the form; returns the number of field messages placed.
export function showErrors(form, error, { summaryTitle = "La demande n'a pas abouti" } = {}) {
  clearErrors(form);
  const unplaced = [];
  const placed = [];
  for (const [pointer, message] of error.fields ?? new Map()) {
    const control = form.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`);
    if (!control) { unplaced.push(message); continue; }
    const errorId = nextId("erreur");
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), errorId].filter(Boolean).join(" "));
    const anchor = control.closest(".field") ?? control;
    anchor.append(h("p", { class: "field-error", id: errorId }, message));
    placed.push({ control, message });
  }
  const detail = error.fields?.size ? (error.problem?.title ?? error.message) : error.message;
  const summary = h("div", { class: "notice error form-summary", role: "alert", tabindex: "-1" },
    h("h2", {}, summaryTitle),
    h("p", {}, detail),
    (placed.length || unplaced.length) ? h("ul", {},
      placed.map(({ control, message }) => h("li", {}, h("a", { href: `#${control.id}` }, message))),
      unplaced.map((message) => h("li", {}, message))) : null);
  form.prepend(summary);
  summary.focus();
  return placed.length;
}

// Runs `action` on submit, with the button disabled meanwhile and errors shown on the form.
export function onSubmit(form, action) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button[type=submit], button:not([type])")];
    buttons.forEach((button) => { button.disabled = true; });
    clearErrors(form);
    try {
      await action(new FormData(form), event.submitter);
    } catch (error) {
      showErrors(form, error);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
  return form;
}
