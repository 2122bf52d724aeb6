// YAML syntax problems and their yaml.v3 wording. The `yaml` package finds problems in its own way;
// we classify each one as the libyaml error the reference would report at that point, and format
// it as yaml.v3 does: `yaml: line N: <problem>` where N is the context mark's 0-based line if
// non-zero, else the problem mark's, plus one for scanner errors only; no prefix when N is 0.

import type { SourceText } from '../text/sourceText.js';

/** libyaml problem texts that our classification produces. */
export const LIBYAML = {
  flowSeqEnd: "did not find expected ',' or ']'",
  flowMapEnd: "did not find expected ',' or '}'",
  blockMapKey: 'did not find expected key',
  blockSeqEntry: "did not find expected '-' indicator",
  nodeContent: 'did not find expected node content',
  documentStart: 'did not find expected <document start>',
  mappingValues: 'mapping values are not allowed in this context',
  blockSeqEntries: 'block sequence entries are not allowed in this context',
  simpleKeyColon: "could not find expected ':'",
  cannotStartToken: 'found character that cannot start any token',
  tabIndentation: 'found a tab character that violates indentation',
  endOfStream: 'found unexpected end of stream',
  unknownEscape: 'found unknown escape character',
  hexNumber: 'did not find expected hexdecimal number',
  alphaNumeric: 'did not find expected alphabetic or numeric character',
  tagWhitespace: 'did not find expected whitespace or line break',
  undefinedTagHandle: 'found undefined tag handle',
  blockScalarIndent: 'found a tab character where an indentation space is expected',
  controlCharacters: 'control characters are not allowed',
  invalidLeadingOctet: 'invalid leading UTF-8 octet',
  incompleteOctets: 'incomplete UTF-8 octet sequence',
  invalidTrailingOctet: 'invalid trailing UTF-8 octet',
  invalidLength: 'invalid length of a UTF-8 sequence',
  invalidUnicode: 'invalid Unicode character',
} as const;

/** Which libyaml stage reports a problem: it decides whether yaml.v3 adds one to the line. */
export type ProblemStage = 'scanner' | 'parser' | 'reader';

/** A YAML syntax problem: where it is in the text (UTF-16 offsets) and how yaml.v3 reports it. */
export interface YamlProblem {
  stage: ProblemStage;
  message: string;
  /** The problem mark: where libyaml noticed the problem (also our diagnostic's location). */
  offset: number;
  /** The context mark (e.g. the start of the enclosing flow sequence), when libyaml sets one. */
  contextOffset?: number;
  /** The problem is libyaml's STREAM-END token, whose mark moves to the next line after a final partial line. */
  atStreamEnd?: boolean;
  /** Where libyaml's scan reaches the problem, when earlier than `offset` (default `offset`). */
  order?: number;
}

/** Formats a problem as yaml.v3's error text. */
export function problemSummary(p: YamlProblem, source: SourceText): string {
  let line = 0;
  if (p.stage !== 'reader') {
    const context = p.contextOffset === undefined ? 0 : source.lspPosition(p.contextOffset).line;
    const mark = source.lspPosition(p.offset);
    const problem = mark.line + (p.atStreamEnd && mark.character !== 0 ? 1 : 0);
    line = context !== 0 ? context : problem;
    if (line !== 0 && p.stage === 'scanner') line++;
  }
  return 'yaml: ' + (line !== 0 ? `line ${line}: ` : '') + p.message;
}

/** Returns the problem that yaml.v3 would report first: the earliest in scan order. */
export function firstProblem(problems: readonly YamlProblem[]): YamlProblem | undefined {
  let first: YamlProblem | undefined;
  for (const p of problems) if (first === undefined || (p.order ?? p.offset) < (first.order ?? first.offset)) first = p;
  return first;
}
