// A file's fingerprint, made while it is read. WebCrypto digests only bytes held whole, and a dropped
// 110 MB report is never held whole (see readReportStream's ByteSource), so the file is hashed in
// blocks: the SHA-256 of the SHA-256 of each 4 MiB block, in order — Dropbox's documented
// "content hash" scheme. Each block's digest runs on WebCrypto's own thread while parsing goes on.

/** Dropbox content-hash block size. */
export const CONTENT_HASH_BLOCK_BYTES = 4 * 1024 * 1024;

export class ContentHasher {
  /** Bytes taken so far. */
  length = 0;
  private readonly digests: Promise<ArrayBuffer>[] = [];
  /** Digests known to have finished (see settle). */
  private settled = 0;
  /** A block being filled when slices do not fall on block boundaries. */
  private partial: Uint8Array | null = null;
  private partialLength = 0;

  /** Takes the file's next bytes (any slicing; WebCrypto copies what it is given). */
  update(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.partialLength === 0 && bytes.length - at >= CONTENT_HASH_BLOCK_BYTES) {
        this.digests.push(digest(bytes.subarray(at, at + CONTENT_HASH_BLOCK_BYTES)));
        at += CONTENT_HASH_BLOCK_BYTES;
        continue;
      }
      this.partial ??= new Uint8Array(CONTENT_HASH_BLOCK_BYTES);
      const take = Math.min(bytes.length - at, CONTENT_HASH_BLOCK_BYTES - this.partialLength);
      this.partial.set(bytes.subarray(at, at + take), this.partialLength);
      this.partialLength += take;
      at += take;
      if (this.partialLength === CONTENT_HASH_BLOCK_BYTES) this.flush();
    }
    this.length += bytes.length;
  }

  /**
   * Waits until at most `pending` block digests are still running. WebCrypto copies each block it is
   * given, so a caller whose reads return at once (bytes already in memory) would otherwise hold a
   * copy of the whole file until the digests catch up.
   */
  async settle(pending: number): Promise<void> {
    while (this.digests.length - this.settled > pending) await this.digests[this.settled++];
  }

  /** The hash, as 64 lowercase hex digits. */
  async hex(): Promise<string> {
    this.flush();
    const blockDigests = await Promise.all(this.digests);
    const joined = new Uint8Array(blockDigests.length * 32);
    blockDigests.forEach((d, i) => joined.set(new Uint8Array(d), i * 32));
    return hexOf(new Uint8Array(await digest(joined)));
  }

  private flush(): void {
    if (this.partialLength === 0) return;
    this.digests.push(digest(this.partial!.subarray(0, this.partialLength)));
    this.partial = null;
    this.partialLength = 0;
  }
}

function digest(bytes: Uint8Array): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
}

function hexOf(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The content hash of bytes in memory. */
export function contentHashOf(bytes: Uint8Array): Promise<string> {
  const hasher = new ContentHasher();
  hasher.update(bytes);
  return hasher.hex();
}
