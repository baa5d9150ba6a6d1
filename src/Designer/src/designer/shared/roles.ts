import type { RoleCatalogue } from '../api';

/** Every candidate group a select offers: each role, then each role at each unit kind (role@kind, e.g. reviewer@town). */
export function candidateGroupOptions(catalogue: RoleCatalogue): string[] {
  return [...catalogue.roles, ...catalogue.roles.flatMap((r) => catalogue.unitKinds.map((k) => `${r}@${k}`))];
}
