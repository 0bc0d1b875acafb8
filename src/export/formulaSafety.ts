/**
 * Formula injection (CSV injection): a spreadsheet evaluates a cell whose text starts with "=", "+", "-" or "@" (and,
 * in some programs, after a tab or carriage return), so a scenario's reason or a kommune name such as
 * `=HYPERLINK("http://…")` or `@SUM(1+1)*cmd|' /C calc'!A0` would run when an analyst opens the export. OWASP's rule
 * (https://owasp.org/www-community/attacks/CSV_Injection): prefix such a text cell with a single quote, so it is shown
 * as text; in xlsx the cell is a string already (never a formula), and gets the text number format "@" so editing it
 * does not turn it into one.
 */

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** True when a text cell would be read as a formula by a spreadsheet. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** A text cell made inert for CSV: a leading single quote when it starts like a formula, else unchanged. */
export function neutraliseCsvText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
