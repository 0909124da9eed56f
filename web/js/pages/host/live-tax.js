// The tax computed as the host types: after a short pause (debounced, so a phone typing "120"
// sends one request, not three), each complete stay collected by the host is quoted by the API
// (POST /v1/collectivities/{id}/quotes with the accommodation, whose classification history
// gives each night's category: the same engine as the submission), and, when every stay is
// complete, the draft is saved (PUT), which checks the stays as on submission (the month, the
// nights when the accommodation was closed…). Problems land next to their fields; the total is
// the sum of the API's per-stay totals, which is how the submission adds them up (stays
// collected by a platform owe nothing to the host).
import { h, replace } from "../../dom.js";
import { post } from "../../api.js";
import { euros } from "../../format.js";
import { showProblems } from "./problems.js";

const PAUSE_MS = 450;

export function liveTax({ editor, form, total, quotesPath, accommodationId, save }) {
  const cache = new Map();
  let timer = null;
  let generation = 0;

  function quote(input) {
    const body = { accommodation_id: accommodationId, arrival: input.arrival, nights: input.nights, occupants: input.occupants, exempt: input.exempt };
    if (input.price_per_night_cents !== undefined) body.price_per_night_cents = input.price_per_night_cents;
    const key = JSON.stringify(body);
    if (!cache.has(key)) cache.set(key, post(quotesPath, body).then((answer) => ({ quote: answer }), (error) => ({ error })));
    return cache.get(key);
  }

  // `store: false` on the page's first drawing: the draft shown is the one stored.
  async function update({ store = true } = {}) {
    const ticket = ++generation;
    const rows = editor.read();
    const fields = new Map();
    rows.forEach((row) => row.problems.forEach((text, pointer) => fields.set(pointer, text)));
    const results = await Promise.all(rows.map((row) => {
      if (!row.complete || row.problems.size) return null;
      if (row.input.collector !== "host") return { platform: true };
      return quote(row.input);
    }));
    if (ticket !== generation) return;
    const ready = rows.length > 0 && rows.every((row) => row.complete && !row.problems.size);
    const saved = save && store && ready ? await save(rows.map((row) => row.input)) : null;
    if (ticket !== generation) return; // the host typed again meanwhile
    results.forEach((result, index) => {
      if (!result) return editor.showQuote(index, null);
      if (result.platform) return editor.showQuote(index, null, { platform: true });
      if (result.quote) return editor.showQuote(index, result.quote);
      editor.showQuote(index, null);
      const problems = result.error.fields ?? new Map();
      for (const [pointer, text] of problems) fields.set(`/stays/${index}${pointer}`, text);
      if (!problems.size) fields.set(`/stays/${index}`, result.error.message);
    });
    for (const [pointer, text] of saved?.error?.fields ?? []) fields.set(pointer, text);
    showProblems(form, { fields }, { summary: false });

    const computed = results.every((result) => result && (result.platform || result.quote));
    if (ready && computed && !fields.size) {
      const cents = results.reduce((sum, result) => sum + (result.quote?.total_cents ?? 0), 0);
      replace(total,
        h("span", { class: "label" }, "Total à reverser pour ce mois"),
        h("span", { class: "value", "data-live-total": "" }, euros(cents)),
        h("span", { class: "hint" }, "La somme des montants calculés par le service pour chacun de vos séjours."));
    } else {
      replace(total, h("span", { class: "label" }, "Total à reverser pour ce mois"),
        h("span", { class: "hint" }, fields.size ? "Corrigez les champs signalés pour voir le total." : "Complétez les séjours (arrivée, nuits, personnes) pour voir le total."));
    }
  }

  return {
    schedule(options) { clearTimeout(timer); timer = setTimeout(() => update(options), PAUSE_MS); },
    update() { clearTimeout(timer); return update(); },
    // Before a submission: no save may follow it (the month would refuse a draft, 409).
    cancel() { clearTimeout(timer); generation += 1; },
  };
}
