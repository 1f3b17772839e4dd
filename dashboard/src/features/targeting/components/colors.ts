// Colours of the targeting classes and cause kinds, shared by the charts (SVG fill) and their legends.
// Kept apart from the desil bands (blue) so the two views never read alike.
import type { InclusionCauseKind } from '../../../shared/inclusion-causes';

export const CLASS_COLORS = {
  correct: '#2563eb',
  pending: '#f59e0b',
  inclusion: '#dc2626',
  exclusion: '#a78bfa',
} as const;

export type TargetingClassKey = keyof typeof CLASS_COLORS;

export const CAUSE_COLORS: Readonly<Record<InclusionCauseKind, string>> = {
  outside: '#7f1d1d',
  criterion: '#dc2626',
  target: '#f97316',
  desil: '#fb923c',
};
