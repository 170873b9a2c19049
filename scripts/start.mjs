// `npm start` (after the build): a short guided tour of samples/. The founding case found (its
// finding line), the fix Tunnel Lens writes for it (`fix --dry-run`), then one count line per sample
// folder, and where to read more. The broken samples have error findings on purpose; the tour says
// so. Exit status: 0 when the tour ran and the founding case was found, 1 when it was not (the tour
// is then wrong, and says so), 2 when the command line failed (usage, I/O, crash).
//
//   node scripts/start.mjs [SAMPLES_DIR]     (default: the repository's samples/)
// test/unit/start-tour.test.ts runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'dist/cli.js');
const FOUNDING = { dir: 'founding-case', file: 'linux/ifcfg-tun10', code: 'encaplimit-transport-interop' };
/** What the folders of samples/ show, in the order of samples/README.md. */
const ABOUT = {
  'founding-case': 'ifcfg + Libreswan 3.25 against a C897VA: the founding case',
  'tunnel-protection': 'the same with `tunnel protection` on the router',
  'founding-case-swanctl': 'the same Linux tunnel protected by strongSwan swanctl.conf',
  'fixed-by-script': 'fixed: ifup-local runs `encaplimit none`',
  'fixed-by-networkd': 'fixed: .netdev EncapsulationLimit=none',
  'fixed-by-nm': 'fixed: .nmconnection flags=1',
  'fixed-swanctl-tunnel-mode': 'fixed: ESP tunnel mode on both peers',
  pairs: 'one pair per cross-peer code, and its -ok twin',
};

function cli(args, cwd) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr || `tunnel-lens ${args[0]}: exit ${r.status ?? r.signal}\n`);
    process.exit(2);
  }
  return r.stdout;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const at = (f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;

export function tour(samplesDir) {
  const cwd = dirname(samplesDir);
  const root = basename(samplesDir);
  const out = [];
  const say = (...lines) => out.push(...lines);

  say(
    'Tunnel Lens: a tour of samples/.',
    'The broken samples are broken on purpose: each error below is one a sample was written to show.',
    '',
    `1. The founding case (${root}/${FOUNDING.dir}): GRE over IPv6 from Linux to a Cisco C897VA, ESP in transport mode.`,
    `   node dist/cli.js check ${root}/${FOUNDING.dir}`,
  );
  const { findings } = JSON.parse(cli(['check', '--format', 'json', root], cwd));
  const founding = findings.find((f) => f.code === FOUNDING.code && f.file === `${root}/${FOUNDING.dir}/${FOUNDING.file}`);
  if (!founding) {
    say(`   NOT FOUND: no ${FOUNDING.code} finding on ${root}/${FOUNDING.dir}/${FOUNDING.file}. This tour is wrong; please report it.`);
    return { lines: out, ok: false };
  }
  say(`   ${at(founding)}: ${founding.severity} [${founding.code}] ${founding.message}`);
  for (const r of founding.related) say(`       ${at(r)}: ${r.message}`);

  say('', `2. The fix it writes (node dist/cli.js fix --dry-run --only ${FOUNDING.code} ${root}/${FOUNDING.dir}):`);
  const diff = cli(['fix', '--dry-run', '--only', FOUNDING.code, `${root}/${FOUNDING.dir}`], cwd)
    .split('\n')
    .filter((l) => l !== '' && !/^={3,}$/.test(l));
  say(...diff.map((l) => `   ${l}`));
  for (const x of founding.fixes.slice(1)) say(`   The editor's quick fix menu also offers: ${x.title}.`);

  say('', `3. Every sample (node dist/cli.js check ${root}/<folder>):`);
  const dirs = readdirSync(samplesDir).filter((d) => statSync(join(samplesDir, d)).isDirectory());
  dirs.sort((a, b) => (Object.keys(ABOUT).indexOf(a) + 1 || 99) - (Object.keys(ABOUT).indexOf(b) + 1 || 99) || a.localeCompare(b));
  const width = Math.max(...dirs.map((d) => d.length)) + 2;
  for (const d of dirs) {
    const mine = findings.filter((f) => f.file.startsWith(`${root}/${d}/`));
    const count = (s) => mine.filter((f) => f.severity === s).length;
    const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('info')} info`].filter((p) => !p.startsWith('0 '));
    const deployments = d === 'pairs' ? `${plural(countDeployments(join(samplesDir, d)), 'deployment')}: ` : '';
    say(`   ${`${d}/`.padEnd(width)}${deployments}${parts.length ? parts.join(', ') : 'no findings'}${ABOUT[d] ? `  (${ABOUT[d]})` : ''}`);
  }
  say(
    '',
    `What each sample shows, finding by finding: ${root}/README.md. Every finding: node dist/cli.js check ${root}`,
    'Options of each command: node dist/cli.js help (check, fix, layout, decode).',
  );
  return { lines: out, ok: true };
}

function countDeployments(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countDeployments(join(dir, e.name));
    else if (e.name === 'tunnel-lens.json') n++;
  }
  return n;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(CLI)) {
    process.stderr.write('dist/cli.js is missing: build first (npm run build; npm start builds)\n');
    process.exit(2);
  }
  const { lines, ok } = tour(resolve(process.argv[2] ?? join(REPO, 'samples')));
  process.stdout.write(lines.join('\n') + '\n');
  process.exit(ok ? 0 : 1);
}
