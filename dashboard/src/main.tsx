import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The urql client is made by the sign-in gate (app/auth/AuthGate.tsx), one per signed-in token.
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
