#!/usr/bin/env node
// `pnpm bench:dashboard` (root) → the dashboard's budget, printed:
//   1. Bundle: the gzip size of the JavaScript a first visit to each view loads (the entry chunk, its
//      static imports, the view's lazy chunk and its static imports), from the Vite manifest of
//      dashboard/dist. Budget: ≤ 300 KB gzip for the first view.
//   2. Interactive: in real Chromium against the production server on a scale-0.01 dataset, the time from
//      navigation to the view's content being on screen and settled (its ready element present, nothing in
//      <main> busy), for (a) a cold load of the view's URL in a fresh browser context and (b) an in-app
//      switch from another view by clicking its tab. Budget: ≤ 1.5 s. Signed in as an ADMIN benchmark user
//      (server/src/bench/bench-token.ts issues a token on the dataset; each context starts with it remembered,
//      so a cold load includes the dashboard's `me` check, as a returning user's does).
// Options: --file F (SQLite dataset; generated at --scale into data/bench-<scale>.db when absent),
//          --scale 0.01, --runs 5, --port 4300, --json out.json. Needs `pnpm build` of server and dashboard
//          first (the root script does it) and Debian chromium at /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { VIEWS } from './bench-views.mjs';

const dashboardDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(dashboardDir, '..');
const distDir = join(dashboardDir, 'dist');
const BUNDLE_BUDGET_KB = 300;
const INTERACTIVE_BUDGET_MS = 1500;

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    scale: { type: 'string', default: '0.01' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4300' },
    json: { type: 'string' },
  },
});
const cwd = process.env.INIT_CWD ?? process.cwd();
const scale = values.scale;
const file = values.file ? resolve(cwd, values.file) : join(repoRoot, 'data', `bench-${scale}.db`);
const runs = Number(values.runs);
const port = Number(values.port);

// ---------------------------------------------------------------------------------------------- bundle
/** Every chunk a chunk statically pulls in (itself included), depth first, each once. */
function staticClosure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function gzipKb(path) {
  return gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length / 1024;
}

