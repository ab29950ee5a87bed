import type { LessonPageDef } from '../../src/app/lesson-page';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { sweeps } from './sweeps';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [{ key: 'popularity', render: (p) => <BucketBars {...p} grouping="popularity" /> }],
  sweeps,
};
export default page;
