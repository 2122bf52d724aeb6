// The words of environment documents that editors explain and complete: top-level keys and the
// conventional keys under `values` that Pulumi ESC gives meaning to when an environment is opened.

/** Top-level keys (matched case-insensitively), with their documentation. */
export const TOP_LEVEL_KEYS: ReadonlyMap<string, string> = new Map([
  ['imports', '**imports**: the environments this one builds on, in order. Later imports override earlier ones; this document overrides them all. `- name: {merge: false}` makes an import reachable only as `${imports.name}`.'],
  ['values', '**values**: the values of this environment. Strings may interpolate `${path}`; `fn::` keys call builtin functions.'],
  ['description', '**description**: a plain-text description of this environment.'],
]);

/** Keys under `values` that ESC gives meaning to when an environment is opened or run, with their documentation. */
export const RESERVED_VALUE_KEYS: ReadonlyMap<string, string> = new Map([
  ['environmentVariables', '**environmentVariables**: a map of variable names to strings, exported to the environment of `esc-local run` and `open --format shell|dotenv`.'],
  ['files', '**files**: a map of variable names to file contents; each is written to a private temporary file whose path becomes the variable.'],
  ['pulumiConfig', '**pulumiConfig**: configuration values for Pulumi stacks that import this environment.'],
]);

/** The keys of a document's values that cannot be used, because accesses reserve them. */
export const RESERVED_ROOTS: ReadonlySet<string> = new Set(['imports', 'context', 'environments']);
