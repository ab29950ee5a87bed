import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { RecallDrop } from './RecallDrop';
import { sweeps } from './sweeps';
import { TaskPair } from './TaskPair';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'pair', render: (p) => <TaskPair {...p} /> },
    { key: 'closeness', render: (p) => <BucketBars {...p} grouping="closeness" /> },
    { key: 'drop', render: (p) => <RecallDrop {...p} /> },
    embeddingPanel(),
  ],
  sweeps,
};
export default page;
