import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { RecallLatencyPanel } from './RecallLatency';
import { ScalePanel } from './ScalePanel';
import { ServingDiagram } from './ServingDiagram';
import { SessionPanel } from './SessionRecall';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'diagram', wide: true, render: (p) => <ServingDiagram lang={p.lang} /> },
    { key: 'recall-latency', wide: true, render: (p) => <RecallLatencyPanel {...p} /> },
    { key: 'session', wide: true, render: (p) => <SessionPanel {...p} /> },
    { key: 'scale', wide: true, render: (p) => <ScalePanel {...p} /> },
    embeddingPanel(),
  ],
};
export default page;
