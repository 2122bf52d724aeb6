// Installs the extension the way a user gets it: an unpacked folder named <publisher>.<name>-<version>
// in the extensions directory, holding only what the packaged extension ships (.vscodeignore:
// package.json, dist/, syntaxes/, README, LICENSE). VS Code picks it up when the server starts.
import fs from 'node:fs';
import path from 'node:path';

const SHIPPED = ['package.json', 'dist', 'syntaxes', 'README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md'];

/**
 * Copies the shipped files of the extension at `repoRoot` into `extensionsDir` and returns the folder.
 * @param {string} repoRoot
 * @param {string} extensionsDir
 */
export function stageExtension(repoRoot, extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const entry of SHIPPED) {
    const from = path.join(repoRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  return target;
}
