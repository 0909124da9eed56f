// The referent's collectivity (its communes), read once per page load: every page of the back
// office names communes by their INSEE code, which people read better as names.
import { get } from "../../api.js";

let cached = null;

export function readCollectivity(id) {
  if (!cached || cached.id !== id) cached = { id, promise: get(`/v1/collectivities/${id}`) };
  return cached.promise;
}

export async function communeNames(id) {
  const collectivity = await readCollectivity(id);
  return new Map(collectivity.communes.map((commune) => [commune.insee_code, commune.name]));
}
