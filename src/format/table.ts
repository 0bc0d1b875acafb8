/** A formatted table (caption, headers, rows of text or numbers): what tables for notebooks, reports and sheets share. */

export interface Table {
  caption?: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  /** Columns (by index) to right-align; numbers are right-aligned by default. */
  alignRight?: number[];
}
