// Warming a worker up: a fresh V8 isolate runs the parser and evaluator many times slower until its
// JIT has seen them, and with two workers taking turns each sees only half the checks. A few checks
// of a synthetic environment (every kind of expression, an import, a provider) right after start-up
// make the first real checks fast. Each warm-up round is one small job, so real work waits at most
// one round.

import { checkEnvironment, lintEnvironment, loadYAML, reloadYAML, sortDiagnostics, type Reloaded } from '../../../../engine/src/index';
import { createProviderLoader } from '../../host/providers';

const BASE = 'values:\n  region: us-west-2\n  shared:\n    owner: platform\n    tags: {team: core, tier: 1}\n';

/** Returns the text of the synthetic environment with `groups` groups of values. */
export function warmupText(groups: number): string {
  const lines = ['imports:', '  - warmup-base', 'values:'];
  for (let i = 0; i < groups; i++) {
    const g = `group${i}`;
    lines.push(
      `  ${g}:`,
      `    name: name-${i}`,
      `    count: ${i}`,
      `    enabled: ${i % 2 === 0}`,
      `    url: https://\${${g}.name}.\${region}.example.com/\${${g}.count}`,
      `    owner: \${shared.owner}-\${shared.tags.team}`,
      '    secret:',
      `      fn::secret: s3cr3t-${i}`,
      '    joined:',
      `      fn::join: [",", ["\${${g}.name}", "b", "c"]]`,
      `    json: {fn::toJSON: {a: ${i}, b: [1, 2, {c: "\${${g}.name}"}]}}`,
      `    b64: {fn::toBase64: "\${${g}.name}"}`,
      '    creds:',
      '      fn::open::aws-login:',
      '        static:',
      `          accessKeyId: AKIA${i}`,
      '          secretAccessKey: {fn::secret: x}',
      `    key: \${${g}.creds.accessKeyId}`,
      `    list: [1, 2.5, "\${${g}.name}", null, {x: y}]`,
      `    quoted: "line \\t \${${g}.name}"`,
      '    block: |',
      '      multi',
      `      line \${${g}.name}`,
    );
  }
  lines.push('  environmentVariables:', '    A: ${group0.url}', '    B: ${missing.key}');
  return lines.join('\n') + '\n';
}

const TEXT = warmupText(40);
/** The same text with one value edited: alternating the two keeps incremental reparsing warm too. */
const EDITED = TEXT.replace('name: name-7', 'name: name-seven');
const providers = createProviderLoader({ mode: 'check' });
const environments = { loadEnvironment: () => ({ source: loadYAML('warmup-base', BASE) }) };

let base: Reloaded['base'];
let round = 0;

/** Runs one warm-up round: parse (after the first, by reparsing the edited entry), check and lint the synthetic environment. */
export function warmUp(): void {
  const reloaded = reloadYAML('warmup', round++ % 2 === 0 ? TEXT : EDITED, base);
  base = reloaded.base;
  const loaded = reloaded.loaded;
  const r = checkEnvironment('warmup', loaded.decl, { environments, providers });
  sortDiagnostics([...loaded.diagnostics, ...r.diagnostics, ...lintEnvironment(r.environment)]);
}
