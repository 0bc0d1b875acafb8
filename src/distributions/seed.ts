/**
 * Seeds for the independent random streams of a run. Each uncertain input gets its own stream, seeded from the run
 * seed and the input's name (FNV-1a, 32 bit), so adding, removing or reordering inputs never changes the draws of
 * the others, and the same seed gives the same numbers bit for bit.
 */

/** FNV-1a 32-bit hash of a string (http://www.isthe.com/chongo/tech/comp/fnv/). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed (1 … 2^32 - 1, as MT19937 needs) of the stream named `name` in a run seeded with `runSeed`. */
export function streamSeed(runSeed: number, name: string): number {
  return fnv1a32(`${runSeed}\u0000${name}`) || 1;
}
