// The sign-in gate around the whole dashboard. It keeps the API token (localStorage when remembered, else
// sessionStorage), makes the urql client that sends it, and asks the API who it belongs to (`me`) before
// anything else loads. No token, a token the API refuses (401 / UNAUTHENTICATED, at start or later) or
// "Keluar": the sign-in screen. Signed in: the session (viewer + sign-out) for the shell, and a first
// landing that suits the role (a regional user opens their own region; a role without the overview opens
// its first view).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { MeDocument } from '../../generated/graphql';
import { ErrorPanel, LoadingPanel } from '../../shared/components/LoadState';
import { useMessages } from '../../shared/i18n';
import { createClient, type ClientOptions } from '../../graphql/client';
import { navigate } from '../navigation';
import { accessProblem, landingChange, type Viewer } from './access';
import { authMessages } from './messages';
import { SessionContext, type Session } from './session';
import { SignInScreen, type SignInOutcome } from './SignInScreen';
import { clearStoredToken, isTokenRemoval, readStoredToken, storeToken } from './token-store';

export interface AuthGateProps {
  /** Endpoint and fetch of the API (tests); the token and the 401 handling are the gate's. */
  clientOptions?: Pick<ClientOptions, 'url' | 'fetch'>;
  children: ReactNode;
}

type GateState =
  | { status: 'checking'; token: string }
  | { status: 'unreachable'; token: string; message: string }
  | { status: 'signed-out'; notice: 'expired' | 'signed-out' | null }
  | { status: 'signed-in'; client: Client; viewer: Viewer };

type Verified = { kind: 'ok'; client: Client; viewer: Viewer } | { kind: 'rejected' } | { kind: 'unreachable'; message: string };

function land(viewer: Viewer): void {
  const change = landingChange(viewer, window.location.pathname, window.location.search);
  if (change) navigate(change, { replace: true });
}

export function AuthGate({ clientOptions, children }: AuthGateProps) {
  const t = useMessages(authMessages);
  const [state, setState] = useState<GateState>(() => {
    const stored = readStoredToken();
    return stored ? { status: 'checking', token: stored.token } : { status: 'signed-out', notice: null };
  });
  // The client of the signed-in session: a 401 from any other client (a token being tried) is not an expiry.
  const current = useRef<Client | null>(null);
  const options = useRef(clientOptions);

  const expire = useCallback((notice: 'expired' | 'signed-out') => {
    clearStoredToken();
    current.current = null;
    setState({ status: 'signed-out', notice });
  }, []);

  /** Asks the API who a token belongs to, through a client that will serve the session if it is good. */
  const verify = useCallback(
    async (token: string): Promise<Verified> => {
      const client: Client = createClient({
        ...options.current,
        token,
        onUnauthenticated: () => {
          if (current.current === client) expire('expired');
        },
      });
      const result = await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      const viewer = result.data?.me;
      if (viewer) return { kind: 'ok', client, viewer };
      if (result.data?.me === null || accessProblem(result.error)?.kind === 'unauthenticated') return { kind: 'rejected' };
      return { kind: 'unreachable', message: (result.error?.message ?? 'no answer').replace(/^\[(GraphQL|Network)\]\s*/, '') };
    },
    [expire],
  );

  const enter = useCallback((verified: Extract<Verified, { kind: 'ok' }>) => {
    current.current = verified.client;
    land(verified.viewer);
    setState({ status: 'signed-in', client: verified.client, viewer: verified.viewer });
  }, []);

  // A token kept from an earlier visit: check it once (again on "Coba lagi" when the server was unreachable).
  const checkingToken = state.status === 'checking' ? state.token : null;
  useEffect(() => {
    if (checkingToken === null) return;
    let cancelled = false;
    void verify(checkingToken).then((verified) => {
      if (cancelled) return;
      if (verified.kind === 'ok') enter(verified);
      else if (verified.kind === 'rejected') expire('expired');
      else setState({ status: 'unreachable', token: checkingToken, message: verified.message });
    });
    return () => {
      cancelled = true;
    };
  }, [checkingToken, verify, enter, expire]);

  // Signed out in another tab (the remembered token removed): sign out here too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (isTokenRemoval(event) && current.current !== null && readStoredToken() === null) expire('signed-out');
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [expire]);

  const signIn = useCallback(
    async (token: string, remember: boolean): Promise<SignInOutcome> => {
      const verified = await verify(token);
      if (verified.kind !== 'ok') return verified;
      storeToken(token, remember);
      enter(verified);
      return { kind: 'ok' };
    },
    [verify, enter],
  );

  const session = useMemo<Session | null>(
    () => (state.status === 'signed-in' ? { viewer: state.viewer, signOut: () => expire('signed-out') } : null),
    [state, expire],
  );

  if (state.status === 'signed-out') return <SignInScreen notice={state.notice} signIn={signIn} />;
  if (state.status === 'checking' || state.status === 'unreachable') {
    return (
      <div className="app signin">
        <main id="main" className="app-main signin__main">
          {state.status === 'checking' ? (
            <LoadingPanel label={t.checkingSession} />
          ) : (
            <ErrorPanel message={t.errorNetwork(state.message)} retry={() => setState({ status: 'checking', token: state.token })} />
          )}
        </main>
      </div>
    );
  }
  return (
    <Provider value={state.client}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </Provider>
  );
}
