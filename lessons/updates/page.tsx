import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { HourMix } from './HourMix';
import { content } from './text';
import { Timeline } from './Timeline';

const page: LessonPageDef = {
  content,
  // The shared charts plot steps against the test day's references; this lesson's time is days.
  sharedCharts: false,
  panels: [
    { key: 'timeline', wide: true, render: (p) => <Timeline {...p} /> },
    { key: 'hour-mix', wide: true, render: (p) => <HourMix lang={p.lang} /> },
    embeddingPanel(),
  ],
};
export default page;
