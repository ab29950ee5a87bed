/**
 * Page texts of a lesson: the idea from the course notes, in Chinese and English. Paragraphs may
 * hold inline math as $…$ (KaTeX); `math` blocks are display formulas (the same in both languages).
 */
import type { Text } from './types';

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
