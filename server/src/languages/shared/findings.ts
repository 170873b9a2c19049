// Finding construction and integer reading shared by the Linux dialects (ifcfg, scripts,
// .netdev, .nmconnection, ipsec.secrets).
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../../core/types';
import type { FindingCode } from '../../core/codes';

export { range, contains } from '../../core/ranges';
export { didYouMean } from '../../core/didYouMean';

export function finding(uri: string, code: FindingCode, severity: Severity, message: string, r: Range): Finding {
  return { code, severity, message, uri, range: r, related: [], fixes: [] };
}

/** Parses a decimal (or 0x hex when allowed) integer in [min, max]; undefined otherwise. */
export function parseIntIn(text: string, min: number, max: number, hex = false): number | undefined {
  const t = text.trim();
  let v: number;
  if (/^\d+$/.test(t)) v = Number(t);
  else if (hex && /^0x[0-9a-f]+$/i.test(t)) v = parseInt(t, 16);
  else return undefined;
  return v >= min && v <= max ? v : undefined;
}