export function bundleReport() {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no ${manifestPath}: run \`pnpm --filter @dtsen/dashboard run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const entry = staticClosure(manifest, entryKey);
  const rows = [];
  for (const view of VIEWS) {
    const viewKey = Object.keys(manifest).find((key) => key.endsWith(view.module));
    if (!viewKey) throw new Error(`the manifest has no chunk for ${view.module}`);
    const chunks = staticClosure(manifest, viewKey, new Set(entry));
    const js = [...chunks].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
    const css = [...chunks].flatMap((key) => manifest[key].css ?? []);
    const cssKb = [...new Set(css)].reduce((sum, path) => sum + gzipKb(path), 0);
    rows.push({ view: view.id, chunks: chunks.size, jsKb: js, cssKb });
  }
  const allJsKb = Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js'))
    .reduce((sum, chunk) => sum + gzipKb(chunk.file), 0);
  return { rows, allJsKb, entryChunks: entry.size };
}

// ---------------------------------------------------------------------------------------------- server
function ensureDataset() {
  if (existsSync(file)) return;
  console.log(`generating scale ${scale} into ${file} (a few minutes) ...`);
  const result = spawnSync(process.execPath, [join(repoRoot, 'server/dist/cli.js'), 'generate', '--scale', scale, '--versions', '5', '--seed', '1', '--file', file], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('dataset generation failed');
}

/** An API token on the dataset (the API answers signed-in users only), from the built server. */
async function signIn() {
  const { benchToken } = await import(pathToFileURL(join(repoRoot, 'server/dist/bench/bench-token.js')).href);
  return benchToken(file);
}

async function startServer() {
  const child = spawn(process.execPath, [join(repoRoot, 'server/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('server did not answer /healthz within 60 s');
}

// ---------------------------------------------------------------------------------------------- browser
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Resolves with the page's clock (ms since its time origin) at the first animation frame where the view's
 * ready element exists and nothing in <main> is busy (loading panels and refetches set aria-busy).
 */
function readyAt(page, selector) {
  return page
    .waitForFunction(
      (sel) => {
        const main = document.querySelector('main');
        if (!main || !document.querySelector(sel)) return false;
        if (main.querySelector('[aria-busy="true"]')) return false;
        return performance.now();
      },
      selector,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function interactiveReport(baseUrl, token) {
  // Where the dashboard keeps a remembered token (dashboard/src/app/auth/token-store.ts).
  const storageState = { cookies: [], origins: [{ origin: new URL(baseUrl).origin, localStorage: [{ name: 'dtsen-atlas:token', value: token }] }] };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const rows = [];
  try {
    for (const view of VIEWS) {
      const cold = [];
      const switched = [];
      for (let run = 0; run < runs; run += 1) {
        // (a) cold: a fresh context has an empty HTTP cache; time origin = navigation start.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', storageState });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await page.goto(new URL(view.path, baseUrl).href, { waitUntil: 'commit' });
        cold.push(await readyAt(page, view.ready));

        // (b) switch: from another view, click this view's tab.
        const other = VIEWS.find((candidate) => candidate.id !== view.id);
        await page.goto(new URL(other.path, baseUrl).href);
        await readyAt(page, other.ready);
        const tab = page.locator('nav.tabs a').nth(VIEWS.indexOf(view));
        const clickedAt = await page.evaluate(() => performance.now());
        await tab.click();
        const at = await readyAt(page, view.ready);
        switched.push(at - clickedAt);
        if (errors.length > 0) throw new Error(`${view.id}: page errors: ${errors.join(' | ')}`);
        await context.close();
      }
      rows.push({ view: view.id, path: view.path, coldMedian: median(cold), coldMax: Math.max(...cold), switchMedian: median(switched), switchMax: Math.max(...switched) });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------- main
const pad = (text, width) => String(text).padStart(width);
const bundle = bundleReport();
console.log(`\nBundle (dashboard/dist, gzip -9): every JS chunk together ${bundle.allJsKb.toFixed(1)} KB; entry closure ${bundle.entryChunks} chunks`);
console.log(`${'first view'.padEnd(12)}${pad('chunks', 8)}${pad('JS KB', 10)}${pad('CSS KB', 10)}  budget ${BUNDLE_BUDGET_KB} KB`);
for (const row of bundle.rows)
  console.log(`${row.view.padEnd(12)}${pad(row.chunks, 8)}${pad(row.jsKb.toFixed(1), 10)}${pad(row.cssKb.toFixed(1), 10)}  ${row.jsKb <= BUNDLE_BUDGET_KB ? 'ok' : 'OVER'}`);

ensureDataset();
const token = await signIn();
const server = await startServer();
let interactive;
try {
  interactive = await interactiveReport(`http://127.0.0.1:${port}`, token);
} finally {
  server.kill();
}
console.log(`\nInteractive (Chromium 1280×900, ${runs} runs each, ${file}; ms from navigation or tab click to the settled view)`);
console.log(`${'view'.padEnd(12)}${pad('cold p50', 10)}${pad('cold max', 10)}${pad('tab p50', 10)}${pad('tab max', 10)}  budget ${INTERACTIVE_BUDGET_MS} ms`);
for (const row of interactive) {
  const ok = row.coldMax <= INTERACTIVE_BUDGET_MS && row.switchMax <= INTERACTIVE_BUDGET_MS;
  console.log(`${row.view.padEnd(12)}${pad(row.coldMedian.toFixed(0), 10)}${pad(row.coldMax.toFixed(0), 10)}${pad(row.switchMedian.toFixed(0), 10)}${pad(row.switchMax.toFixed(0), 10)}  ${ok ? 'ok' : 'OVER'}`);
}
if (values.json) writeFileSync(resolve(cwd, values.json), JSON.stringify({ file, runs, bundle, interactive }, null, 2));
