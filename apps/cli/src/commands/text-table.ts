// Plain aligned text tables and Markdown tables for command output, with no dependencies.

const MAX_CELL = 70;

function clip(cell: string): string {
  const flat = cell.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Tables wrap their last column to stay within this many characters, where they can. */
const TABLE_WIDTH = 120;
/** The last column keeps at least this much room before it wraps. */
const MIN_LAST_COLUMN = 30;

/**
 * Columns padded to their widest cell, a header row and a rule under it. The last column is never
 * clipped: when a row would pass the table width, it wraps under its own column.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const last = header.length - 1;
  const cells = [header, ...rows].map((row) => row.map((cell, c) => (c < last ? clip(cell) : cell)));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const lastStart = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const lastWidth = Math.max(MIN_LAST_COLUMN, TABLE_WIDTH - lastStart);
  const line = (row: readonly string[]) => {
    const lead = row.slice(0, last).map((cell, c) => cell.padEnd(widths[c] ?? 0));
    // Wrapped as if it started at its column, then the first line's indent is dropped.
    const tail = wrapText(row[last] ?? '', lastStart + lastWidth, ' '.repeat(lastStart)).slice(lastStart);
    return [...lead, tail].join('  ').trimEnd();
  };
  const rule = widths.map((w, c) => '-'.repeat(c === last ? Math.min(w, lastWidth) : w)).join('  ');
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}

function escapeMarkdown(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (row: readonly string[]) => `| ${row.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

/**
 * Word-wraps a paragraph to `width` columns: the first line starts with `indent`, the rest with
 * `hangingIndent`. Words longer than a line are left whole.
 */
export function wrapText(text: string, width: number, indent = '', hangingIndent = indent): string {
  const lines: string[] = [];
  let line = indent;
  let lineHasWords = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (lineHasWords && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hangingIndent;
      lineHasWords = false;
    }
    line += lineHasWords ? ` ${word}` : word;
    lineHasWords = true;
  }
  lines.push(line);
  return lines.join('\n');
}
