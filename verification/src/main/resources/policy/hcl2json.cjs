// Parses Terraform files with HashiCorp's HCL parser (npm @cdktf/hcl2json, WebAssembly).
// A worker: each line on stdin is a JSON array of absolute file paths; for each, one line on stdout:
// { "<path>": <parsed body> | { "__error": "<message>" } }. Env: TOOLS_NODE_MODULES.
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { parse } = require(path.join(process.env.TOOLS_NODE_MODULES, '@cdktf/hcl2json'));

async function handle(files) {
  const entries = await Promise.all(files.map(async (file) => {
    try {
      return [file, await parse(path.basename(file), fs.readFileSync(file, 'utf8'))];
    } catch (e) {
      return [file, { __error: String(e && e.message ? e.message : e) }];
    }
  }));
  return Object.fromEntries(entries);
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
