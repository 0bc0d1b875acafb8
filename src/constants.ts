/**
 * Tuning constants of the library in one place (never inline): default run size, seeds, numerical grids.
 * Numbers from the world (takster, the 65 cap, 500 000 kr) are NOT here: they live in data/ with their sources.
 */

/** Default number of Monte Carlo draws when neither the scenario nor the CLI gives one. */
export const DEFAULT_DRAWS = 100_000;

/** Default seed when neither the scenario nor the CLI gives one. */
export const DEFAULT_SEED = 20220101;

/** Draws processed per chunk: bounds memory (inputs are sampled chunk by chunk) and paces progress reports. */
export const CHUNK_SIZE = 65_536;

/**
 * Intervals in the tabulated inverse CDF used for sampling (see src/distributions/sampler.ts). With 2^14 intervals the
 * linear-interpolation error is below 1e-6 of the range for the distributions we use (tested).
 */
export const QUANTILE_GRID_INTERVALS = 16_384;

/**
 * Rank correlations are computed on at most this many draws: the standard error of a Spearman coefficient is
 * about 1/sqrt(n) = 0.01 here, below the differences between the inputs that matter (the leading drivers differ by
 * 0.05 or more in the default scenario), and it keeps 1 M-draw runs fast.
 */
export const RANK_CORRELATION_MAX_DRAWS = 10_000;

/** The percentiles every cost summary reports (P10, P50, P85 = the usual budget frame, P90). */
export const REPORTED_PERCENTILES = [0.1, 0.5, 0.85, 0.9] as const;

/** Tornado swing: each uncertain input is moved between these quantiles with the others at their central value. */
export const TORNADO_LOW_QUANTILE = 0.1;
export const TORNADO_HIGH_QUANTILE = 0.9;

/** Fewer draws than this gives unstable P85/P90; the library warns (once) when a run uses fewer. */
export const MIN_RECOMMENDED_DRAWS = 10_000;

/** Show a progress bar on a terminal only for runs at least this large (draws). */
export const PROGRESS_MIN_DRAWS = 200_000;
