import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { HeadTailChart } from '../../src/app/panels/HeadTail';
import { AugmentationPanel } from './AugmentationPanel';
import { MiHeatmap } from './MiHeatmap';
import { sweeps } from './sweeps';
import { content, embeddingHint, panelText } from './text';

const page: LessonPageDef = {
  content,
  panels: [
    { key: 'tail-vs-head', render: (p) => <HeadTailChart {...p} layout="groups" words={panelText.tailVsHead} /> },
    { key: 'mi', render: (p) => <MiHeatmap lang={p.lang} /> },
    { key: 'augmentations', wide: true, render: (p) => <AugmentationPanel {...p} /> },
    embeddingPanel({ hint: embeddingHint, color: 'topic' }),
  ],
  sweeps,
};
export default page;
