// simulateSlots' band (counting sort for whole-number counts, issue 18) gives what stats/band gives, bit for bit.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { band } from "../../src/allocation/simulateSlots";
import { band as bandOfDraws } from "../../src/stats/band";

describe("band of counts", () => {
  test("equals stats/band for whole numbers 0 … 200 (counting path) and for any doubles (fallback)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 400 }), (xs) => {
        const v = Float64Array.from(xs);
        expect(band(v)).toStrictEqual(bandOfDraws(v));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: false }), { maxLength: 100 }), (xs) => {
        const v = Float64Array.from(xs);
        expect(band(v)).toStrictEqual(bandOfDraws(v));
      }),
    );
  });
});
