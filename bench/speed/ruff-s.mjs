// Ruff's `S` (flake8-bandit) rules through Ruff's WebAssembly build: the comparison point of bench/speed/run.sh.
//
//   node bench/speed/ruff-s.mjs [--files-from LIST] [--by-code] [PATH...]
//
// A directory is walked the way `ruff check` walks one by default: `.py` and `.pyi` files, skipping Ruff's default
// excluded directory names (below), in a stable order; .gitignore files are not read (the benchmark corpora have
// none). A file named directly or listed in LIST (one path a line) is linted as given. Each file is read, must be
// UTF-8 (Ruff reports other files as unreadable and skips them), and is linted with only the `S` rules selected.
// Prints one line: files linted, `S` diagnostics, files with syntax errors, unreadable files; `--by-code` adds
// one line per rule code. The WebAssembly build is single-threaded, unlike the native `ruff` binary.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

// Ruff's default `exclude` setting (directory names).
const EXCLUDED = new Set([
  ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
  ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
  "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv",
]);

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    console.error(`ruff-s: cannot list ${dir}: ${e.code ?? e.message}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!EXCLUDED.has(e.name)) walk(p, out);
    } else if (e.isFile() && (e.name.endsWith(".py") || e.name.endsWith(".pyi"))) {
      out.push(p);
    }
  }
}

function main(argv) {
  const files = [];
  let byCode = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--by-code") byCode = true;
    else if (a === "--files-from") {
      const list = argv[++i];
      if (list === undefined) return usage("--files-from needs a file");
      for (const line of readFileSync(list, "utf8").split("\n")) if (line) files.push(line);
    } else if (a.startsWith("-")) return usage(`unknown option ${a}`);
    else {
      let st;
      try { st = statSync(a); } catch { return usage(`${a}: no such file or directory`); }
      if (st.isDirectory()) walk(a, files);
      else files.push(a);
    }
  }
  if (files.length === 0) return usage("nothing to lint");

  const workspace = new Workspace({ lint: { select: ["S"] } }, PositionEncoding.Utf8);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const counts = new Map();
  let linted = 0, findings = 0, syntaxErrors = 0, unreadable = 0;
  for (const path of files) {
    let text;
    try {
      text = utf8.decode(readFileSync(path));
    } catch {
      unreadable++;
      continue;
    }
    const diagnostics = workspace.check(text);
    linted++;
    let broken = false;
    for (const d of diagnostics) {
      if (d.code && d.code.startsWith("S")) {
        findings++;
        if (byCode) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
      } else if (d.code === null || d.code === "invalid-syntax") {
        broken = true;
      }
    }
    if (broken) syntaxErrors++;
  }
  console.log(`ruff-wasm ${Workspace.version()}: files=${linted} findings=${findings} syntax-errors=${syntaxErrors} unreadable=${unreadable}`);
  if (byCode) for (const [code, n] of [...counts].sort()) console.log(`${code}\t${n}`);
  return 0;
}

function usage(message) {
  console.error(`ruff-s: ${message} (usage: node ruff-s.mjs [--files-from LIST] [--by-code] [PATH...])`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
