/**
 * Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4; the zeroin algorithm): a
 * root of f on a bracket [a, b] with f(a) and f(b) of opposite signs, combining bisection (always safe) with secant
 * and inverse quadratic interpolation (fast near a smooth root). Hand-written: no well-kept CommonJS package on the
 * npm registry provides a bracketing root finder (stdlib has none), and the algorithm is 40 lines.
 */

export interface RootResult {
  root: number;
  /** f at the root. */
  value: number;
  iterations: number;
}

/**
 * @param xTol absolute tolerance on the root (the result is within xTol + 4 ε |root| of a true sign change)
 * @throws Error when f(a) and f(b) have the same sign (callers bracket first: see bracketRoot)
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, xTol: number, maxIterations = 200): RootResult {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { root: a, value: 0, iterations: 0 };
  if (fb === 0) return { root: b, value: 0, iterations: 0 };
  if (fa * fb > 0) throw new Error(`brentRoot: f(${a}) and f(${b}) have the same sign`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let it = 1; it <= maxIterations; it++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + xTol / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return { root: b, value: fb, iterations: it };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two points are distinct, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { root: b, value: fb, iterations: maxIterations };
}

/**
 * Brackets of sign changes of f sampled at xs (ascending): [xs[i], xs[i + 1]] where f changes sign or hits 0.
 * `ys` are f(xs) computed by the caller (in one batch).
 */
export function signChanges(xs: ArrayLike<number>, ys: ArrayLike<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const y0 = ys[i]!;
    const y1 = ys[i + 1]!;
    if (y0 === 0) out.push([xs[i]!, xs[i]!]);
    else if (y0 * y1 < 0) out.push([xs[i]!, xs[i + 1]!]);
  }
  const last = xs.length - 1;
  if (last >= 0 && ys[last] === 0) out.push([xs[last]!, xs[last]!]);
  return out;
}
