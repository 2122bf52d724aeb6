// Projects our YAML decoding onto the reference's `decoded.json` (esc-yaml corpus): the syntax tree
// as `{literal|array|object, range}` and the diagnostics as Go hcl.Diagnostic, with every range in
// the reference ("Go-compatible") coordinates.

import { diagnosticToJSON, hclRangeToJSON, referenceSubject, type Diagnostic } from '../../engine/src/index';
import { decodeYAML, referenceRange, type SyntaxNode } from '../../engine/src/syntax/index.js';
import { setReferenceRangeRecording } from '../../engine/src/syntax/referenceRanges.js';

// Reference ranges are recorded only on request (they serve conformance comparisons only).
setReferenceRangeRecording(true);

/** Decodes `text` as the environment `name` and returns the reference's decoded.json shape (`syntax`, `diags`). */
export function decodedJSON(name: string, text: string): unknown {
  const { node, diagnostics } = decodeYAML(name, text);
  const out: Record<string, unknown> = { syntax: node === undefined ? {} : nodeJSON(node) };
  if (diagnostics.length > 0) out['diags'] = diagnostics.map(diagJSON);
  return out;
}

/** A Go syntax node: absent nodes (no reference range) and nulls have no `literal`. */
function nodeJSON(node: SyntaxNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  switch (node.kind) {
    case 'object':
      out['object'] = node.entries.map((e) => ({ key: nodeJSON(e.key), value: nodeJSON(e.value) }));
      break;
    case 'array':
      out['array'] = node.elements.map(nodeJSON);
      break;
    case 'number':
      // The reference writes json.Number text; compared by value, like JSON.parse of the golden.
      out['literal'] = Number(node.value);
      break;
    case 'null':
      break;
    default:
      out['literal'] = node.value;
  }
  const ref = referenceRange(node.range);
  if (ref !== null) out['range'] = hclRangeToJSON(ref);
  return out;
}

/** A Go diagnostic (hcl.Diagnostic plus ESC's Path) with its subject in reference coordinates. */
export function diagJSON(d: Diagnostic): unknown {
  return diagnosticToJSON(d, { subject: referenceSubject });
}
