// The frame every view shares: a labelled section (`data-testid="view-<id>"`) with its title, and the four
// states of the version context: loading, error with a retry, nothing published, and the view's own body
// once a version is resolved.
import { useId, type ReactNode } from 'react';
import { useMessages } from '../i18n';
import { sharedMessages } from '../messages';
import type { ReadyVersionContext, VersionContext } from '../useVersionContext';
import { ErrorPanel, LoadingPanel } from './LoadState';

export interface ViewFrameProps {
  /** The section's test id, `view-<id>`. */
  testId: string;
  /** The view's class, after `view`. */
  className: string;
  title: string;
  titleClassName?: string;
  /** A fixed id for the title (it labels the section); a generated one by default. */
  titleId?: string;
  versions: VersionContext;
  /** The view's body, rendered once the versions are resolved. */
  children: (ready: ReadyVersionContext) => ReactNode;
}

export function ViewFrame({ testId, className, title, titleClassName, titleId, versions, children }: ViewFrameProps) {
  const t = useMessages(sharedMessages);
  const generatedId = useId();
  const headingId = titleId ?? generatedId;
  return (
    <section className={`view ${className}`} data-testid={testId} aria-labelledby={headingId}>
      <h2 id={headingId} className={titleClassName}>
        {title}
      </h2>
      {versions.status === 'loading' && <LoadingPanel label={t.loading} />}
      {versions.status === 'error' && <ErrorPanel message={versions.message} retry={versions.retry} />}
      {versions.status === 'empty' && (
        <div className="panel panel--state" role="status">
          <strong>{t.noVersionTitle}</strong>
          <p>{t.noVersionDetail}</p>
        </div>
      )}
      {versions.status === 'ready' && children(versions)}
    </section>
  );
}
