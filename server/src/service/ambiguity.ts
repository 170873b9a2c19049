// pairing-ambiguous: one tunnel end that several configs of the deployment match by address (the
// live router config and an archived copy, two hosts restored from one image). Pairing one of
// them would make the verdict depend on the order files are read in, so none is paired, and the
// end and every candidate say so, each with a quick fix that writes the chosen pair into
// tunnel-lens.json.
import { Code } from '../core/codes';
import type { Finding } from '../core/types';
import { basenameOfUri } from '../core/uri';
import { pairWithFix } from '../fixes/pairingFile';
import type { Ambiguity } from './pairing';

const label = (e: { name: string; uri: string }) => `${e.name} (${basenameOfUri(e.uri)})`;

export function ambiguityFindings(amb: Ambiguity, scopeRoot: string, text: (uri: string) => string | undefined): Finding[] {
  const { end, candidates } = amb;
  const fixFor = new Map(candidates.map((c) => [c, pairWithFix(end, c, scopeRoot, text)]));
  const fixes = candidates.flatMap((c) => fixFor.get(c) ?? []);
  const out: Finding[] = [
    {
      code: Code.pairingAmbiguous,
      severity: 'warning',
      message: `${candidates.length} configs match ${end.name} by address: none is checked until tunnel-lens.json names the peer.`,
      detail: `${candidates.length} configs match ${end.name} by address: ${candidates.map(label).join(', ')}. None is checked against it until tunnel-lens.json says which is the peer.`,
      uri: end.uri,
      range: end.range,
      related: candidates.map((c) => ({ uri: c.uri, range: c.range, message: `${label(c)} matches ${end.name} by address` })),
      fixes,
    },
  ];
  for (const c of candidates) {
    const others = candidates.filter((o) => o !== c);
    out.push({
      code: Code.pairingAmbiguous,
      severity: 'warning',
      message: `${c.name} and ${others.length} other config(s) match ${end.name}: not checked until tunnel-lens.json names the peer.`,
      detail: `${c.name} matches ${label(end)} by address, and so does ${others.map(label).join(', ')}: not checked against it until tunnel-lens.json says which is the peer.`,
      uri: c.uri,
      range: c.range,
      related: [{ uri: end.uri, range: end.range, message: `${label(end)}, the end they both match` }, ...others.map((o) => ({ uri: o.uri, range: o.range, message: `${label(o)} matches it too` }))],
      fixes: fixFor.get(c) ? [fixFor.get(c)!] : [],
    });
  }
  return out;
}
