// Plain aligned text tables and Markdown tables for command output, with no dependencies.

const MAX_CELL = 70;

function clip(cell: string): string {
  const flat = cell.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Columns padded to their widest cell, a header row and a rule under it. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // The last column is left whole: nothing follows it that it could push out of line.
  const cells = [header, ...rows].map((row) =>
    row.map((cell, c) => (c < row.length - 1 ? clip(cell) : cell)),
  );
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
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
