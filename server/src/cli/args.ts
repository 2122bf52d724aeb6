// A small command-line parser: long flags (`--format json`, `--format=json`), short boolean flags
// (`-i`), positionals, and `--`. With `stopAfter`, the first positional beyond that many ends flag
// parsing, so that `run ENV CMD -n x` passes `-n x` to CMD untouched.

/** A flag a command accepts. */
export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly takesValue: boolean;
}

/** Parsed arguments. */
export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
  /** Arguments after `--` or after the `stopAfter`-th positional, verbatim. */
  readonly rest: readonly string[];
  /** Whether `--` was given. */
  readonly dashDash: boolean;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

/** Parses `argv` against the flags of a command. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], stopAfter?: number): ParseResult {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { ok: true, args: { flags, positionals, rest: argv.slice(i + 1), dashDash: true } };
    if (a.startsWith('--') || (a.startsWith('-') && a.length > 1)) {
      const long = a.startsWith('--');
      const eq = long ? a.indexOf('=') : -1;
      const key = long ? a.slice(2, eq < 0 ? undefined : eq) : a.slice(1);
      const spec = specs.find((s) => (long ? s.name === key : s.short === key));
      if (spec === undefined) return { ok: false, error: `unknown flag: ${long ? '--' + key : a}` };
      if (!spec.takesValue) {
        if (eq >= 0) return { ok: false, error: `flag --${spec.name} does not take a value` };
        flags.set(spec.name, true);
        continue;
      }
      let value: string | undefined;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) return { ok: false, error: `flag needs an argument: --${spec.name}` };
      flags.set(spec.name, value);
      continue;
    }
    if (stopAfter !== undefined && positionals.length === stopAfter) {
      return { ok: true, args: { flags, positionals, rest: argv.slice(i), dashDash: false } };
    }
    positionals.push(a);
  }
  return { ok: true, args: { flags, positionals, rest: [], dashDash: false } };
}

/** Returns a string flag's value, if given. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
