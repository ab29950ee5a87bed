import type { LessonPageDef } from '../../src/app/lesson-page';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { RecallDrop } from './RecallDrop';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'closeness', render: (p) => <BucketBars {...p} grouping="closeness" /> },
    { key: 'drop', render: (p) => <RecallDrop {...p} /> },
  ],
};
export default page;
