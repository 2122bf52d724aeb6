// The server's settings (section `escLocal`, see protocol.ts), read from the client and checked.
// Settings are plain data so they can be sent to the service workers.

import type { EscLocalSettings } from '../protocol';

/** Checked settings with defaults applied. */
export interface Settings {
  /** The workspace root relative to each workspace folder, when set. */
  readonly root: string | undefined;
  readonly revealSecrets: boolean;
  /** Execution context values as JSON (converted to engine values by the workers). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Glob patterns of standalone environment files. */
  readonly files: readonly string[];
  readonly trusted: boolean;
  readonly inlayHints: boolean;
}

/** Default standalone file patterns. */
export const DEFAULT_FILES: readonly string[] = ['**/*.esc.yaml', '**/*.esc.yml'];

/** The settings before the client says anything. */
export const DEFAULT_SETTINGS: Settings = { root: undefined, revealSecrets: false, context: {}, files: DEFAULT_FILES, trusted: false, inlayHints: true };

/** Reads settings from what the client sent (any shape); wrong types fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const s = (isRecord(raw) ? raw : {}) as EscLocalSettings;
  return {
    root: typeof s.root === 'string' && s.root.trim() !== '' ? s.root : undefined,
    revealSecrets: s.revealSecrets === true,
    context: isRecord(s.context) ? s.context : {},
    files: Array.isArray(s.files) && s.files.every((f) => typeof f === 'string') ? s.files : DEFAULT_FILES,
    trusted: s.trusted === true,
    inlayHints: s.inlayHints !== false,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
