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
 * Monte Carlo threads (src/cost/monteCarlo.ts): by default the machine's cores, at most MC_MAX_THREADS. Without an
 * explicit thread count a run of fewer than MC_PARALLEL_MIN_CHUNKS chunks stays in the main thread: a worker's start
 * (thread, modules, tables, compiling the kernel) cost 0.4–0.6 s of CPU on a loaded 2-core machine (2026-11-27), more
 * than it saves on 1 M draws (16 chunks, ~0.8 s of CPU in one thread). Results are the same for any thread count.
 */
export const MC_MAX_THREADS = 8;
export const MC_PARALLEL_MIN_CHUNKS = 32;
/** Chunks of uniforms the main thread may draw ahead of the one it adds up next, per worker (memory: 8 bytes × inputs × CHUNK_SIZE each). */
export const MC_CHUNKS_AHEAD_PER_THREAD = 2;
/** A worker that sends nothing for this long is taken as dead (the run fails instead of waiting for ever). */
export const MC_WORKER_STALL_MS = 600_000;

/** Bands of whole numbers up to this (counts of slots, doctors, months) are sorted by counting (src/allocation/simulateSlots.ts). */
export const BAND_COUNTING_MAX = 100_000;

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

/**
 * Sobol samples N in `introsim run` (N × (factors + 2) cost evaluations, about 0.3 s). Measured 95 % bootstrap
 * half-widths for the standard scenario (2026-11-27): total-effect indices ±0.002 on average and ±0.02 at most,
 * first-order ±0.016 on average but ±0.10 for the leading input (substitutionShare); the report prints every interval.
 * Narrowing the leading first-order index to ±0.03 takes N ≈ 44 000 (half-width ∝ 1/√N), 11 × the cost.
 */
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

/**
 * Largest refusjon_ore or egenandel_ore one claim line may carry: 10^10 øre = 100 million kr, far above any takst. A
 * larger value is rejected and counted (amount_out_of_range); the bound also keeps sums of up to 9·10^8 lines inside
 * a 64-bit integer, so no total can overflow.
 */
export const MAX_CLAIM_LINE_ORE = 10_000_000_000;

/**
 * A claim line's amount per use disagrees with the dated normaltariff when it lies outside the tariff's range (lav –
 * høy of a trippelestimat, or the one value) widened by this share on each side, plus 1 kr for rounding.
 */
export const CLAIMS_TARIFF_TOLERANCE = 0.02;

/** Inferred practice periods: this many months in a row without claims end a doctor's period (--period-gap). */
export const CLAIMS_PERIOD_GAP_MONTHS = 3;

/** Longest baseline (--baseline-months) and anticipation window (--anticipation-months) the estimator accepts. */
export const CLAIMS_MAX_BASELINE_MONTHS = 36;
export const CLAIMS_MAX_ANTICIPATION_MONTHS = 12;

/**
 * Levels of the two pre-trend tests: the t test of a linear trend over the baseline and placebo months, and the joint
 * Wald test of the binned baseline coefficients. If either rejects, the estimate carries a warning and the sensitivity
 * bounds come first; by Bonferroni the two together warn in at most 3 % of extracts where parallel trends hold. Stricter
 * than the customary 5 % because a warning demotes the headline; most of the level goes to the linear test, aimed at
 * the violation that biases a two-year estimate most. Chosen after bench/claims-worlds.mjs at 1 M lines (20 seeds): a
 * +0.2 %/month differential trend gave linear p ≤ 0.014 in every seed, and the clean world's p below 0.025 in 2 seeds.
 */
export const CLAIMS_PRETREND_ALPHA_LINEAR = 0.02;
export const CLAIMS_PRETREND_ALPHA_JOINT = 0.01;

/**
 * Months before the start (before the anticipation window) with event-study coefficients: the baseline and, before
 * it, placebo months against the same baseline. The linear pre-trend test and the smoothness bounds fit their line over
 * all of them (24 months give a slope about 2.8 times as precise as the 12-month baseline alone); the joint test and
 * the relative-magnitude bounds look at the baseline only. Fewer when the extract starts later.
 */
export const CLAIMS_PRETREND_MONTHS = 24;

/** Baseline months per bin of the joint pre-trend test (a quarter: four bins over a 12-month baseline). */
export const CLAIMS_PRETREND_BIN_MONTHS = 3;

/** M̄ of the sensitivity bounds (Rambachan & Roth 2023): post-start deviation up to M̄ × the largest pre-start one. */
export const CLAIMS_SENSITIVITY_MBAR = [0, 0.5, 1, 2] as const;

/**
 * M of the smoothness bounds (Rambachan & Roth's Δ^SD): each month the slope of the deviation from parallel trends may
 * change by up to this share of the avgivende doctors' baseline cost per doctor-month. 0 = the pre-trend continues as a
 * straight line; 0.02 % a month moves a two-year agreement's net by about ± 40 000 kr in the synthetic world (baseline about 70 000 kr per doctor-month).
 */
