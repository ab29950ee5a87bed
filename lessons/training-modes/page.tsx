import type { LessonPageDef } from '../../src/app/lesson-page';
import { embeddingPanel } from '../../src/app/panels/embedding/EmbeddingPanel';
import { content } from './text';

/** The shared charts say it all, beside the shared map of the towers. */
const page: LessonPageDef = { content, panels: [embeddingPanel()] };
export default page;
