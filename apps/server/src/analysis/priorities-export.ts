// The prioritized vendor list as a file: CSV, XLSX or PDF, each with its TLP marking and the
// weights the ranking used, so a copy that leaves the product still says how it may be shared and
// how it was made. Text cells go through the inventory export's safeCell: a vendor's name cannot
// become a spreadsheet formula.
import { createRequire } from 'node:module';
import { SCORE_FACTORS, type ScoreWeights, type Tlp, type VendorPriority } from '@smart/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../vendors/import/safe-cell';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface PrioritiesDocument {
  title: string;
  /** When the list was computed (now, or the snapshot's time). */
  asOf: string;
  tlp: Tlp;
  weights: ScoreWeights;
  options: { workarounds: string; horizonHours: number };
  priorities: VendorPriority[];
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export const EXPORT_HEADERS = [
  'Rank',
  'Vendor',
  'Score',
  'Functions taken down',
  'Functions dependent',
  'Worst impact',
  'Why',
] as const;

/** What TLP 2.0 says each marking means, for the line under the marking. */
const TLP_MEANING: Record<Tlp, string> = {
  CLEAR: 'Disclosure is not limited.',
  GREEN: 'Limited disclosure, recipients can spread this within their community.',
  AMBER:
    'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.',
  'AMBER+STRICT': 'Limited disclosure, restricted to the recipient organization only.',
  RED: 'For the eyes and ears of individual recipients only, no further disclosure.',
};

/** TLP 2.0 colours: the marking's text colour, on black. */
const TLP_COLOUR: Record<Tlp, string> = {
  CLEAR: '#FFFFFF',
  GREEN: '#33FF00',
  AMBER: '#FFC000',
  'AMBER+STRICT': '#FFC000',
  RED: '#FF2B2B',
};

/** The factors as the prioritized list's page names them. */
const FACTOR_NAMES: Record<(typeof SCORE_FACTORS)[number], string> = {
  blastRadius: 'functions it stops',
  impact: 'worst harm',
  noMitigation: 'no backup or workaround',
  phi: 'patient data it holds',
  sectorConcentration: 'sector concentration',
};

export const weightsText = (weights: ScoreWeights) =>
  SCORE_FACTORS.map((f) => `${FACTOR_NAMES[f]} ${weights[f]}`).join(', ');

const worstText = (p: VendorPriority) =>
  p.worst
    ? `${p.worst.levelName} ${p.worst.dimensionLabel.toLowerCase()} impact on ${p.worst.functionLabel}`
    : 'none';

/** The rows, in rank order, as cells (numbers stay numbers). */
export function priorityRows(priorities: readonly VendorPriority[]): (string | number)[][] {
  return priorities.map((p) => [
    p.rank,
    p.vendor.label,
    p.score,
    p.functionsTakenDown.length,
    p.functionsDependent,
    worstText(p),
    p.explanation.join(' '),
  ]);
}

const safeRow = (row: readonly (string | number)[]) =>
  row.map((cell) => (typeof cell === 'number' ? cell : safeCell(cell)));

function csvLine(values: readonly (string | number)[]): string {
  return `${values
    .map((value) => {
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}

const about = (doc: PrioritiesDocument) =>
  `${doc.title}, as of ${doc.asOf.slice(0, 16).replace('T', ' ')} UTC. Weights: ${weightsText(doc.weights)}. Outage assumed: ${doc.options.horizonHours} hours, workarounds ${doc.options.workarounds === 'count' ? 'counted' : 'ignored'}.`;

/** CSV: the marking first (a comment row), then what the list is, then the header and the rows. */
export function prioritiesCsv(doc: PrioritiesDocument): Buffer {
  let text = `\uFEFF# TLP:${doc.tlp} ${TLP_MEANING[doc.tlp]}\r\n`;
  text += csvLine([safeCell(`# ${about(doc)}`)]);
  text += csvLine(EXPORT_HEADERS);
  for (const row of priorityRows(doc.priorities)) text += csvLine(safeRow(row));
  return Buffer.from(text, 'utf8');
}

/** XLSX: the marking in the sheet's name, its first row, and its header and footer when printed. */
export async function prioritiesXlsx(doc: PrioritiesDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(doc.asOf);
  const sheet = workbook.addWorksheet(`TLP ${doc.tlp.replace('+', ' ')} Prioritized vendors`.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.headerFooter.oddHeader = `&C&"Helvetica,Bold"TLP:${doc.tlp}`;
  sheet.headerFooter.oddFooter = `&LTLP:${doc.tlp}&RPage &P of &N`;
  const marking = sheet.addRow([`TLP:${doc.tlp}`, TLP_MEANING[doc.tlp]]);
  marking.font = { bold: true };
  marking.getCell(1).font = { bold: true, color: { argb: `FF${TLP_COLOUR[doc.tlp].slice(1)}` } };
  marking.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000000' } };
  sheet.addRow([safeCell(about(doc))]);
  const header = sheet.addRow([...EXPORT_HEADERS]);
  header.font = { bold: true };
  for (const row of priorityRows(doc.priorities)) sheet.addRow(safeRow(row));
  const widths = [7, 32, 8, 12, 12, 40, 90];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
}

let pdfmakeInstance: PdfMake | undefined;
/** pdfmake with PDF's built-in Helvetica (no font files) and no access to files or URLs. */
function pdfmake(): PdfMake {
  if (pdfmakeInstance) return pdfmakeInstance;
  const instance = createRequire(import.meta.url)('pdfmake') as PdfMake;
  const helvetica = {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  };
  instance.setFonts({ Helvetica: helvetica });
  // pdfmake asks the policy about font names too: the built-in ones are allowed, nothing else.
  const builtIn = new Set(Object.values(helvetica));
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => builtIn.has(path));
  pdfmakeInstance = instance;
  return instance;
}

/**
 * The standard fonts cover Windows-1252 only: the map path's arrows become '<-', other characters
 * are replaced rather than lost silently.
 */
const printable = (text: string) =>
  text
    .replace(/\u2190/g, '<-')
    .replace(/\u2192/g, '->')
    .replace(/[^\t\n\r -~\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');

/** PDF (A4 landscape): the marking at the top and the bottom of every page, in TLP 2.0 colours. */
export async function prioritiesPdf(doc: PrioritiesDocument): Promise<Buffer> {
  const marking = (alignment: 'right' | 'left') => ({
    margin: [40, 14, 40, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          body: [[{ text: `TLP:${doc.tlp}`, bold: true, color: TLP_COLOUR[doc.tlp], fillColor: '#000000' }]],
        },
        layout: 'noBorders',
      },
    ],
    alignment,
  });
  const body = [
    EXPORT_HEADERS.map((h) => ({ text: h, bold: true })),
    ...priorityRows(doc.priorities).map((row) => row.map((cell) => printable(String(cell)))),
  ];
  const definition = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 8 },
    info: { title: `${doc.title} (TLP:${doc.tlp})`, subject: `TLP:${doc.tlp}` },
    header: () => marking('right'),
    footer: (page: number, pages: number) => ({
      margin: [40, 14, 40, 0],
      columns: [
        {
          width: 'auto',
          table: {
            body: [
              [{ text: `TLP:${doc.tlp}`, bold: true, color: TLP_COLOUR[doc.tlp], fillColor: '#000000' }],
            ],
          },
          layout: 'noBorders',
        },
        { width: '*', text: `Page ${page} of ${pages}`, alignment: 'right' },
      ],
    }),
    content: [
      { text: printable(doc.title), fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      { text: printable(TLP_MEANING[doc.tlp]), italics: true, margin: [0, 0, 0, 4] },
      { text: printable(about(doc)), margin: [0, 0, 0, 8] },
      {
        table: { headerRows: 1, widths: [24, 100, 30, 45, 45, 120, '*'], body },
        layout: 'lightHorizontalLines',
      },
    ],
  };
  return pdfmake().createPdf(definition).getBuffer();
}

export async function prioritiesFile(doc: PrioritiesDocument, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return prioritiesCsv(doc);
  if (format === 'xlsx') return prioritiesXlsx(doc);
  return prioritiesPdf(doc);
}
