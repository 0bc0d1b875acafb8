// The registers' CSV reading: one clear message for each way a file is unreadable, a byte-order mark ignored.
import { describe, expect, test } from "vitest";
import { parseCsvRecords } from "../../src/io/parseCsv";
import { parseComparisonCsv } from "../../src/register/readComparison";

describe("parseCsvRecords", () => {
  test("header trimmed, byte-order mark dropped, data rows after the header", () => {
    expect(parseCsvRecords("\uFEFFa, b\n1,2\n\n3,4\n", "f.csv", "a and b")).toEqual({
      header: ["a", "b"],
      rows: [
        ["1", "2"],
        ["3", "4"],
      ],
    });
  });

  test("empty, semicolon-separated and ragged files each get one message naming the file", () => {
    expect(() => parseCsvRecords("", "f.csv", "the columns a, b")).toThrow(/f\.csv: is empty; expected a header row with the columns a, b/);
    expect(() => parseCsvRecords("a;b\n1;2\n", "f.csv", "a, b")).toThrow(/f\.csv: looks semicolon-separated .*save it comma-separated/);
    expect(() => parseCsvRecords("a,b\n1,2,3\n", "f.csv", "a, b")).toThrow(/f\.csv: cannot be read as CSV \(line 2\)/);
  });

  test("the comparison register gets the semicolon message too (it shares the reader with the agreement register)", () => {
    expect(() => parseComparisonCsv("doctor_id;kommunenr\n", "sammenligning.csv")).toThrow(/sammenligning\.csv: looks semicolon-separated/);
  });
});
