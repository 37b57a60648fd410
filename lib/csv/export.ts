import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return)
 * is prefixed with an apostrophe: an enquiry can't turn the gallery's export into an attack.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV for a spreadsheet (a byte-order mark and the header first, Windows line ends). An export
 * made in parts passes `{ continuing: true }` for every part after the first: no mark, no header.
 */
export function toCsv<Row extends Record<string, string>>(
  rows: Row[],
  columns: ReadonlyArray<keyof Row & string>,
  { continuing = false }: { continuing?: boolean } = {},
): string {
  return stringify(
    rows.map((row) => columns.map((column) => neutraliseFormula(row[column] ?? ""))),
    {
      header: !continuing,
      columns: columns.map((column) => ({ key: column, header: column })),
      bom: !continuing,
      record_delimiter: "windows",
    },
  );
}
