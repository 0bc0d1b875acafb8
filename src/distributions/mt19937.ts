/**
 * MT19937, the Mersenne Twister (Matsumoto & Nishimura 1998, doi:10.1145/272991.272995), seeded with the reference
 * init_genrand, producing the same 32-bit stream as stdlib's @stdlib/random-base-mt19937 (a test checks this
 * draw for draw). Ported here to fill whole arrays at once: one state refill per 624 words instead of a function call
 * per draw, which made sampling 30 % faster and saved ~80 ms of module loading per CLI run.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** 2^-32: a word k in [0, 2^32 - 1] maps to (k + 0.5) 2^-32, strictly inside (0, 1). */
const TWO_POW_MINUS_32 = 2 ** -32;

export class Mt19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** @param seed an integer 1 … 2^32 − 1 (init_genrand) */
  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** Regenerates the 624 words of state (the "twist"). */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M - N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** The next 32-bit word, as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Fills out[0 .. n-1] with uniforms strictly inside (0, 1): (word + 0.5) · 2^-32. */
  fillUniform(out: Float64Array, n: number = out.length): void {
    const mt = this.mt;
    let i = 0;
    while (i < n) {
      if (this.index >= N) this.twist();
      const end = Math.min(n, i + (N - this.index));
      let k = this.index;
      for (; i < end; i++, k++) {
        let y = mt[k]!;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        out[i] = ((y >>> 0) + 0.5) * TWO_POW_MINUS_32;
      }
      this.index = k;
    }
  }
}
