import 'katex/dist/katex.min.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOfflineCacheLater } from './offline';
import { prewarmTrainingWorker } from './prewarm';
import { parseHash } from './route';
import { useConfig } from './store';
import './styles.css';

useConfig.getState().readLocation();
if (parseHash(location.hash).page === 'lesson') prewarmTrainingWorker();
registerOfflineCacheLater();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
