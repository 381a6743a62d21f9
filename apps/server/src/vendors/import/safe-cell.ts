// Exported spreadsheets must not run what a vendor typed: a cell that a spreadsheet program would
// read as a formula (=, +, -, @, or a leading tab or carriage return) is written as text, with a
// leading apostrophe, as OWASP recommends against CSV injection.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text to write in an exported cell. Plain numbers keep their sign. */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}
