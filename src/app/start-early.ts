/**
 * main.tsx's first import: on a lesson's address the training worker starts before the rest of
 * the page's modules run (React, the lessons, KaTeX), so its scripts load meanwhile.
 */
import { prewarmTrainingWorker } from './prewarm';
import { parseHash } from './route';

if (parseHash(location.hash).page === 'lesson') prewarmTrainingWorker();
