// Extension-host test entry (the @vscode/test-electron contract: export run() returning a promise).
// Runs every suite/*.test.js with mocha inside the real VS Code extension host. The spec reporter's
// output reaches the harness through the workbench console; the counts also go to the file named by
// ESC_E2E_RESULTS so the runner can sum them up without parsing console text.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

/** Runs the suite and resolves when every test passed. */
exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env.ESC_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const name of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, name));
  }
  return /** @type {Promise<void>} */ (new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats ? runner.stats.passes : 0;
      console.log(`exthost: ${passes} passed, ${failures} failed`);
      if (process.env.ESC_E2E_RESULTS) {
        fs.writeFileSync(process.env.ESC_E2E_RESULTS, JSON.stringify({ passed: passes, failed: failures }));
      }
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  }));
};
