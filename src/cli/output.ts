/**
 * Where the CLI writes: checked before any work starts (a typo in `--out` fails at once, not after
 * a ten-minute run), and written whole or not at all (a temporary file renamed into place).
 */
import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args';

/** `--out FILE`: its folder exists and it is not itself a folder. */
export function checkOutFile(file: string): void {
  if (file.trim() === '') throw new UsageError('--out needs a file name');
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--out ${file}: folder ${dir} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--out ${file} is a folder, not a file`);
}

/** `--out DIR`: not an existing file (missing folders are created). */
export function checkOutDir(dir: string): void {
  if (dir.trim() === '') throw new UsageError('--out needs a folder name');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file, not a folder`);
}

/** Writes `text` to `file` whole: a reader (or a crash) never sees half a file. */
export function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}
