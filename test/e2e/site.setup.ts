/**
 * The browser tests' global setup: the site is built once for every file (each file used to build
 * its own, 5–10 s apiece), handed to them through vitest's provide/inject and removed at the end.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, removeDir } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site's directory. */
    site: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await buildSite();
  project.provide('site', dir);
  return () => removeDir(dir);
}
