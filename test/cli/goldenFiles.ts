// Reading the reference CLI's golden files (spec §13.7): a YAML header (`run` script, `environments`,
// `process`), then `---` and the expected stdout, then `---` and the expected stderr. Each command
// of the script is echoed as `> ARGS` on both streams before its output.

import { parseDocument, Document, isMap, isScalar, type Node } from 'yaml';

/** A parsed golden file. */
export interface GoldenFile {
  /** The commands of the `run` script, as words. */
  commands: string[][];
  /** Environment definitions by `org/project/env`, re-serialized as the reference does (4-space indent). */
  environments: Map<string, string>;
  /** Environments whose definition has revisions (only the last one is a file locally). */
  revised: Set<string>;
  /** Scripts of `process.commands` by name. */
  processCommands: Map<string, string>;
  stdout: string;
  stderr: string;
}

/** Parses a golden file. */
export function parseGolden(text: string): GoldenFile {
  const [header, stdout, stderr] = splitSections(text);
  const doc = parseDocument(header);
  const run = String(doc.get('run') ?? '');
  const commands = run
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(shellWords);
  const environments = new Map<string, string>();
  const revised = new Set<string>();
  const envs = doc.get('environments', true) as Node | undefined;
  if (isMap(envs)) {
    for (const pair of envs.items) {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      let def = pair.value as Node;
      if (isMap(def) && def.has('revisions')) {
        const revisions = def.get('revisions', true) as unknown as { items: Node[] };
        const last = revisions.items[revisions.items.length - 1] as Node;
        def = (isMap(last) ? last.get('yaml', true) : last) as Node;
        revised.add(name);
      }
      environments.set(name, reserialize(def));
    }
  }
  const processCommands = new Map<string, string>();
  const cmds = doc.getIn(['process', 'commands'], true) as Node | undefined;
  if (isMap(cmds)) for (const pair of cmds.items) processCommands.set(String((pair.key as { value: unknown }).value), String((pair.value as { value: unknown }).value));
  return { commands, environments, revised, processCommands, stdout, stderr };
}

/** Splits the expected output of the whole script into the outputs of each command. */
export function perCommand(text: string, commands: string[][]): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < commands.length; i++) {
    const echo = `> ${commands[i]!.join(' ')}\n`;
    const start = text.indexOf(echo, at);
    if (start < 0) throw new Error(`golden output lacks the echo of ${echo.trim()}`);
    if (i > 0) out.push(text.slice(at, start));
    at = start + echo.length;
  }
  out.push(text.slice(at));
  return out;
}

function splitSections(text: string): [string, string, string] {
  const first = text.indexOf('\n---\n');
  const second = text.indexOf('\n---\n', first + 5);
  if (first < 0 || second < 0) throw new Error('golden file without its two --- sections');
  // The newline before each `---` is part of the separator, not of the output.
  return [text.slice(0, first + 1), text.slice(first + 5, second), text.slice(second + 5)];
}

/** Writes a definition as yaml.v3 does with 4-space indentation, keeping the styles of the header. */
function reserialize(node: Node): string {
  const doc = new Document();
  doc.contents = node;
  return doc.toString({ indent: 4, indentSeq: true, flowCollectionPadding: false, lineWidth: 0 });
}

/** Splits a script line into words like a POSIX shell (quotes and backslashes; no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word = word ?? '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) i++;
        word += line[i];
      }
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}
