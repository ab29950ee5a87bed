import type { LessonPageDef } from '../../src/app/lesson-page';
import { content } from './text';

/** The shared charts say it all: no panels of its own. */
const page: LessonPageDef = { content };
export default page;
