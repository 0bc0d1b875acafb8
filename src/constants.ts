/**
 * Tuning constants of the library in one place (never inline): default run size, seeds, numerical grids.
 * Numbers from the world (takster, the 65 cap, 500 000 kr) are NOT here: they live in data/ with their sources.
 */

/** Default number of Monte Carlo draws when neither the scenario nor the CLI gives one. */
export const DEFAULT_DRAWS = 100_000;

/** Most draws a run may ask for: the net cost and its sorted copy take 16 bytes a draw (320 MB at this limit). */
export const MAX_DRAWS = 20_000_000;

/** Sanity limits on inputs with no natural maximum, so that a typo (1e308) is refused instead of overflowing to NaN. */
export const MAX_COUNT_INPUT = 1_000_000;
export const MAX_AMOUNT_INPUT_NOK = 1_000_000_000;

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

/** Tornado swing: each uncertain input is moved between these quantiles with the others at their central value. */
export const TORNADO_LOW_QUANTILE = 0.1;
export const TORNADO_HIGH_QUANTILE = 0.9;

/** Fewer draws than this gives unstable P85/P90; the library warns (once) when a run uses fewer. */
export const MIN_RECOMMENDED_DRAWS = 10_000;

/** Cells at each end of a tabulated quantile where the exact quantile is used instead of interpolation. */
export const QUANTILE_TAIL_CELLS = 64;

/** PERT inverse CDFs kept in memory (memoised per lav/mode/hoy; the tornado and the sampler share them). */
export const PERT_MEMO_MAX = 512;

/** A party's net effect below −0.5 kr counts as a loss (øre rounding noise is not a loss). */
export const LOSS_THRESHOLD_NOK = -0.5;

/**
 * Privacy rule of the product (DESIGN.md): any table or chart published from person-level data suppresses cells
 * with fewer than this many persons.
 */
export const MIN_CELL_PERSONS = 5;

/** Bins of the cost histogram in charts. */
export const HISTOGRAM_BINS = 60;

/** Show a progress bar on a terminal only for runs at least this large (draws). */
export const PROGRESS_MIN_DRAWS = 200_000;

/** Sobol samples N in `introsim run` (N × (factors + 2) cost evaluations, about 0.3 s; indices to about ±0.03). */
export const RUN_SOBOL_SAMPLES = 4096;

/** Replications of the slot simulation and the budget projection in `introsim run`. */
export const RUN_REPLICATIONS = 2000;

/** Claims validation: how many offending row numbers are reported per rejection reason. */
export const CLAIM_VALIDATION_FIRST_ROWS = 5;

/**
 * Claims estimator: months before an agreement's start used as its baseline (and shown as pre-trend coefficients).
 * Twelve months cover a whole seasonal cycle (July holidays, Christmas), so the baseline is not a season.
 */
export const CLAIMS_PRE_WINDOW_MONTHS = 12;

/** An agreement needs at least this many months of claims before its start to get a baseline; fewer and it is left out (reported). */
export const CLAIMS_MIN_PRE_MONTHS = 3;

/** Default bootstrap replications of the claims estimator (999 makes the 2.5 % and 97.5 % points fall on draws). */
export const DEFAULT_BOOTSTRAP = 999;

/** Most bootstrap replications a run may ask for. */
export const MAX_BOOTSTRAP = 100_000;

/** Simulation draws behind the claims estimate's comparison with the cost model (P10–P90 and percentile rank). */
export const CLAIMS_SIMULATION_DRAWS = 20_000;

/** DuckDB memory cap while `claims generate` writes Parquet (it spills or flushes instead of growing past it). */
export const CLAIMS_GENERATOR_MEMORY_LIMIT = "1GB";
