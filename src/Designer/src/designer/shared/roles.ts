import { ApiError } from '../../app/api';
import { ROLES } from '../../app/auth';
import { designerApi, type RoleCatalogue } from '../api';

/**
 * The roles a candidate group may name: the service's catalogue (GET /api/roles), or, on a service that does not
 * offer it yet (404), the web app's own role list and the engine's unit kinds (Units/Unit.cs UnitKind).
 */
export async function loadRoleCatalogue(): Promise<RoleCatalogue> {
  try {
    return await designerApi.roles();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
      return { roles: ROLES.filter((r) => r !== 'admin'), unitKinds: ['province', 'city', 'county', 'town', 'grassroots'] };
    }
    throw e;
  }
}

/** Every candidate group a select offers: each role, then each role at each unit kind (role@kind). */
export function candidateGroupOptions(catalogue: RoleCatalogue): string[] {
  return [...catalogue.roles, ...catalogue.roles.flatMap((r) => catalogue.unitKinds.map((k) => `${r}@${k.toLowerCase()}`))];
}
