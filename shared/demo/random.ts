// A small seeded pseudo-random generator for demo data: sfc32 (Chris Doty-Humphrey's Small Fast
// Counting generator), seeded through splitmix32 so nearby seeds give unrelated streams.
// Deterministic across platforms: only 32-bit integer arithmetic.

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/** splitmix32 step: a well-mixed 32-bit hash of `x`. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes several integers into one 32-bit seed (order matters). */
export function seedOf(...parts: number[]): number {
  let h = 0x2545f491;
  for (const part of parts) h = mix32(h ^ mix32(part | 0) ^ Math.floor(part / 2 ** 32));
  return h;
}

/** sfc32 seeded from one 32-bit integer. */
export function createRandom(seed: number): Random {
  let a = mix32(seed);
  let b = mix32(a ^ 0x6a09e667);
  let c = mix32(b ^ 0xbb67ae85);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A whole number in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A standard normal deviate (Box–Muller). */
export function randomNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
