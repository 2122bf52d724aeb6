// The exported data model of ESC Local, mirroring ESC's environment.go, expr.go and value.go.
// Everything here is plain data: it serialises to the JSON of the reference evaluator.

/** A position in an environment document: 1-based line, 1-based column in Unicode code points, 0-based UTF-8 byte offset. */
export interface Pos {
  line: number;
  column: number;
  byte: number;
}

/**
 * A span of an environment document. `environment` names the document (the environment name).
 * Ranges are true spans of the source text (end exclusive). The reference evaluator's quirky
 * coordinates, where they differ, are available only through `referenceRange` for conformance.
 */
export interface Range {
  environment: string;
  begin: Pos;
  end: Pos;
}
