// The corpus captures (../shared/corpus/pcaps, read in place, never copied) and their SA table, for
// the tests that read them: the tshark oracles and the decode output fixture.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex } from '../../codec/bytes';
import { ENC_ALGORITHMS, type EncName, type EspSa, INTEG_ALGORITHMS, type IntegName } from '../../codec/espAlgorithms';

export const PCAP_CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'pcaps');
export const TSHARK = '/usr/bin/tshark';
export const TSHARK_INSTALL = 'apt-get install tshark python3-scapy';

/** Every .pcap/.pcapng under `dir`, sorted. */
export function corpusCaptures(dir = PCAP_CORPUS): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : /\.pcap(ng)?$/.test(e.name) ? [join(d, e.name)] : []));
  return walk(dir).sort();
}

/** The lines of generated/esp_sa (tshark `uat:esp_sa` records). */
export function corpusEspSaLines(): string[] {
  return readFileSync(join(PCAP_CORPUS, 'generated', 'esp_sa'), 'utf8').split('\n').filter(Boolean);
}

/** Parses tshark esp_sa UAT lines into codec SAs (only the transforms the codec knows). */
export function parseEspSa(lines: readonly string[]): EspSa[] {
  const byTshark = (name: string, table: Record<string, { tshark: string; keyLength: number }>, len: number) =>
    Object.entries(table).find(([, v]) => v.tshark === name && v.keyLength === len)?.[0];
  const out: EspSa[] = [];
  for (const line of lines) {
    const f = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const encKey = fromHex(f[5]) ?? new Uint8Array(0);
    const integKey = fromHex(f[7]) ?? new Uint8Array(0);
    const enc = byTshark(f[4], ENC_ALGORITHMS, encKey.length) as EncName | undefined;
    const integ = byTshark(f[6], INTEG_ALGORITHMS, integKey.length) as IntegName | undefined;
    if (enc && integ) out.push({ spi: parseInt(f[3], 16), enc, encKey, integ, integKey });
  }
  return out;
}
