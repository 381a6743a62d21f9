// Export of the vendor inventory as CSV or XLSX, streamed as it is read: the response starts at
// once and memory stays flat however many vendors there are.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../../db/client';
import { requireOrg } from '../../orgs/orgs.routes';
import { ALL_ROLES } from '../../shared/http';
import { csvLine, EXPORT_HEADERS, type ExportCell, inventoryRows } from './inventory-export';

const READ = { kind: 'org', roles: ALL_ROLES } as const;

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function* csvChunks(rows: AsyncIterable<ExportCell[]>): AsyncGenerator<string> {
  // The byte order mark makes Excel read the file as UTF-8 (names with accents stay intact).
  yield `\uFEFF${csvLine(EXPORT_HEADERS)}`;
  let chunk = '';
  for await (const row of rows) {
    chunk += csvLine(row);
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes the workbook into a stream as rows arrive; each row is committed (flushed) once added. */
function xlsxStream(rows: AsyncIterable<ExportCell[]>): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Vendor inventory', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header) => ({
    header,
    width: Math.min(40, Math.max(12, header.length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((err: Error) => out.destroy(err));
  return out;
}

export function vendorExportRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/vendors/export',
      {
        config: { access: READ },
        schema: {
          tags: ['vendors'],
          summary:
            'The whole vendor inventory as CSV or XLSX, one row per service, with formulas neutralized',
          params: z.object({ orgId: z.string() }),
          querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const { format } = request.query;
        const rows = inventoryRows(db, orgId);
        const filename = `vendor-inventory-${new Date().toISOString().slice(0, 10)}.${format}`;
        reply
          .header('content-type', CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store');
        return reply.send(format === 'csv' ? Readable.from(csvChunks(rows)) : xlsxStream(rows));
      },
    );
  };
}
