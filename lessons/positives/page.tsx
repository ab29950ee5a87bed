import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { BucketBars } from '../../src/app/panels/BucketBars';
import { sweeps } from './sweeps';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [{ key: 'popularity', render: (p) => <BucketBars {...p} grouping="popularity" /> }, embeddingPanel()],
  sweeps,
};
export default page;
