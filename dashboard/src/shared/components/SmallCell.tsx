// A value the API withheld as a small cell: "<5", with a tooltip (and an accessible name) saying why.
import { useMessages } from '../i18n';
import { sharedMessages } from '../messages';
import { smallCellMark, useSmallCellThreshold } from '../small-cells';

export function SmallCell() {
  const t = useMessages(sharedMessages);
  const threshold = useSmallCellThreshold();
  const title = t.smallCellTitle(threshold);
  return (
    <abbr className="small-cell" title={title} aria-label={`${smallCellMark(threshold)}. ${title}`} data-testid="small-cell">
      {smallCellMark(threshold)}
    </abbr>
  );
}

/** A number formatted with `format`, or the small-cell mark when it was withheld (null). */
export function OrSmallCell({ value, format }: { value: number | null | undefined; format: (value: number) => string }) {
  return value === null || value === undefined ? <SmallCell /> : <>{format(value)}</>;
}

/** Under a chart or a card group that left withheld values out: what "<5" means. Nothing when none was. */
export function SmallCellNote({ show }: { show: boolean }) {
  const t = useMessages(sharedMessages);
  const threshold = useSmallCellThreshold();
  if (!show) return null;
  return (
    <p className="small-cell-note" title={t.smallCellTitle(threshold)}>
      {t.smallCellNote(smallCellMark(threshold))}
    </p>
  );
}
