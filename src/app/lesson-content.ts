/**
 * Page texts of a lesson: the idea from the course notes, in Chinese and English. Paragraphs may
 * hold inline math as $…$ (KaTeX); `math` blocks are display formulas (the same in both languages).
 */
import type { Text } from '../lesson/types';
import { biasCorrectionContent } from '../../lessons/bias-correction/content';
import { negativesContent } from '../../lessons/negatives/content';
import { positivesContent } from '../../lessons/positives/content';
import { selfSupervisionContent } from '../../lessons/self-supervision/content';
import { trainingModesContent } from '../../lessons/training-modes/content';
import { wrongNegativesContent } from '../../lessons/wrong-negatives/content';

export type Block = { kind: 'p'; text: Text } | { kind: 'math'; tex: string } | { kind: 'list'; items: Text[] };

export interface ContentSection {
  /** Arm ids this section explains (its heading gets their colours). */
  arms?: string[];
  title: Text;
  blocks: Block[];
}

export interface LessonContent {
  /** The idea in one paragraph, above the diagram. */
  idea: Text;
  sections: ContentSection[];
  /** What to look for in the charts. */
  watch: Text[];
  /** Where the idea comes from. */
  source: Text;
}

const CONTENT: Record<string, LessonContent> = {
  'training-modes': trainingModesContent,
  positives: positivesContent,
  negatives: negativesContent,
  'bias-correction': biasCorrectionContent,
  'wrong-negatives': wrongNegativesContent,
  'self-supervision': selfSupervisionContent,
};

export function contentOf(lessonId: string): LessonContent | undefined {
  return CONTENT[lessonId];
}
