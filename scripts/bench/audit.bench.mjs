// `consentry audit` on a three-page fixture site (the audit tests' clean Consentry site: GA4 and
// the Meta pixel through presets, vendor hosts answered locally) with every phase and `--runs 3`,
// as a CI step would run it. Target: at most 60 s on a 2-core machine. Reports the wall time
// (BENCH_ROUNDS audits, default 1; the median) and the peak memory of the whole process tree
// (this Node process and every Chromium process), sampled every 100 ms from /proc.
// Writes its section of scripts/bench/RESULTS.md. Never fails.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 1);
const TARGET_SECONDS = 60;

// The audit from source, with the tests' fixture server and vendor stand-ins, bundled once by
// esbuild (the sources import without extensions and import JSON, which Node cannot load as they are).
const ENTRY = `
export { startSiteServer, interceptVendors, CHROMIUM_ARGS } from './test/audit/support/site-server.ts';
export { cleanSite } from './test/audit/support/fixtures.ts';
export { auditCommand } from './src/node/audit/command.ts';
export { presetRegistry } from './presets/registry.ts';
`;

async function loadAudit() {
  // Two folders below the repository's root, as the test helpers it bundles expect to be (they
  // find the root, and dist/, from their own URL); playwright-core resolves from node_modules.
  const outfile = join(ROOT, 'scripts/bench/.audit-bench.tmp.mjs');
  try {
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'audit-bench-entry.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['playwright-core', '@duckduckgo/autoconsent', 'vitest'],
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRssKb(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const resident = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), resident);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export default async function auditBench() {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-audit-bench-'));
  const mod = await loadAudit();
  const server = await mod.startSiteServer();
  const times = [];
  let peakKb = 0;
  let exitCode;
  let summary = '';
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const url = mod.cleanSite(server, `/bench-${round}`);
      const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(process.pid))), 100);
      const started = performance.now();
      exitCode = await mod.auditCommand([url, '--runs', '3', '--pages', '3', '--json', 'audit.json'], {
        registry: mod.presetRegistry,
        cwd: dir,
        out: () => undefined,
        err: () => undefined,
        env: process.env,
        isTTY: false,
        prepareContext: mod.interceptVendors,
        chromiumArgs: mod.CHROMIUM_ARGS,
      });
      times.push((performance.now() - started) / 1000);
      clearInterval(sampler);
      const report = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8'));
      const notAudited = report.phases.filter((phase) => phase.status != 'audited');
      summary =
        `${report.pages.length} pages, ${report.phases.length} phases × ${report.runs} runs, ${report.findings.length} findings` +
        (report.error ? `; error: ${report.error}` : '') +
        notAudited.map((phase) => `; ${phase.phase}: ${phase.status} (${phase.reason ?? ''})`).join('');
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = median(times);
  const peakMb = peakKb / 1024;
  const rows = [
    ['Three-page Consentry site, every phase, `--runs 3`', `${seconds.toFixed(1)} s`, `${peakMb.toFixed(0)} MB`],
  ];
  const table = [
    '| Audit | Wall time (median) | Peak memory (Node + Chromium) |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  console.log(table);
  console.log(
    `\n${summary}; exit code ${exitCode}; ${ROUNDS} round(s): ${times.map((t) => t.toFixed(1)).join(', ')} s`,
  );
  console.log(
    seconds <= TARGET_SECONDS ? `within the ${TARGET_SECONDS} s target` : `OVER the ${TARGET_SECONDS} s target`,
  );
  writeSection(
    'audit',
    `## \`consentry audit\`\n\n${table}\n\n${summary}, exit code ${exitCode}. Target: at most ${TARGET_SECONDS} s on a 2-core machine. ` +
      `Peak memory: the largest sum of resident memory over this process and its Chromium processes, sampled every 100 ms.`,
  );
}
