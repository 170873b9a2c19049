// `tunnel-lens check`: the same findings as the editor, as text, JSON or SARIF.
import { sortFindings } from '../service/findings';
import type { Finding } from '../core/types';
import { formatFlag, parseArgs, type Subcommand } from './common';
import { displayPath, loadWorkspace, settingsFromFlags, VERSION_FLAGS, type LoadedWorkspace } from './workspaceLoader';
import { toSarif } from './sarif';

function jsonFinding(ws: LoadedWorkspace, f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.detail ? { detail: f.detail } : {}),
    file: displayPath(ws, f.uri),
    range: f.range,
    related: f.related.map((r) => ({ file: displayPath(ws, r.uri), range: r.range, message: r.message })),
    fixes: f.fixes.map((x) => ({
      title: x.title,
      edits: x.edits.map((e) => ({ file: displayPath(ws, e.uri), range: e.range, newText: e.newText })),
    })),
  };
}

function textFinding(ws: LoadedWorkspace, f: Finding, verbose: boolean): string {
  const at = (uri: string, r: Finding['range']) => `${displayPath(ws, uri)}:${r.start.line + 1}:${r.start.character + 1}`;
  const lines = [`${at(f.uri, f.range)}: ${f.severity} [${f.code}] ${f.message}`];
  if (verbose && f.detail) lines.push(`    why: ${f.detail}`);
  for (const r of f.related) lines.push(`    ${at(r.uri, r.range)}: ${r.message}`);
  for (const x of f.fixes) lines.push(`    fix: ${x.title}`);
  return lines.join('\n');
}

export const run: Subcommand = (args, io) => {
  const p = parseArgs(args, ['format', ...VERSION_FLAGS], ['verbose']);
  const format = formatFlag(p, ['text', 'json', 'sarif'], 'text');
  const ws = loadWorkspace(p.positionals, settingsFromFlags(p, (line) => io.stderr(line + '\n')), (line) => io.stderr(line + '\n'));
  const findings = sortFindings(ws.uris.flatMap((u) => ws.service.findings(u)));
  if (format === 'json') {
    io.stdout(JSON.stringify({ findings: findings.map((f) => jsonFinding(ws, f)) }, null, 2) + '\n');
  } else if (format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(findings, (u) => displayPath(ws, u)), null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(textFinding(ws, f, p.switches.has('verbose')) + '\n');
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    io.stdout(
      `${ws.uris.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${count('hint')} hint(s)\n`,
    );
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
};
