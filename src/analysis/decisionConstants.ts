/**
 * Settings of the decision analyses (break-even, iso-cost, value of information, appraisal) that are analysis
 * choices, not facts about the world: numerical resolutions and default sample sizes. Facts (the 500 000 kr
 * target, the discount rate, the 20 % tax-financing cost, the price index) are in data/params/.
 */

/** Range searched for an input with an unbounded distribution (normal, lognormal): its P0.5 to P99.5. */
export const PLAUSIBLE_LOW_QUANTILE = 0.005;
export const PLAUSIBLE_HIGH_QUANTILE = 0.995;

/** Points on the input's range where the sign of (cost − target) is checked before Brent refines a bracket. */
export const BREAK_EVEN_GRID_POINTS = 41;

/** Root tolerance as a share of the input's range (Brent's xTol = this × (high − low)). */
export const BREAK_EVEN_RELATIVE_TOLERANCE = 1e-9;

/** Draws of the other inputs behind a P50 break-even (common random numbers for every value tried). */
export const BREAK_EVEN_P50_DRAWS = 2_000;
/** Grid for the P50 (each point is a run over the draws): coarser, Brent refines the bracket. */
export const BREAK_EVEN_P50_GRID_POINTS = 11;

/** Iso-cost chart: values of the second input at which the contour is solved, and the shading grid per side. */
export const ISO_COST_CONTOUR_POINTS = 41;
export const ISO_COST_SHADING_CELLS = 16;
/** Draws of the other inputs behind each shaded cell's probability of exceeding the target. */
export const ISO_COST_SHADING_DRAWS = 1_000;

/** Draws used for the value of information (the first draws of the Monte Carlo run: same seed, same streams). */
export const VOI_DRAWS = 10_000;

/** Cubic B-spline regression for EVPPI (Strong, Oakley & Brennan 2014): interior knots for one input, per side for two. */
export const VOI_KNOTS_ONE_INPUT = 8;
export const VOI_KNOTS_TWO_INPUTS = 4;
/** Interior knots per input in the additive part of the regression for groups of three or more inputs. */
export const VOI_KNOTS_MANY_INPUTS = 3;
/** Ridge added to the normal equations, relative to their mean diagonal (numerical stability only). */
export const VOI_RIDGE = 1e-9;

/** Discount rates (real, per year) shown in the appraisal's sensitivity table besides the guidance's rate. */
export const APPRAISAL_SENSITIVITY_RATES = [0, 0.02, 0.03, 0.04, 0.05, 0.06] as const;
