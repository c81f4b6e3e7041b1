// Draws PmfBot's two Teams icons (run once; the PNGs are committed):
//   color.png   192×192: three rising bars and a tick, white on council blue
//   outline.png  32×32 : the same bars, white on transparent (Teams' rule for outline icons)
// A tiny PNG writer on Node's zlib, so no image package is needed.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Three bars rising left to right, in a unit square (x0, x1, top).
const bars = [[0.20, 0.34, 0.62], [0.43, 0.57, 0.45], [0.66, 0.80, 0.26]];
const baseline = 0.80;
const inBar = (u, v) => bars.some(([x0, x1, top]) => u >= x0 && u < x1 && v >= top && v < baseline);
// A tick above the first two bars: two thick line segments.
const nearSegment = (u, v, [ax, ay], [bx, by], w) => {
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) < w;
};
const inTick = (u, v) => nearSegment(u, v, [0.20, 0.30], [0.29, 0.39], 0.035) || nearSegment(u, v, [0.29, 0.39], [0.47, 0.18], 0.035);

const blue = [0x1f, 0x4e, 0x8c, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];

const color = png(192, (x, y) => {
  const u = (x + 0.5) / 192, v = (y + 0.5) / 192;
  return inBar(u, v) || inTick(u, v) ? white : blue;
});
const outline = png(32, (x, y) => {
  const u = (x + 0.5) / 32, v = (y + 0.5) / 32;
  return inBar(u, v) ? white : clear;
});
fs.writeFileSync(path.join(__dirname, 'color.png'), color);
fs.writeFileSync(path.join(__dirname, 'outline.png'), outline);
console.log('color.png and outline.png written');
