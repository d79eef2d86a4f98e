// Gzipped JavaScript a first visit downloads: the entry chunk and everything it imports statically,
// plus the chunk (and static imports) of the page opened. Run after `npm run build`:
//   node scripts/initial-size.mjs            -> sizes for the sign-in page and the dashboard
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const assets = join(import.meta.dirname, '..', 'dist', 'assets');
const html = readFileSync(join(import.meta.dirname, '..', 'dist', 'index.html'), 'utf8');
const files = readdirSync(assets);
const gz = (file) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

function staticGraph(start, seen = new Set()) {
  if (seen.has(start)) return seen;
  seen.add(start);
  const code = readFileSync(join(assets, start), 'utf8');
  // static imports only: `import ... from "./x.js"` and bare `import "./x.js"`; dynamic import() is lazy
  for (const match of code.matchAll(/(?:^|[;\s}])import(?:[^("'`]*?from)?\s*["']\.\/([^"']+\.js)["']/g)) {
    staticGraph(match[1], seen);
  }
  return seen;
}

const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+)"/)[1];
const css = [...html.matchAll(/href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1]);
const shell = staticGraph(entry);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

for (const page of ['LoginPage', 'DashboardPage']) {
  const chunk = files.find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
  const all = staticGraph(chunk, new Set(shell));
  const js = [...all].reduce((sum, f) => sum + gz(f), 0);
  const styles = css.reduce((sum, f) => sum + gz(f), 0);
  console.log(`${page}: ${kb(js)} JS gzipped in ${all.size} chunks (+ ${kb(styles)} CSS) — ${[...all].join(', ')}`);
}
