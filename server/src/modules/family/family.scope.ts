import type { AtlasContext } from '../../graphql/context.js';
import { assertRegionInScope } from '../auth/auth-checker.js';
import type { FamilyView } from './family.type.js';

/**
 * Entity scoping of a family (`family(id)`, `Proposal.family`, the families of a reallocation plan): FORBIDDEN
 * OUT_OF_SCOPE unless the family lives inside the caller's region, i.e. the village of its state in force at the
 * version it is shown in, else (no state, e.g. NON_DTSEN) its Dukcapil village. An unknown id stays null: family ids
 * are sequential surrogate keys, so telling "outside your region" from "unknown" reveals nothing about anyone.
 * National users skip the check (no statement).
 */
export async function assertFamilyInScope({ principal, loaders }: AtlasContext, family: FamilyView): Promise<void> {
  if (principal === null || principal.regionCode === null) return;
  const state = await loaders.familyState.load({ familyId: family.id, versionId: family.versionId });
  assertRegionInScope(principal, state?.villageCode ?? family.dukcapilVillageCode);
}
