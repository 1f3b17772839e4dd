import DataLoader from 'dataloader';
import type { RegionService } from './region.service.js';
import type { RegionView } from './region.type.js';

/** Per-request loaders of the region tree: one query per batch, never one per region. */
export interface RegionLoaders {
  /** Region by code (null when unknown). */
  regionByCode: DataLoader<string, RegionView | null>;
  /** Direct children of a region, ordered by code. */
  regionChildren: DataLoader<string, RegionView[]>;
  /** Number of direct children of a region. */
  regionChildCount: DataLoader<string, number>;
}

export function createRegionLoaders(service: RegionService): RegionLoaders {
  return {
    regionByCode: new DataLoader((codes) => service.getRegionsByCodes(codes)),
    regionChildren: new DataLoader((codes) => service.getChildrenByParentCodes(codes)),
    regionChildCount: new DataLoader((codes) => service.getChildCountsByCodes(codes)),
  };
}
