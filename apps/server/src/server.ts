// Starts SMART: opens the database, migrates it, and listens.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { deleteExpiredSessions } from './auth/sessions';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, loadDemo } from './demo/demo';
import { warmImportWorker } from './vendors/import/run-in-worker';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

export async function startServer(config: Config, opts: { demo?: boolean } = {}): Promise<RunningServer> {
  const database = await openAndMigrate(config);
  if (opts.demo) {
    const demo = await loadDemo(database.db);
    console.log(
      demo.created
        ? `Loaded the demo organization "Riverbend Community Hospital". Sign in as ${DEMO_ADMIN_EMAIL} with the password "${DEMO_PASSWORD}".`
        : `The demo organization is already loaded. Sign in as ${DEMO_ADMIN_EMAIL} with the password "${DEMO_PASSWORD}".`,
    );
  }
  const { app } = await buildApp(database.db, config);
  await deleteExpiredSessions(database.db, config);
  await app.listen({ port: config.port, host: config.host });
  // Ready before the first spreadsheet upload needs it.
  warmImportWorker();
  const url = `http://localhost:${config.port}`;
  return {
    app,
    database,
    url,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
