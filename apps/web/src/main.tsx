import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './stil/app.css';
import './stil/utskrift.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const rot = document.getElementById('rot');
if (rot) {
  createRoot(rot).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
