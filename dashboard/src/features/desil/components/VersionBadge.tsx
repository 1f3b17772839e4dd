import { formatDate } from '../../../shared/format';
import type { DesilVersionFragment, VersionStatus } from '../../../generated/graphql';

export function statusLabel(status: VersionStatus): string {
  switch (status) {
    case 'PUBLISHED':
      return 'Terbit';
    case 'DRAFT':
      return 'Draf';
    default:
      return assertUnreachable(status);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unexpected version status: ${String(value)}`);
}

/** The DTSEN version shown: label, status and publication date. */
export function VersionBadge({ version }: { version: DesilVersionFragment }) {
  const published = formatDate(version.publishedAt);
  return (
    <p className="version" data-testid="version">
      <span className="version__label">{version.label}</span>
      <span className={`version__status version__status--${version.status.toLowerCase()}`}>{statusLabel(version.status)}</span>
      {published && <span className="version__date">diterbitkan {published}</span>}
    </p>
  );
}
