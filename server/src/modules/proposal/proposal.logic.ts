import { BadUserInputError, ConflictError, type AtlasError } from '../../graphql/errors.js';
import type { WorkflowError, WorkflowResult } from '../../domain/proposal-workflow.js';
import type { RegionLevel } from '../region/region.type.js';

/** Default and largest page of `proposals`. */
export const PROPOSALS_DEFAULT_PAGE = 20;
export const PROPOSALS_MAX_PAGE = 100;

/** The API error of a workflow rule violation: BAD_USER_INPUT on its argument, or CONFLICT with its reason. */
export function toApiError(error: WorkflowError): AtlasError {
  switch (error.category) {
    case 'INPUT':
      return new BadUserInputError(error.argument, error.message);
    case 'CONFLICT':
      return new ConflictError(error.reason, error.message, error.details ?? {});
  }
}

/** The value of a workflow result, or its API error thrown. */
export function unwrap<T>(result: WorkflowResult<T>): T {
  if (!result.ok) throw toApiError(result.error);
  return result.value;
}

/** Condition on the proposal's own region columns (village and regency codes). */
export type ProposalRegionCondition =
  | Record<string, never>
  | { regencyCode: string | { startsWith: string } }
  | { villageCode: string | { startsWith: string } };

/**
 * Proposals submitted in a region, from the proposal's village and regency columns. Kemendagri codes nest (the
 * villages of district "32.01.01" are "32.01.01.xxxx", the regencies of province "32" are "32.xx"; region.logic
 * enforces the format), so a province or district is a prefix of the column one level below it.
 */
export function regionCondition(region: { code: string; level: RegionLevel }): ProposalRegionCondition {
  switch (region.level) {
    case 'NATION':
      return {};
    case 'PROVINCE':
      return { regencyCode: { startsWith: `${region.code}.` } };
    case 'REGENCY':
      return { regencyCode: region.code };
    case 'DISTRICT':
      return { villageCode: { startsWith: `${region.code}.` } };
    case 'VILLAGE':
      return { villageCode: region.code };
  }
}
