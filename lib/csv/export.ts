import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return)
 * is prefixed with an apostrophe: an enquiry can't turn the gallery's export into an attack.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv<Row extends Record<string, string>>(rows: Row[], columns: Array<keyof Row & string>): string {
  return stringify(
    rows.map((row) => columns.map((column) => neutraliseFormula(row[column] ?? ""))),
    { header: true, columns: columns.map((column) => ({ key: column, header: column })), bom: true, record_delimiter: "windows" },
  );
}
