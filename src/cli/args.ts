/** Parsed command line: `lab <command> [positional…] [--flag value | --switch]…`. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Record<string, string>;
  switches: Set<string>;
}

export class UsageError extends Error {}

/** Splits argv against the known switches (flags without a value); every other --x takes one. */
export function parseArgs(argv: string[], switchNames: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switchNames.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--') && !/^--?\d/.test(value)))
      throw new UsageError(`--${name} needs a value`);
    if (name in flags) throw new UsageError(`--${name} given twice`);
    flags[name] = value;
  }
  return { command, positional, flags, switches };
}

/** A strictly numeric flag value: a clear error for "abc", "", "1e", "-". */
export function numberFlag(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

/** Longest error line the CLI prints: a 10 kB flag value is cut, not echoed whole. */
const MAX_LINE = 300;

/**
 * An error message as one printable line: control characters (newlines in a pasted value)
 * escaped, long messages cut with an ellipsis.
 */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat;
}
