import './start-early';
import 'katex/dist/katex.min.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOfflineCacheLater } from './offline';
import { useConfig } from './store';
import './styles.css';

useConfig.getState().readLocation();
registerOfflineCacheLater();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