export const CLAIMS_SMOOTHNESS_M_SHARES = [0, 0.0001, 0.0002, 0.0005] as const;

/** Default bootstrap replications of the claims estimator (999 makes the 2.5 % and 97.5 % points fall on draws). */
export const DEFAULT_BOOTSTRAP = 999;

/** Most bootstrap replications a run may ask for. */
export const MAX_BOOTSTRAP = 100_000;

/** Simulation draws behind the claims estimate's comparison with the cost model (P10–P90 and percentile rank). */
export const CLAIMS_SIMULATION_DRAWS = 20_000;

/** DuckDB memory cap while `claims generate` writes Parquet (it spills or flushes instead of growing past it). */
export const CLAIMS_GENERATOR_MEMORY_LIMIT = "1GB";

/** DuckDB memory cap of `claims estimate` (above it DuckDB spills to the run's own folder; the goal is < 4 GiB peak at 100 M lines). */
export const CLAIMS_ESTIMATE_MEMORY_LIMIT = "2GB";

/**
 * Largest input file read per kind (bytes), so that a wrong or hostile file is refused at once instead of filling
 * memory or taking seconds. A scenario, policy or parameter file is a few kilobytes (standard.yaml: 11 KB); 64 KiB
 * still holds an empirical distribution of about 8 000 values, and the YAML parser reads it in well under a second
 * (about 13 µs a byte). A register or applications CSV of 100 000 rows is about 15 MB. INTROSIM_MAX_INPUT_MB (or the
 * global --max-input-mb) raises every limit.
 */
export const MAX_INPUT_BYTES = { yaml: 64 * 1024, csv: 16 * 1024 * 1024 } as const;

/** YAML: aliases (*name) expanded per file at most (an alias bomb is refused) and nesting depth at most. */
export const YAML_MAX_ALIAS_COUNT = 100;
export const YAML_MAX_DEPTH = 64;

/** A date flag (--as-of, --fixed-prices) outside this range is a typo; refused naming the flag before any data lookup. */
export const FLAG_DATE_MIN = "2000-01-01";
export const FLAG_DATE_MAX = "2099-12-31";

/** Longest month horizon of a slot simulation by --months: 20 years, the limit of allocation.months in a scenario. */
export const MAX_SIMULATION_MONTHS = 240;

/** Correlations (issue 19): a correlation matrix counts as positive semi-definite when its smallest eigenvalue is at least −this. */
export const CORRELATION_PSD_TOLERANCE = 1e-10;

/** Nearest correlation matrix (Higham 2002): stop when an iteration moves the matrix less than this (relative Frobenius), or after this many. */
export const NEAREST_CORRELATION_TOLERANCE = 1e-10;
export const NEAREST_CORRELATION_MAX_ITERATIONS = 500;

/**
 * Shapley effects (Song, Nelson & Staum 2016): random permutations, outer and inner samples per conditional variance
 * (N_O = 1, N_I = 3 as the paper recommends; spend the budget on permutations), and draws for the total variance.
 */
export const SHAPLEY_PERMUTATIONS = 4000;
export const SHAPLEY_OUTER_SAMPLES = 1;
export const SHAPLEY_INNER_SAMPLES = 3;
export const SHAPLEY_VARIANCE_DRAWS = 100_000;

/** --precision: draws of the first block, and the largest number of rounds before giving up (each round sizes the next from the half-width). */
export const PRECISION_BLOCK_DRAWS = 50_000;
export const PRECISION_MAX_ROUNDS = 6;

/** Two-sided 95 % normal quantile used for Monte Carlo half-widths (1.959964 = Φ⁻¹(0.975)). */
export const Z_95 = 1.959963984540054;

/**
 * Most replications of the slot simulation a command may ask for: its P10–P90 bands are stable to a slot at a few
 * thousand (`introsim run` uses RUN_REPLICATIONS), and memory grows with replications × months.
 */
export const MAX_REPLICATIONS = 100_000;

/**
 * Highest agreement-year a scenario may price (agreementYearIndex). One doctor's agreement lasts at most 24 FTE
 * months at 50 % or more (4 years) plus 12 months of leave, and a slot may get a second period: 10 years is beyond any
 * agreement the rules allow, so a larger index is a typo.
 */
export const MAX_AGREEMENT_YEAR_INDEX = 10;

/**
 * A parameter folder (--params) holds a few dozen files two levels deep (data/params: 29 files). Walking stops past
 * these bounds, so `--params /` is refused at once instead of reading the whole disk.
 */
export const MAX_PARAM_FOLDER_ENTRIES = 5_000;
export const MAX_PARAM_FOLDER_DEPTH = 8;
