/**
 * A Vite plugin (build only): the page's bundle is built without TensorFlow.js. The page never
 * trains — the workers do — but it imports the lessons' definitions, whose engine parts (probes,
 * arms) reach TensorFlow.js; the whole library would load before the first lesson text. Here the
 * page's `@tensorflow/tfjs` is a module of the same names whose every export throws, so a page
 * that did call into TensorFlow.js would fail loudly, not silently load it. Worker bundles get
 * the real library (Vite applies `plugins` to the page build only; workers have their own).
 */
import type { Plugin } from 'vite';

const ID = '\0tfjs-absent';

export function pageWithoutTfjs(): Plugin {
  return {
    name: 'page-without-tfjs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === '@tensorflow/tfjs' ? ID : null;
    },
    async load(id) {
      if (id !== ID) return null;
      const names = Object.keys(await import('@tensorflow/tfjs')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return [
        "const absent = () => { throw new Error('TensorFlow.js runs in the training worker, never on the page'); };",
        `export const ${names.map((n) => `${n} = absent`).join(', ')};`,
      ].join('\n');
    },
  };
}
