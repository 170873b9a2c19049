// Draws media/icon.png (128x128): a packet of coloured header blocks travelling through a tunnel,
// under a magnifying lens. No dependencies: shapes as distance functions, 4x4 supersampling, and a
// PNG written with node:zlib. Run `node scripts/make-icon.mjs` after changing it (not packaged).
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const W = 128;
const SS = 4;
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

// Signed distances (negative inside).
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(circle(x, y, cx, cy, r)) - w / 2;
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w / 2;
};

// Layers painted in order; each is [distance(x, y), colour, alpha].
const layers = [
  [(x, y) => roundRect(x, y, 64, 64, 62, 62, 22), hex('#16324f'), 1],
  // the tunnel: a tube across the icon, darker outside the lens
  [(x, y) => roundRect(x, y, 64, 60, 62, 15, 6), hex('#2c5d8a'), 1],
  // the packet: outer IPv6, Destination Options (highlighted), ESP, GRE, inner IPv4
  [(x, y) => roundRect(x, y, 24, 60, 10, 10, 2), hex('#5b9bd5'), 1],
  [(x, y) => roundRect(x, y, 41, 60, 5, 10, 2), hex('#f2a33a'), 1],
  [(x, y) => roundRect(x, y, 55, 60, 7, 10, 2), hex('#e0525a'), 1],
  [(x, y) => roundRect(x, y, 70, 60, 6, 10, 2), hex('#62c28e'), 1],
  [(x, y) => roundRect(x, y, 88, 60, 10, 10, 2), hex('#a98bdc'), 1],
  // the lens: a light glass tint, the rim and the handle
  [(x, y) => circle(x, y, 42, 58, 24), hex('#ffffff'), 0.16],
  [(x, y) => ring(x, y, 42, 58, 24, 7), hex('#f4f7fb'), 1],
  [(x, y) => segment(x, y, 60, 76, 88, 104, 12), hex('#f4f7fb'), 1],
  [(x, y) => segment(x, y, 63, 79, 86, 102, 5), hex('#c9d4e1'), 1],
];

const rgba = Buffer.alloc(W * W * 4);
for (let py = 0; py < W; py++) {
  for (let px = 0; px < W; px++) {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        let c = [0, 0, 0];
        let a = 0;
        for (const [d, col, alpha] of layers) {
          if (d(x, y) > 0) continue;
          c = c.map((v, i) => v * (1 - alpha) + col[i] * alpha);
          a = a + (1 - a) * alpha;
        }
        acc = [acc[0] + c[0] * a, acc[1] + c[1] * a, acc[2] + c[2] * a, acc[3] + a];
      }
    }
    const n = SS * SS;
    const o = (py * W + px) * 4;
    const alpha = acc[3] / n;
    for (let i = 0; i < 3; i++) rgba[o + i] = alpha > 0 ? Math.round(acc[i] / acc[3]) : 0;
    rgba[o + 3] = Math.round(alpha * 255);
  }
}

// PNG: signature, IHDR, IDAT (filter 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(W, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(W * (W * 4 + 1));
for (let y = 0; y < W; y++) rgba.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${W}x${W}, ${png.length} bytes`);
