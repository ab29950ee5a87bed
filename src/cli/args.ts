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

