// ESC Local's engine: a faithful, local evaluator of Pulumi ESC environment documents.
//
// It owns YAML decoding with exact positions, parsing, schemas, evaluation (check, eval and rotate
// modes), the exported data model, and document edits (secrets, rotation patches). It imports
// nothing from LSP, VS Code or Node: files, providers and decryption come in through `host.ts`
// interfaces, and user mistakes come back as diagnostics, never as exceptions.

export type { Pos, Range, Value, Trace, Expr, Accessor, Access, Interpolation, BuiltinCall, Environment, EvaluatedExecutionContext } from './model.js';
export { errorDiag, warningDiag, hasErrors, sortDiagnostics, compareDiagnostics, type Diagnostic, type Severity } from './diagnostics.js';
export type { Decrypter, Encrypter, ExecContext, Provider, Rotator, ProviderLoader, EnvironmentLoader, LoadedEnvironment } from './host.js';

export { NumberText, isPlainObject, type PlainValue, type PlainObject, type JsonData } from './util/plain.js';
export { compareCodePoints, sortedKeys } from './util/order.js';

export { SourceText, type LspPosition } from './text/sourceText.js';
export { utf8Length, encodeUtf8, decodeUtf8 } from './text/utf8.js';

export * as syntax from './syntax/index.js';
export type { SyntaxNode, StringNode, ObjectNode, ArrayNode, SyntaxDocument } from './syntax/nodes.js';
export { referenceRange, referenceSubject, setReferenceRangeRecording } from './syntax/referenceRanges.js';

export * as ast from './ast/expr.js';
export { loadYAML, reloadYAML, type LoadedDocument, type Reloaded } from './ast/load.js';
export { parseInterpolation, parsePropertyAccessText } from './ast/interpolation.js';

export { Schema, always, never } from './schema/schema.js';
export { schemaToJSON, schemaFromJSON } from './schema/json.js';
export { compileSchema } from './schema/compile.js';
export { propertySchema, itemSchema } from './schema/navigate.js';

export { builtins, builtinInfo, isBuiltinKey, type BuiltinInfo } from './builtins/registry.js';

export {
  checkEnvironment,
  evalEnvironment,
  rotateEnvironment,
  type EvaluationHost,
  type EvaluationOptions,
  type EvaluationResult,
  type RotationEvaluationResult,
} from './eval/evaluate.js';
export type { RotationResult, ValuePatch } from './eval/rotation.js';
export { ANONYMOUS_ENVIRONMENT } from './eval/execContext.js';
export { valueToJSON, valueToString, SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER } from './eval/json.js';
export { toModelValue, modelToPlain } from './eval/convert.js';
export type { EvaluationLimits } from './eval/limits.js';
export { ImportCache } from './eval/importCache.js';
export { environmentToJSON, valueToModelJSON, exprToJSON, rangeToJSON, diagnosticToJSON, hclRangeToJSON, type ModelJSONOptions } from './modelJson.js';
export { encodeJSON, goJsonString, type JSONEncodeOptions, type JSONEncodeResult } from './util/goJson.js';
export { parsePropertyPath, formatPropertyPath, type PropertyPathElement } from './util/propertyPath.js';
export { encodeYaml, type YamlEncodeOptions } from './edit/yamlEncode.js';

// The provider catalogue (issue 5): official providers and rotators, lints, editor documentation,
// snippets and the JSON Schema of environment documents.
export {
  catalogue,
  catalogueEntry,
  catalogueNames,
  providerEntry,
  rotatorEntry,
  unknownEntryMessage,
  builtinKey,
  executionContextSchema,
  type CatalogueEntry,
  type EntryKind,
} from './catalogue/index.js';
export { DEFAULT_SPECIAL } from './catalogue/randomSecrets.js';
export { lintEnvironment, LintCodes, type LintOptions } from './catalogue/lints.js';
export { describeEntry, describeInput, describeOutput, describeSchema, typeLabel } from './catalogue/describe.js';
export { schemaAt, propertiesOf, allowedValues, type PathStep, type PropertyInfo } from './catalogue/schemaPath.js';
export { entrySnippet, snippetFromExample } from './catalogue/snippets.js';
export { environmentJsonSchema, toJsonSchema, type JsonValue } from './catalogue/jsonSchema.js';
export { applyValuePatches } from './edit/patches.js';

// The analysis layer (issue 6): editor questions answered from a document's parse and checked model,
// in engine terms (UTF-16 offsets in, engine ranges out). The language server adapts it to LSP.
export * as analysis from './analysis/index.js';
export type { AnalysisContext, AnalysisDocument, AnalysisOptions, AnalysisWorkspace, EnvironmentInfo, TextEdit, WorkspaceChange } from './analysis/index.js';
export { plaintextSecretRanges } from './ast/secretRanges.js';
