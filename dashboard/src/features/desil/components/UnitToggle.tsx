import { useId } from 'react';
import { useMessages } from '../../../shared/i18n';
import { desilMessages } from '../messages';
import type { DesilUnit } from '../toSeries';

const UNITS: readonly DesilUnit[] = ['families', 'individuals'];

export interface UnitToggleProps {
  unit: DesilUnit;
  onChange: (unit: DesilUnit) => void;
}

/** Keluarga / Individu switch: a radio group styled as a segmented control. */
export function UnitToggle({ unit, onChange }: UnitToggleProps) {
  const t = useMessages(desilMessages);
  const name = useId();
  return (
    <fieldset className="unit-toggle">
      <legend className="visually-hidden">{t.unitLegend}</legend>
      {UNITS.map((option) => (
        <label key={option} className="unit-toggle__option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={unit === option}
            onChange={() => {
              onChange(option);
            }}
          />
          <span>{option === 'families' ? t.families : t.individuals}</span>
        </label>
      ))}
    </fieldset>
  );
}
