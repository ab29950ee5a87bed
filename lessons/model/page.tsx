import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { ArchitecturePanel } from './ArchitecturePanel';
import { ServingCost } from './ServingCost';
import { content } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'architecture', wide: true, render: (p) => <ArchitecturePanel lang={p.lang} armIds={p.lesson.armIds} labels={p.labels} /> },
    { key: 'serving-cost', wide: true, render: (p) => <ServingCost lang={p.lang} armIds={p.lesson.armIds} labels={p.labels} /> },
    embeddingPanel(),
  ],
};
export default page;
