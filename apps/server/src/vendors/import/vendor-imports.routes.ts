// Spreadsheet import of the vendor inventory over HTTP: upload, check (dry run), commit, status.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { actorOf, requireOrg } from '../../orgs/orgs.routes';
import { AppError, notFound } from '../../shared/errors';
import { isUuid } from '../../shared/http';
import { IMPORT_FIELD_IDS, type ImportField } from './mapping';
import { checkImport, commitImport, createImport, getImport, MAX_UPLOAD_BYTES } from './vendor-imports';

const KEEP = { kind: 'org', roles: ['admin', 'risk_lead', 'assessor', 'business_owner'] } as const;
const tags = ['vendors'];
const megabytes = MAX_UPLOAD_BYTES / (1024 * 1024);

const mappingBody = z.object({
  mapping: z.partialRecord(
    z.enum(IMPORT_FIELD_IDS as [ImportField, ...ImportField[]]),
    z.number().int().min(0).max(1000),
  ),
  /** Answers to the check's merge suggestions, by the suggestion's row; unanswered ones take their default. */
  merges: z
    .array(
      z.object({
        rowNumber: z.number().int().min(0),
        accept: z.boolean(),
        target: z.string().max(100).optional(),
      }),
    )
    .max(20_000)
    .default([]),
});
const importParams = z.object({ orgId: z.string(), importId: z.string() });

/** Commit progress of the imports running in this process, for the progress bar: total is 0 while
 * the rows are checked again, then the number of vendors and services to write. */
const progress = new Map<string, { done: number; total: number }>();

export function vendorImportRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

    const validImport = async (
      orgId: string,
      importId: string,
      mapping?: Partial<Record<string, number>>,
    ) => {
      if (!isUuid(importId)) throw notFound('Import');
      const summary = await withTenant(db, orgId, (tx) => getImport(tx, orgId, importId));
      for (const [field, column] of Object.entries(mapping ?? {})) {
        if (column !== undefined && column >= summary.headers.length) {
          throw new AppError('invalid_input', `The file has no column ${column + 1} for “${field}”.`, [
            { path: `body.mapping.${field}`, message: `the file has ${summary.headers.length} columns` },
          ]);
        }
      }
      return summary;
    };

    app.post(
      '/api/orgs/:orgId/vendor-imports',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: `Upload a CSV or XLSX file of vendors (at most ${megabytes} MB); returns what was read and a guessed column mapping`,
          consumes: ['multipart/form-data'],
          params: z.object({ orgId: z.string() }),
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        if (!request.isMultipart()) {
          throw new AppError(
            'invalid_input',
            'Send the file as multipart/form-data in a field named "file".',
          );
        }
        const file = await request.file();
        if (!file) throw new AppError('invalid_input', 'No file was sent: choose a CSV or XLSX file.');
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError(
              'payload_too_large',
              `The file is larger than ${megabytes} MB. Split it, or remove columns you do not import.`,
            );
          }
          throw err;
        }
        const summary = await createImport(
          db,
          orgId,
          actorOf(request.session),
          file.filename.slice(0, 255),
          bytes,
        );
        return reply.status(201).send(summary);
      },
    );

    app.get(
      '/api/orgs/:orgId/vendor-imports/:importId',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'An import: what was read, its status and, while committing, its progress',
          params: importParams,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const summary = await validImport(orgId, request.params.importId);
        const running = progress.get(summary.id);
        return { ...summary, ...(running ? { progress: running } : {}) };
      },
    );

    app.post(
      '/api/orgs/:orgId/vendor-imports/:importId/check',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary:
            'Dry run: check every row with a column mapping, and suggest merges of vendors already known; nothing is written',
          params: importParams,
          body: mappingBody,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const { id } = await validImport(orgId, request.params.importId, request.body.mapping);
        return checkImport(db, orgId, id, request.body.mapping, request.body.merges);
      },
    );

    app.post(
      '/api/orgs/:orgId/vendor-imports/:importId/commit',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Import every row in one transaction, or none if any row has a problem',
          params: importParams,
          body: mappingBody,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const { id } = await validImport(orgId, request.params.importId, request.body.mapping);
        progress.set(id, { done: 0, total: 0 });
        try {
          return await commitImport(
            db,
            orgId,
            actorOf(request.session),
            id,
            request.body.mapping,
            request.body.merges,
            (done, total) => progress.set(id, { done, total }),
          );
        } finally {
          progress.delete(id);
        }
      },
    );
  };
}
