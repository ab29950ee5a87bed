/**
 * The serving section of `npm run bench`: the serving lesson's scale job run to the end in Node
 * (wasm is not involved: the indexes are plain TypeScript) at each size — exact scan and HNSW
 * queries per second, HNSW build time and memory, recall@10 against the exact top-10 — on the
 * same synthetic vectors as the page's scale panel. Prints one JSON line per size, then a table.
 *   --sizes 10000,100000,1000000   --M 16 --efConstruction 100 --efSearch 64 --seed 7
 */
import { SCALE_SIZES, scaleJob } from '../lessons/serving/scale';
import { runJob } from '../src/lesson/jobs';
import { flag } from './flags';

const sizes = flag('sizes', SCALE_SIZES.join(',')).split(',').map(Number);
const params = { M: Number(flag('M', '16')), efConstruction: Number(flag('efConstruction', '100')), efSearch: Number(flag('efSearch', '64')), seed: Number(flag('seed', '7')) };

const rows = sizes.map((items) => {
  const t0 = performance.now();
  const row = runJob(scaleJob, { ...params, items });
  const line = {
    items,
    exactQps: Math.round(1000 / row.exactMs),
    hnswQps: Math.round(1000 / row.hnswMs),
    buildSeconds: +(row.buildMs / 1000).toFixed(1),
    hnswMB: +(row.hnswBytes / 1e6).toFixed(1),
    vectorsMB: +(row.exactBytes / 1e6).toFixed(1),
    recall: row.recall,
    queries: row.queries,
    byEf: row.byEf,
    wallSeconds: +((performance.now() - t0) / 1000).toFixed(1),
  };
  console.log(JSON.stringify(line));
  return line;
});
console.log(`\nserving indexes (synthetic clustered unit vectors, dim 32; HNSW M ${params.M}, efConstruction ${params.efConstruction}, efSearch ${params.efSearch}; Node, one thread)`);
console.log('   items  exact q/s   HNSW q/s  ×exact  build s  HNSW MB  vectors MB  recall@10');
for (const r of rows)
  console.log(
    `${String(r.items).padStart(8)} ${String(r.exactQps).padStart(10)} ${String(r.hnswQps).padStart(10)} ${(r.hnswQps / r.exactQps).toFixed(0).padStart(7)} ${r.buildSeconds.toFixed(1).padStart(8)} ${r.hnswMB.toFixed(1).padStart(8)} ${r.vectorsMB.toFixed(1).padStart(11)} ${r.recall.toFixed(3).padStart(10)}`,
  );
