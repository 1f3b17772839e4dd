// The signed-in user, for every component under the sign-in gate: who they are (the `me` answer) and how to
// sign out. Outside the gate (component tests of a single view) there is no session: `useViewer()` is null
// and the access helpers then offer everything; the server decides in any case.
import { createContext, useContext } from 'react';
import type { Viewer } from './access';

export interface Session {
  viewer: Viewer;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session | null {
  return useContext(SessionContext);
}

export function useViewer(): Viewer | null {
  return useContext(SessionContext)?.viewer ?? null;
}
