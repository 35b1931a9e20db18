import { open } from 'node:fs/promises';

/**
 * The few lines of the tar format (POSIX ustar) a backup needs: regular files written in order, and an index of
 * where each one sits in a file. Plain tar so that `tar -tf` and `tar -xOf FILE manifest.json` work on a backup.
 */

const BLOCK = 512;

/** One entry to write: its size must be known before its bytes (tar puts it in the header). */
export interface TarEntry {
  name: string;
  size: number;
  body: Uint8Array | AsyncIterable<Uint8Array>;
}

/** Where an entry's bytes are in a tar file. */
export interface TarIndexEntry {
  name: string;
  offset: number;
  size: number;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Uint8Array {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  // Sizes past 8 GiB do not fit 11 octal digits: GNU's base-256 form (high bit set, big-endian).
  if (size < 8 ** 11) h.write(octal(size, 12), 124, 'ascii');
  else {
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 124 + 4);
  }
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const pad = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/**
 * The bytes of a tar holding `entries` in order, streamed (an entry's body is read only when it is reached).
 * @throws Error when a body is not exactly its declared size.
 */
export async function* tarStream(entries: TarEntry[], mtime = Date.now()): AsyncGenerator<Uint8Array> {
  for (const e of entries) {
    yield header(e.name, e.size, mtime);
    let written = 0;
    if (e.body instanceof Uint8Array) {
      written = e.body.byteLength;
      yield e.body;
    } else {
      for await (const chunk of e.body) {
        written += chunk.byteLength;
        yield chunk;
      }
    }
    if (written !== e.size) throw new Error(`tar: ${e.name} is ${written} bytes, declared ${e.size}`);
    yield pad(e.size);
  }
  yield Buffer.alloc(2 * BLOCK);
}

function readSize(h: Buffer): number {
  if (h[124] & 0x80) return Number(h.readBigUInt64BE(124 + 4));
  return Number.parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
}

/**
 * The regular files of a tar file and where their bytes are, without reading them.
 * @throws Error when the file is not a tar (a header's checksum is wrong).
 */
export async function indexTar(path: string): Promise<TarIndexEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size: total } = await file.stat();
    const out: TarIndexEntry[] = [];
    const h = Buffer.alloc(BLOCK);
    for (let at = 0; at + BLOCK <= total; ) {
      await file.read(h, 0, BLOCK, at);
      if (h.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
      if (sum !== Number.parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8)) throw new Error(`${path} is not a tar file (bad header at byte ${at})`);
      const size = readSize(h);
      const type = String.fromCharCode(h[156] || 0x30);
      if (type === '0') out.push({ name: h.toString('utf8', 0, 100).replace(/\0.*$/s, ''), offset: at + BLOCK, size });
      at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    return out;
  } finally {
    await file.close();
  }
}
