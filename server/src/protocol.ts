// The language server's extensions to LSP: custom `esc/*` requests, declared once for the server and
// its clients. This is the only server file the VS Code client may import, so it imports nothing but
// the protocol package. Every method here is documented in README.md ("LSP extensions"); a test
// checks that.

import { RequestType } from 'vscode-languageserver-protocol';

/** Output formats of `esc/open`: the value formats of `esc-local open` and the environment-variable formats. */
export type OpenFormat = 'json' | 'yaml' | 'detailed' | 'string' | 'dotenv' | 'shell';

/** Parameters of `esc/open`. Name the environment by `uri` (an open or on-disk document) or by `environment` (a name in the workspace of `workspaceUri`). */
export interface OpenEnvironmentParams {
  /** A document of the environment to open. */
  uri?: string;
  /** An environment name (`project/env`, `env`), resolved in the workspace root of `workspaceUri` (default: the first workspace folder). */
  environment?: string;
  workspaceUri?: string;
  /** Output format (default `json`). */
  format?: OpenFormat;
  /** A property path to select (`a.b[0]`), for the value formats. */
  path?: string;
  /** Show secret values in the output; otherwise they read `[secret]`. */
  showSecrets?: boolean;
  /**
   * Whether the workspace is trusted. Providers are opened (and rotators' current state read) only
   * when trusted; otherwise the environment is checked and their values are `[unknown]`.
   */
  trusted?: boolean;
}

/** A problem found while opening, with its location when it has one. */
export interface OpenDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  uri?: string;
  /** 0-based LSP position of the start of the problem. */
  line?: number;
  character?: number;
}

/** The result of `esc/open`. */
export interface OpenEnvironmentResult {
  /** The canonical environment name. */
  environment: string;
  /** The rendered output (empty when errors prevented it). */
  text: string;
  format: OpenFormat;
  /** False when errors prevented an output; `diagnostics` say why. */
  ok: boolean;
  diagnostics: OpenDiagnostic[];
  /** For `dotenv` and `shell`: the `files:` entries (variable name and content), which the caller writes if it wants to. */
  files?: { name: string; content: string }[];
  /** Whether providers were opened (false in untrusted workspaces). */
  evaluated: boolean;
  /** Whether the output contains secrets in plaintext. */
  revealsSecrets: boolean;
}

/** Parameters of `esc/environments`. */
export interface EnvironmentsParams {
  /** A workspace folder (or any file inside it); all workspace folders when absent. */
  uri?: string;
}

/** One environment of a workspace root. */
export interface EnvironmentEntry {
  /** Canonical name: `env` in the default project, else `project/env`. */
  name: string;
  project: string;
  env: string;
  uri: string;
  /** Canonical names of the environments it imports, in order (unresolvable imports as written). */
  imports: string[];
  /** Canonical names of the environments that import it. */
  importedBy: string[];
  /** True when the document does not load (syntax errors) or an import does not resolve. */
  broken: boolean;
}

/** The environments of one workspace root. */
export interface EnvironmentsRoot {
  /** The workspace folder, when the root belongs to one. */
  folderUri?: string;
  /** The root directory (settings root, else the folder's `environments/`, else the folder). */
  rootUri: string;
  environments: EnvironmentEntry[];
}

/** The result of `esc/environments`. */
export interface EnvironmentsResult {
  roots: EnvironmentsRoot[];
}

/** `esc/open`: evaluates an environment and returns its values in a format, secrets masked unless asked. */
export const OpenEnvironmentRequest = new RequestType<OpenEnvironmentParams, OpenEnvironmentResult, void>('esc/open');

/** `esc/environments`: the environments of the workspace and their import graph. */
export const EnvironmentsRequest = new RequestType<EnvironmentsParams, EnvironmentsResult, void>('esc/environments');

/** Every custom method, for documentation checks. */
export const CUSTOM_METHODS: readonly string[] = [OpenEnvironmentRequest.method, EnvironmentsRequest.method];

/** The settings section the server reads (`workspace/configuration`, `workspace/didChangeConfiguration`). */
export const SETTINGS_SECTION = 'escLocal';

/** The settings under `escLocal`. */
export interface EscLocalSettings {
  /** The workspace root, relative to the workspace folder (default: `environments/` if present, else the folder). */
  root?: string;
  /** Show secret values in hovers, completion previews and inlay hints. */
  revealSecrets?: boolean;
  /** Execution context values seen as `${context.*}`, e.g. `{"pulumi": {"user": {"id": "me"}}}`. */
  context?: Record<string, unknown>;
  /** Glob patterns of standalone environment files outside the root (default `**\/*.esc.yaml`, `**\/*.esc.yml`). */
  files?: string[];
  /** Whether `esc/open` may open providers when a request does not say (default false). */
  trusted?: boolean;
  /** Show inlay hints with evaluated values (default true). */
  inlayHints?: boolean;
}
