// Small helpers shared by the benchmarks: formatting and the median of repeated timings.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmtInt = (x) => Math.round(x).toLocaleString("en-US").replace(/,/g, " ");
export const fmtS = (x) => (x == null ? "–" : x.toFixed(3));
export const pad = (s, w) => String(s).padStart(w);
export const padR = (s, w) => String(s).padEnd(w);
export const say = (s = "") => process.stdout.write(`${s}\n`);
