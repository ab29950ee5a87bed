import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { EstimatorChart } from './EstimatorChart';
import { sweeps } from './sweeps';
import { content, embeddingHint } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'popularity', render: (p) => <BucketBars {...p} grouping="popularity" /> },
    { key: 'estimator', render: (p) => <EstimatorChart {...p} /> },
    embeddingPanel({ hint: embeddingHint, color: 'head' }),
  ],
  sweeps,
};
export default page;
