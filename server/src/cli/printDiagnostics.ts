// Diagnostics as compilers print them: `path:line:column: error|warning: message`, optionally
// followed by a code frame. Lines are 1-based; columns are 1-based and count Unicode code points
// (not bytes, not UTF-16 units), as ESC positions do. Each diagnostic points at the file of the
// environment it belongs to, imports included.

import { relative, isAbsolute } from 'node:path';
import { plaintextSecretRanges, type Diagnostic, type Range, type SourceText } from '../../../engine/src/index';
import type { WorkspaceDocument } from '../host/workspace';

/** A diagnostic with the file it belongs to. */
export interface LocatedDiagnostic {
  readonly diagnostic: Diagnostic;
  /** The file as shown to the user (relative to the working directory when inside it). */
  readonly file: string;
  /** The document's text, for code frames; absent when the file is not known. */
  readonly source?: SourceText;
  /** Ranges of plaintext secrets in the document, masked in code frames. */
  readonly secrets?: readonly Range[];
}

/** Attaches files to diagnostics: by their range's environment, else by the document that produced them. */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  documents: ReadonlyMap<string, WorkspaceDocument>,
  fallback: WorkspaceDocument,
  cwd: string,
): LocatedDiagnostic[] {
  // Range-less diagnostics (YAML syntax errors) carry no environment; the engine passes on the very
  // objects that a document's load produced, so identity tells which file they came from.
  const owner = new Map<Diagnostic, WorkspaceDocument>();
  for (const d of documents.values()) for (const diag of d.doc.diagnostics) owner.set(diag, d);
  return diagnostics.map((diagnostic) => {
    const doc = diagnostic.range !== undefined ? documents.get(diagnostic.range.environment) : (owner.get(diagnostic) ?? fallback);
    if (doc === undefined) return { diagnostic, file: diagnostic.range?.environment ?? displayPath(fallback.path, cwd) };
    return { diagnostic, file: displayPath(doc.path, cwd), source: doc.doc.doc.source, secrets: plaintextSecretRanges(doc.doc.decl) };
  });
}

/** Formats one diagnostic: its location line, and with `frame` the source line with carets under the range. */
export function formatDiagnostic(ld: LocatedDiagnostic, frame: boolean): string {
  const d = ld.diagnostic;
  const r = d.range;
  const where = r !== undefined && r.begin.line > 0 ? `${ld.file}:${r.begin.line}:${r.begin.column}` : ld.file;
  const head = `${where}: ${d.severity}: ${d.summary}\n`;
  if (!frame || r === undefined || r.begin.line <= 0 || ld.source === undefined) return head;
  const text = lineText(ld.source, r.begin.line);
  if (text === undefined) return head;
  // Secrets known from the declaration, and anything spelled as one (malformed calls, unparsed documents).
  const line = maskSecretsBySpelling(maskSecrets(text, r.begin.line, ld.secrets ?? []));
  const gutter = String(r.begin.line);
  const pad = ' '.repeat(gutter.length);
  const chars = [...line];
  const start = Math.min(Math.max(r.begin.column - 1, 0), chars.length);
  const end = r.end.line === r.begin.line ? Math.min(Math.max(r.end.column - 1, start), chars.length) : chars.length;
  // Keep tabs so that the carets line up under the text whatever the terminal's tab width.
  const indent = chars.slice(0, start).map((c) => (c === '\t' ? '\t' : ' ')).join('');
  const carets = '^'.repeat(Math.max(end - start, 1));
  return `${head}  ${gutter} | ${line}\n  ${pad} | ${indent}${carets}\n`;
}

/** Formats diagnostics one after another. */
export function formatDiagnostics(lds: readonly LocatedDiagnostic[], frame: boolean): string {
  return lds.map((ld) => formatDiagnostic(ld, frame)).join('');
}

/** Shows a path relative to the working directory when it lies inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Replaces the characters of plaintext secrets on line `lineNo` by `*` (same width, so carets still line up). */
function maskSecrets(line: string, lineNo: number, secrets: readonly Range[]): string {
  let chars: string[] | undefined;
  for (const s of secrets) {
    if (s.begin.line > lineNo || s.end.line < lineNo) continue;
    chars ??= [...line];
    const from = s.begin.line === lineNo ? s.begin.column - 1 : 0;
    const to = s.end.line === lineNo ? s.end.column - 1 : chars.length;
    for (let i = Math.max(from, 0); i < Math.min(to, chars.length); i++) chars[i] = '*';
  }
  return chars ? chars.join('') : line;
}

const SECRET_SPELLING = /(fn::secret\s*:\s*)("(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?|[^\s,}\]#][^,}\]#]*)/g;

/** Masks what follows `fn::secret:` on a line (catches secrets the declaration does not know as such). */
function maskSecretsBySpelling(line: string): string {
  return line.replace(SECRET_SPELLING, (_m, key: string, value: string) => key + '*'.repeat([...value].length));
}

function lineText(source: SourceText, line: number): string | undefined {
  if (line > source.lineCount) return undefined;
  const start = source.offsetOfPos(line, 1);
  const end = source.offsetOfPos(line, Number.MAX_SAFE_INTEGER);
  return source.text.slice(start, end);
}
