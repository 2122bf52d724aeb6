// YAML decoding (spec §1): bytes or text → syntax tree with true ranges, reference ranges, paths
// and the YAML layer's diagnostics. Never throws; bounded depth; the `yaml` package's CST parser
// is iterative and our composer keeps its own stack.

import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { SourceText } from '../text/sourceText.js';
import { decodeUtf8 } from '../text/utf8.js';
import { composeYaml } from './compose.js';
import { firstControlCharacter } from './controlCharacters.js';
import { ObjectNodeImpl } from './nodeClasses.js';
import type { SyntaxDocument, SyntaxNode } from './nodes.js';
import { recordReferenceRange } from './referenceRanges.js';
import { firstProblem, LIBYAML, problemSummary, type YamlProblem } from './yamlProblems.js';

/** The result of decoding one document. */
export interface DecodeResult {
  /**
   * The syntax tree of the first YAML document; `undefined` when the text holds no document.
   * When `diagnostics` has errors the tree is best-effort (editors may use it) and callers must
   * treat the load as failed, as ESC's `LoadYAMLBytes` returns no declaration then.
   */
  node: SyntaxNode | undefined;
  doc: SyntaxDocument;
  /**
   * The YAML layer's diagnostics: exactly one error for a YAML syntax error (summary in yaml.v3's
   * words, true range at the problem, no reference range); otherwise decoding errors (aliases,
   * non-string keys, tag mismatches, nesting depth) at their nodes.
   */
  diagnostics: Diagnostic[];
}

/**
 * Decodes an environment document named `name` (the environment name used in ranges) from UTF-8
 * bytes or from text. A leading UTF-8 byte order mark in bytes is skipped, as libyaml does.
 */
export function decodeYAML(name: string, input: string | Uint8Array): DecodeResult {
  let text: string;
  let readerProblem: YamlProblem | undefined;
  if (typeof input === 'string') text = input;
  else {
    if (input.length === 0) return emptyInput(name);
    const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
    const decoded = decodeUtf8(bytes);
    text = decoded.text;
    if (decoded.firstInvalidByte >= 0) {
      const offset = decodeUtf8(bytes.subarray(0, decoded.firstInvalidByte)).text.length;
      readerProblem = { stage: 'reader', message: utf8Problem(bytes, decoded.firstInvalidByte), offset };
    }
  }
  if (text.length === 0) return emptyInput(name);
  const doc: SyntaxDocument = { name, source: new SourceText(text) };
  readerProblem ??= controlCharacterProblem(text);
  let composed;
  try {
    composed = composeYaml(doc);
  } catch (e) {
    // Last resort: the composer is iterative, but a pathological input could still exhaust the
    // stack inside the `yaml` package; report that rather than crash. Anything else is a bug.
    if (!(e instanceof RangeError)) throw e;
    return { node: undefined, doc, diagnostics: [errorDiag(`yaml: ${e.message}`, undefined, '')] };
  }
  const problem = firstProblem(readerProblem ? [readerProblem, ...composed.problems] : composed.problems);
  if (problem !== undefined) {
    const range = doc.source.range(name, problem.offset, Math.min(problem.offset + 1, text.length));
    // The reference reports YAML syntax errors without a range; editors still need one.
    recordReferenceRange(range, null);
    return { node: composed.node, doc, diagnostics: [errorDiag(problemSummary(problem, doc.source), range, '')] };
  }
  return { node: composed.node, doc, diagnostics: composed.diagnostics };
}

/** Zero bytes decode to an empty object without a (reference) range and no diagnostics. */
function emptyInput(name: string): DecodeResult {
  const doc: SyntaxDocument = { name, source: new SourceText('') };
  const node = new ObjectNodeImpl('', doc);
  node.range = doc.source.range(name, 0, 0);
  recordReferenceRange(node.range, null);
  return { node, doc, diagnostics: [] };
}

/** Names the first invalid UTF-8 sequence as libyaml's reader does. */
function utf8Problem(bytes: Uint8Array, at: number): string {
  const b = bytes[at]!;
  const width = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
  if (width === 0) return LIBYAML.invalidLeadingOctet;
  if (at + width > bytes.length) return LIBYAML.incompleteOctets;
  for (let k = 1; k < width; k++) if ((bytes[at + k]! & 0xc0) !== 0x80) return LIBYAML.invalidTrailingOctet;
  let cp = b & (width === 2 ? 0x1f : width === 3 ? 0x0f : 0x07);
  for (let k = 1; k < width; k++) cp = (cp << 6) | (bytes[at + k]! & 0x3f);
  const overlong = (width === 2 && cp < 0x80) || (width === 3 && cp < 0x800) || (width === 4 && cp < 0x10000);
  return overlong ? LIBYAML.invalidLength : LIBYAML.invalidUnicode;
}

function controlCharacterProblem(text: string): YamlProblem | undefined {
  const offset = firstControlCharacter(text);
  return offset >= 0 ? { stage: 'reader', message: LIBYAML.controlCharacters, offset } : undefined;
}
