import { defineConfig, mergeConfig } from 'vitest/config';
import { HeaviestFirst } from './test/heaviest-first.ts';
import site from './vite.config.ts';

/** The tests: the unit and science files two at a time, then the browser tests one file at a time (`npm test` runs the projects in turn). */
export default mergeConfig(
  site,
  defineConfig({
    test: {
      testTimeout: 120_000,
      hookTimeout: 180_000,
      sequence: { sequencer: HeaviestFirst },
      projects: [
        {
          extends: true,
          // Two files at a time (the machine has 2 cores; training is single-threaded wasm).
          test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/science/**/*.test.ts'], fileParallelism: true, maxWorkers: 2 },
        },
        {
          extends: true,
          // One file at a time, after the unit and science tests, so they never compete with training
          // or with each other (the WebGPU test on SwiftShader takes a whole core). The site is built
          // once for all of them (site.setup.ts).
          test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, globalSetup: ['test/e2e/site.setup.ts'] },
        },
      ],
    },
  }),
);
