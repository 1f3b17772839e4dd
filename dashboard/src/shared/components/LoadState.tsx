// Loading, error and empty states, the same on every view: a status region while loading (announced to
// screen readers), an alert with the message and a retry button on error (a notice for access errors), a
// plain status when empty.
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { accessProblem } from '../../app/auth/access';
import { NotForRole, OutOfScope } from '../../app/auth/AccessPanels';
import { useMessages } from '../i18n';
import { sharedMessages } from '../messages';

export interface LoadStateProps {
  fetching: boolean;
  error?: CombinedError | Error | null;
  /** True once data is there but holds nothing to show. */
  empty?: boolean;
  emptyTitle?: string;
  emptyDetail?: string;
  retry?: () => void;
  /** Rendered when data is there and not empty. */
  children?: ReactNode;
  /** Whether data (possibly stale) is available; children stay visible while refetching. */
  hasData: boolean;
}

export function LoadState({ fetching, error, empty, emptyTitle, emptyDetail, retry, children, hasData }: LoadStateProps) {
  const t = useMessages(sharedMessages);
  if (error && !hasData) return <ErrorPanel message={error.message} error={error} retry={retry} />;
  if (!hasData) return <LoadingPanel label={t.loading} />;
  if (empty)
    return (
      <div className="panel panel--state" role="status">
        <strong>{emptyTitle ?? t.emptyTitle}</strong>
        {emptyDetail && <p>{emptyDetail}</p>}
      </div>
    );
  return <div className={fetching ? 'is-refreshing' : undefined} aria-busy={fetching || undefined}>{children}</div>;
}

export function LoadingPanel({ label }: { label: string }) {
  return (
    <div className="panel panel--state" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/**
 * An error with its message and a retry button. An access error from the API is no failure to retry: a
 * region outside the user's scope says so with a link back to their region, data the role does not include
 * says that (the server's FORBIDDEN, reason OUT_OF_SCOPE or MISSING_RIGHT).
 */
export function ErrorPanel({ message, error, retry }: { message: string; error?: CombinedError | Error | null; retry?: () => void }) {
  const t = useMessages(sharedMessages);
  const problem = accessProblem(error);
  if (problem?.kind === 'out-of-scope') return <OutOfScope scope={problem.scope} />;
  if (problem?.kind === 'missing-right') return <NotForRole />;
  return (
    <div className="panel panel--state panel--error" role="alert">
      <strong>{t.errorTitle}</strong>
      <p className="panel__detail">{message.replace(/^\[(GraphQL|Network)\]\s*/, '')}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
