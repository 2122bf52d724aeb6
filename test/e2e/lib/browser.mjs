// Headless Debian Chromium driven by playwright-core (no browser download), kept out of $HOME, and the
// decoding of extension-host console output that the web workbench relays to the page console.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { xdgEnv } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Launches Chromium with a fresh profile below `runDir` and returns its context and first page.
 * @param {string} runDir
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page }>}
 */
export async function launchBrowser(runDir) {
  const profile = path.join(runDir, 'chromium');
  fs.mkdirSync(profile, { recursive: true });
  // Playwright refuses --user-data-dir in args; launchPersistentContext(dir) passes it itself.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Chromium writes crash reports and dconf state under XDG dirs: keep them in runDir.
    env: { ...process.env, ...xdgEnv(runDir) },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

// Workbench chatter that is not test output (the github auth timeout always appears in development mode).
const NOISE = /connection token|Creating a socket|grace time|builtin extensions cache|authentication provider|workbench contribution|Ignoring fetching additional|AgentHost|AccountPolicyGate|Service Worker|ENOTFOUND|^\s+at /;

/**
 * Forwards extension-host console output from `page` to `write`. The workbench relays it as
 * console.log('%c INFO', 'color: …', format, ...args); everything else is browser noise and is
 * printed only when ESC_E2E_VERBOSE is set.
 * @param {import('playwright-core').Page} page
 * @param {(line: string) => void} write
 */
export function forwardExtensionHostConsole(page, write) {
  const verbose = Boolean(process.env.ESC_E2E_VERBOSE);
  page.on('console', async (msg) => {
    const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '<?>')));
    const relayed = typeof args[0] === 'string' && /^%c\s*(INFO|WARN|ERR|DEBUG)/.test(args[0]);
    if (relayed) {
      const line = util.format(...args.slice(2));
      if (verbose || !NOISE.test(line)) write(line);
    } else if (verbose) write(`[browser] ${msg.text()}`);
  });
}
