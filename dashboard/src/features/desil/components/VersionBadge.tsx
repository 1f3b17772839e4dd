import type { VersionFieldsFragment } from '../../../generated/graphql';
import { formatDate } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { desilMessages } from '../messages';

/** The DTSEN version shown: label, status and publication date. */
export function VersionBadge({ version }: { version: VersionFieldsFragment }) {
  const t = useMessages(desilMessages);
  const published = formatDate(version.publishedAt);
  return (
    <p className="version" data-testid="version">
      <span className="version__label">{version.label}</span>
      <span className={`version__status version__status--${version.status.toLowerCase()}`}>
        {version.status === 'PUBLISHED' ? t.published : t.draft}
      </span>
      {published && <span className="version__date">{t.publishedOn(published)}</span>}
    </p>
  );
}
