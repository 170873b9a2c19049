// IPv4/IPv6 text <-> bytes without dependencies (the webview bundle imports the codec).

export function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return undefined;
    const v = Number(parts[i]);
    if (v > 255) return undefined;
    out[i] = v;
  }
  return out;
}

export function parseIpv6(text: string): Uint8Array | undefined {
  let t = text.trim();
  const pct = t.indexOf('%');
  if (pct >= 0) t = t.slice(0, pct);
  const words: number[] = [];
  // An embedded dotted IPv4 tail (::ffff:1.2.3.4) becomes two words.
  const lastColon = t.lastIndexOf(':');
  if (t.indexOf('.', lastColon) >= 0) {
    const v4 = parseIpv4(t.slice(lastColon + 1));
    if (!v4) return undefined;
    t = t.slice(0, lastColon + 1) + ((v4[0] << 8) | v4[1]).toString(16) + ':' + ((v4[2] << 8) | v4[3]).toString(16);
  }
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const w of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1 && head.length !== 8) return undefined;
  if (halves.length === 2 && head.length + tail.length > 7) return undefined;
  words.push(...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail);
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

export function formatIpv4(b: Uint8Array, o = 0): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

/** RFC 5952 text: lower case, longest run (>1) of zero words compressed. */
export function formatIpv6(b: Uint8Array, o = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[o + 2 * i] << 8) | b[o + 2 * i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = w.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return hex.slice(0, best).join(':') + '::' + hex.slice(best + bestLen).join(':');
}

export function macToBytes(text: string): Uint8Array | undefined {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) return undefined;
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

export function formatMac(b: Uint8Array, o = 0): string {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) out.push(b[o + i].toString(16).padStart(2, '0'));
  return out.join(':');
}
