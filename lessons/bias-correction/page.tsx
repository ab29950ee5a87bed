import type { LessonPageDef } from '../../src/app/lesson-page';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { EstimatorChart } from './EstimatorChart';
import { sweeps } from './sweeps';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'popularity', render: (p) => <BucketBars {...p} grouping="popularity" /> },
    { key: 'estimator', render: (p) => <EstimatorChart {...p} /> },
  ],
  sweeps,
};
export default page;
