// The public simulator (no login): the tax of a stay in a collectivity, computed by the API with
// the same engine as the declarations (POST /v1/collectivities/{id}/quotes).
export const routes = [
  { path: "/simulateur", page: () => import("../pages/simulator/index.js") },
  { path: "/simulateur/:collectivity", page: () => import("../pages/simulator/collectivity.js") },
];

// Offered in the menu to visitors; signed-in people find it from their own pages.
export function navigation(who) {
  return who ? [] : [{ href: "/simulateur", label: "Simulateur" }];
}
