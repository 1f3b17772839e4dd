import { useId } from 'react';
import { UNIT_LABELS, type DesilUnit } from '../toSeries';

const UNITS: readonly DesilUnit[] = ['families', 'individuals'];

export interface UnitToggleProps {
  unit: DesilUnit;
  onChange: (unit: DesilUnit) => void;
}

/** Keluarga / Individu switch: a radio group styled as a segmented control. */
export function UnitToggle({ unit, onChange }: UnitToggleProps) {
  const name = useId();
  return (
    <fieldset className="unit-toggle">
      <legend className="unit-toggle__legend">Satuan</legend>
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
          <span>{UNIT_LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
