// What each view needs from the shell: its label, whether the program picker applies, and how deep the
// region picker may go (the quota is per kabupaten/kota, so its picker stops there).
import type { SharedMessages } from '../shared/messages';
import type { RegionLevelValue, ViewId } from './url-state';

export interface ViewConfig {
  label: (t: SharedMessages) => string;
  usesProgram: boolean;
  /** Deepest region level the view can show. */
  maxLevel: RegionLevelValue;
}

export const VIEW_CONFIG: Readonly<Record<ViewId, ViewConfig>> = {
  overview: { label: (t) => t.viewOverview, usesProgram: false, maxLevel: 'VILLAGE' },
  desil: { label: (t) => t.viewDesil, usesProgram: false, maxLevel: 'VILLAGE' },
  targeting: { label: (t) => t.viewTargeting, usesProgram: true, maxLevel: 'VILLAGE' },
  quota: { label: (t) => t.viewQuota, usesProgram: true, maxLevel: 'REGENCY' },
  trends: { label: (t) => t.viewTrends, usesProgram: true, maxLevel: 'VILLAGE' },
  proposals: { label: (t) => t.viewProposals, usesProgram: false, maxLevel: 'REGENCY' },
};

export const LEVEL_ORDER: readonly RegionLevelValue[] = ['NATION', 'PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'];

/** Whether a region at `level` can choose children within a view that goes down to `maxLevel`. */
export function canDrillBelow(level: RegionLevelValue, maxLevel: RegionLevelValue): boolean {
  return LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(maxLevel);
}
