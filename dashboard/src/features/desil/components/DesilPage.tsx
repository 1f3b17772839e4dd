import { useState } from 'react';
import { useDesilDistribution } from '../hooks/useDesilDistribution';
import type { DesilUnit } from '../toSeries';
import { DesilPageView } from './DesilPageView';

/** National desil distribution of the latest DTSEN version. */
export function DesilPage() {
  const state = useDesilDistribution();
  const [unit, setUnit] = useState<DesilUnit>('families');
  return <DesilPageView state={state} unit={unit} onUnitChange={setUnit} />;
}
