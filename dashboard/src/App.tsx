import { AppShell } from './app/AppShell';
import { AuthGate, type AuthGateProps } from './app/auth/AuthGate';

/** The dashboard: the sign-in gate (token, urql client, session) around the shell and its views. */
export function App({ clientOptions }: { clientOptions?: AuthGateProps['clientOptions'] }) {
  return (
    <AuthGate clientOptions={clientOptions}>
      <AppShell />
    </AuthGate>
  );
}
