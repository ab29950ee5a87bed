/**
 * `npm start [-- --port N] [-- --no-open]`: the lab as students and lecturers get it — the built
 * site, served locally. The dev server (`npm run dev`) transforms every module on request: on a
 * fresh clone with 2 cores its first Play came 21.7–24.6 s after start, against 17.3–19.8 s built
 * (bench/first-start.ts; TensorFlow.js alone is a 2.8 MB module it serves to the page and to each
 * worker), its React is the development build (slower charts while training), and it has no
 * offline cache. Building takes a few seconds and is skipped when no source changed since the last
 * build this script made.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.sources');
/** What the site is built from (package-lock.json: the dependencies' versions). */
const SOURCES = ['index.html', 'vite.config.ts', 'package-lock.json', 'src', 'lessons', 'public', 'build'];

/** Every source file's path, size and modification time, hashed: a change to any of them changes it. */
function sourcesFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (rel: string): void => {
    const full = path.join(ROOT, rel);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) for (const name of readdirSync(full).sort()) visit(path.join(rel, name));
    else hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  SOURCES.forEach(visit);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } } });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`--port must be a port number, got ${values.port}`);
  const fingerprint = sourcesFingerprint();
  const built = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint;
  if (built) console.log('The site in dist/ is up to date with the sources.');
  else {
    // What students get: React's production build, whatever NODE_ENV the shell has.
    process.env.NODE_ENV = 'production';
    const t0 = Date.now();
    console.log('Building the site (dist/)…');
    // Without Rolldown's notes on slow plugins (TensorFlow.js's worker build is the slow part, by nature).
    await build({ root: ROOT, logLevel: 'warn', build: { rolldownOptions: { checks: { bundlerTimings: false } } } });
    writeFileSync(STAMP, fingerprint);
    console.log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  }
  const server = await preview({ root: ROOT, preview: { port, open: !values['no-open'] } });
  server.printUrls();
  console.log('To edit the code with instant reloads: npm run dev');
}

main().catch((e: unknown) => {
  process.stderr.write(`start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
