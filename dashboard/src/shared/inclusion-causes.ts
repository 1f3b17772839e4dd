// Names of the inclusion causes (why a recipient should not receive): the exclusion criteria by their
// names in the decree (from the `exclusionCriteria` query), and the three causes that are not criteria.
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { Lang } from '../app/url-state';
import { ExclusionCriteriaDocument, type ExclusionCriteriaQuery } from '../generated/graphql';
import { defineMessages, useLang } from './i18n';

export type CriterionInfo = ExclusionCriteriaQuery['exclusionCriteria'][number];

/** The kind of an inclusion cause, for colours and grouping. */
export type InclusionCauseKind = 'outside' | 'criterion' | 'target' | 'desil';

export const inclusionCauseMessages = defineMessages(
  {
    outsideDtsen: 'Di luar DTSEN',
    notInTargetGroup: 'Bukan kelompok sasaran program',
    desilAboveRange: (desilMax: number) => `Desil di atas ${desilMax}, sudah dicek lapangan`,
  },
  {
    outsideDtsen: 'Outside DTSEN',
    notInTargetGroup: 'Not in the program’s target group',
    desilAboveRange: (desilMax: number) => `Desil above ${desilMax}, ground-checked`,
  },
);

export function inclusionCauseKind(cause: string): InclusionCauseKind {
  if (cause === 'OUTSIDE_DTSEN') return 'outside';
  if (cause === 'NOT_IN_TARGET_GROUP') return 'target';
  if (cause === 'DESIL_ABOVE_RANGE') return 'desil';
  return 'criterion';
}

/**
 * The name of a cause in a language: criteria by their decree name (the code, readable, until the
 * criteria are loaded), the other causes by this module's messages.
 */
export function inclusionCauseLabel(
  cause: string,
  lang: Lang,
  criteria: ReadonlyMap<string, CriterionInfo>,
  desilMax: number,
): string {
  const t = inclusionCauseMessages[lang];
  switch (inclusionCauseKind(cause)) {
    case 'outside':
      return t.outsideDtsen;
    case 'target':
      return t.notInTargetGroup;
    case 'desil':
      return t.desilAboveRange(desilMax);
    case 'criterion': {
      const criterion = criteria.get(cause);
      if (criterion) return lang === 'en' ? criterion.nameEn : criterion.nameId;
      const words = cause.toLowerCase().replace(/_/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

export interface InclusionCauseNames {
  label: (cause: string, desilMax: number) => string;
  /** The administrative source a criterion is detected from (BKN, Dukcapil…); null for other causes. */
  detectedBy: (cause: string) => string | null;
}

/** Cause names in the current language; criteria names arrive with the (cached) `exclusionCriteria` query. */
export function useInclusionCauseNames(): InclusionCauseNames {
  const lang = useLang();
  const [result] = useQuery({ query: ExclusionCriteriaDocument });
  const list = result.data?.exclusionCriteria;
  return useMemo(() => {
    const criteria = new Map((list ?? []).map((criterion) => [criterion.code as string, criterion]));
    return {
      label: (cause, desilMax) => inclusionCauseLabel(cause, lang, criteria, desilMax),
      detectedBy: (cause) => criteria.get(cause)?.detectedBy ?? null,
    };
  }, [list, lang]);
}
