/**
 * Texts of the serving lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Item vectors are computed offline and stored in a vector database with an index; each request runs the user tower and searches the index for the nearest item vectors. An approximate index (HNSW) returns almost all of the exact top-K at a fraction of the cost, traded by M and efSearch. User vectors are not stored: the user tower reads what the user just did, so a vector computed per request follows interest that moves within a session; one stored at the session’s start does not.',
    zh: '物品向量离线算好，存入向量数据库并建索引；每次请求实时计算用户向量，再在索引中查找最近的物品向量。近似索引（HNSW）以远低于精确计算的代价返回精确 top-K 中的绝大部分，用 M 和 efSearch 权衡。用户向量不存储：用户塔读取用户刚做过的事，每次请求实时计算的向量能跟上会话中变化的兴趣，会话开始时存下的向量跟不上。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: text.claim,
  sections: [],
  watch: [],
  source: { en: 'Course notes: two-tower model, online serving.', zh: '课程笔记：双塔模型，线上召回。' },
};
