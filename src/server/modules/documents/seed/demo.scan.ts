import { deflateSync } from 'node:zlib';

/**
 * The scan of a demo paper document: a PNG of an A4 page (72 dpi) as a scanner returns a 红头文件 —
 * the red letterhead band and line, grey lines of text and the red seal. A picture has no text layer,
 * so the document is found by its title, 来文机关 and 来文字号, as an unread scan would be.
 */
export function demoScanPng(): Buffer {
  const width = 595;
  const height = 842;
  const rgb = Buffer.alloc(width * height * 3, 0xff);
  const paint = (x: number, y: number, color: readonly [number, number, number]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    rgb.set(color, (y * width + x) * 3);
  };
  const box = (x0: number, y0: number, w: number, h: number, color: readonly [number, number, number]) => {
    for (let y = y0; y < y0 + h; y += 1) for (let x = x0; x < x0 + w; x += 1) paint(x, y, color);
  };
  const red = [0xd0, 0x1c, 0x1f] as const;
  const grey = [0x58, 0x58, 0x58] as const;
  box(120, 90, 355, 34, red); // 发文机关标志
  box(80, 160, 435, 3, red); // the red line
  box(150, 200, 295, 10, grey); // title
  for (let line = 0; line < 14; line += 1) box(line % 5 === 0 ? 110 : 80, 250 + line * 28, line % 5 === 4 ? 260 : 435 - (line % 5 === 0 ? 30 : 0), 6, grey);
  for (let a = 0; a < 720; a += 1) {
    const angle = (a * Math.PI) / 360;
    for (let r = 52; r < 56; r += 1) paint(Math.round(420 + r * Math.cos(angle)), Math.round(690 + r * Math.sin(angle)), red); // the seal
  }
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
