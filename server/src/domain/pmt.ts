/**
 * Proxy-means test (PMT): predicts log per-capita consumption from observable welfare inputs. The weights are
 * data (a linear model in the shape BPS describes: income, house, utilities, assets); ranking uses only the score.
 */
export type WallType = 'MASONRY' | 'PLASTERED_BAMBOO' | 'WOOD' | 'BAMBOO' | 'OTHER';
export type FloorType = 'CERAMIC' | 'CEMENT' | 'WOOD' | 'BAMBOO' | 'EARTH';
export type RoofType = 'CONCRETE' | 'TILE' | 'ZINC' | 'ASBESTOS' | 'THATCH';
export type WaterSource = 'BOTTLED' | 'PIPED' | 'PROTECTED_WELL' | 'UNPROTECTED' | 'SURFACE';
export type Sanitation = 'PRIVATE_SEPTIC' | 'PRIVATE_NO_SEPTIC' | 'SHARED' | 'NONE';
export type CookingFuel = 'ELECTRIC_GAS' | 'LPG_LARGE' | 'LPG_3KG' | 'KEROSENE' | 'WOOD';
export type HouseOwnership = 'OWNED' | 'RENTED' | 'RENT_FREE' | 'OTHER';

export interface WelfareInputs {
  memberCount: number;
  incomeMonthly: number;
  wallType: WallType;
  floorType: FloorType;
  roofType: RoofType;
  floorAreaM2: number;
  electricityVa: number;
  waterSource: WaterSource;
  sanitation: Sanitation;
  cookingFuel: CookingFuel;
  houseOwnership: HouseOwnership;
  landM2: number;
  motorcycles: number;
  cars: number;
  goldGrams: number;
  savingsRp: number;
  loansRp: number;
}

export const PMT_WEIGHTS = {
  intercept: 5.2,
  logIncomePerCapita: 0.55,
  logFloorAreaPerCapita: 0.12,
  wall: { MASONRY: 0.12, PLASTERED_BAMBOO: 0.04, WOOD: 0, BAMBOO: -0.08, OTHER: -0.1 },
  floor: { CERAMIC: 0.14, CEMENT: 0.03, WOOD: 0, BAMBOO: -0.06, EARTH: -0.12 },
  roof: { CONCRETE: 0.1, TILE: 0.04, ZINC: 0, ASBESTOS: 0, THATCH: -0.1 },
  water: { BOTTLED: 0.08, PIPED: 0.05, PROTECTED_WELL: 0, UNPROTECTED: -0.05, SURFACE: -0.08 },
  sanitation: { PRIVATE_SEPTIC: 0.07, PRIVATE_NO_SEPTIC: 0, SHARED: -0.04, NONE: -0.09 },
  fuel: { ELECTRIC_GAS: 0.1, LPG_LARGE: 0.08, LPG_3KG: 0, KEROSENE: -0.04, WOOD: -0.09 },
  ownership: { OWNED: 0.02, RENTED: 0.03, RENT_FREE: -0.03, OTHER: -0.03 },
  /** Per electricity class: 0 = not connected, 450, 900, 1300, 2200, 3500+ VA. */
  electricity: [
    [0, -0.12],
    [450, -0.06],
    [900, 0],
    [1300, 0.06],
    [2200, 0.12],
    [3500, 0.18],
  ] as Array<[number, number]>,
  motorcycle: 0.04,
  car: 0.2,
  logGold: 0.015,
  logSavings: 0.01,
  logLand: 0.008,
} as const;

/** PMT score (predicted log per-capita consumption); higher = better off. */
export function pmtScore(x: WelfareInputs): number {
  const w = PMT_WEIGHTS;
  const members = Math.max(1, x.memberCount);
  let electricity = w.electricity[0]![1];
  for (const [va, coef] of w.electricity) if (x.electricityVa >= va) electricity = coef;
  return (
    w.intercept +
    w.logIncomePerCapita * Math.log(1 + x.incomeMonthly / members) +
    w.logFloorAreaPerCapita * Math.log(1 + x.floorAreaM2 / members) +
    w.wall[x.wallType] +
    w.floor[x.floorType] +
    w.roof[x.roofType] +
    w.water[x.waterSource] +
    w.sanitation[x.sanitation] +
    w.fuel[x.cookingFuel] +
    w.ownership[x.houseOwnership] +
    electricity +
    w.motorcycle * Math.min(x.motorcycles, 3) +
    w.car * Math.min(x.cars, 2) +
    w.logGold * Math.log(1 + x.goldGrams) +
    w.logSavings * Math.log(1 + x.savingsRp / 1000) +
    w.logLand * Math.log(1 + x.landM2)
  );
}
