import { AppShell } from './app/AppShell';

export function App() {
  return <AppShell />;
}
