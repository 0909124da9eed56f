// A button that downloads a PDF the API draws (receipts, the statement): the file is fetched
// with the session (a plain link would work too, but the button says in words, in a status line
// next to it, whether the download worked or why it did not).
import { download, h, replace } from "../../dom.js";
import { request } from "../../api.js";

// `status` is the element (role=status) where the outcome is written; `label` is what the
// button says, `name` (optional) a longer accessible name when the label is short.
export function pdfButton({ label, name, path, query, fileName, status }) {
  const button = h("button", { type: "button", class: "secondary pdf-download", "aria-label": name ?? null }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    replace(status, "Préparation du document…");
    try {
      const blob = await request("GET", path, { query, accept: "blob" });
      download(blob, fileName);
      replace(status, `${name ?? label} : téléchargé.`);
    } catch (error) {
      replace(status, `Le document n'a pas pu être téléchargé : ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
