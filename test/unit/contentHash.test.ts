// The import's file fingerprint: Dropbox's content hash (SHA-256 over the SHA-256 of each 4 MiB
// block), the same however the file is sliced as it is read.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_BLOCK_BYTES, ContentHasher, contentHashOf } from '../../renderer/db/contentHash';

/** The scheme written out with Node's own SHA-256, block by block. */
function reference(bytes: Uint8Array): string {
  const outer = createHash('sha256');
  for (let at = 0; at < bytes.length; at += CONTENT_HASH_BLOCK_BYTES) outer.update(createHash('sha256').update(bytes.subarray(at, at + CONTENT_HASH_BLOCK_BYTES)).digest());
  return outer.digest('hex');
}

function pseudoRandomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe('ContentHasher', () => {
  const tenMegabytes = pseudoRandomBytes(10 * 1024 * 1024 + 12345);

  it('hashes an empty file as the SHA-256 of nothing', async () => {
    expect(await contentHashOf(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a file under one block as the SHA-256 of its SHA-256', async () => {
    const text = new TextEncoder().encode('Date\tFNSKU\n');
    expect(await contentHashOf(text)).toBe(reference(text));
    expect(await contentHashOf(text)).not.toBe(createHash('sha256').update(text).digest('hex'));
  });

  it.each([1, 1000, 262_144, CONTENT_HASH_BLOCK_BYTES, CONTENT_HASH_BLOCK_BYTES + 1, 7 * 1024 * 1024])('gives the same hash read in slices of %i bytes', async (slice) => {
    const hasher = new ContentHasher();
    for (let at = 0; at < tenMegabytes.length; at += slice) hasher.update(tenMegabytes.subarray(at, at + slice));
    expect(hasher.length).toBe(tenMegabytes.length);
    expect(await hasher.hex()).toBe(reference(tenMegabytes));
  });

  it('changes when one byte of the file changes', async () => {
    const changed = tenMegabytes.slice();
    changed[CONTENT_HASH_BLOCK_BYTES + 5] = changed[CONTENT_HASH_BLOCK_BYTES + 5]! ^ 1;
    expect(await contentHashOf(changed)).not.toBe(await contentHashOf(tenMegabytes));
  });
});
