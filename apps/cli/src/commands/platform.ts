// Commands that run or maintain an install: serve, migrate, export, import, audit verify.
import fs from 'node:fs';
import { type Config, loadConfig } from '@smart/server';
import { verifyAllChains } from '@smart/server/audit/verify-all';
import { openAndMigrate, startServer } from '@smart/server/server';
import { exportOrganization, importOrganization, parseExport } from '@smart/server/transfer/transfer';
import { type Command, Option } from 'commander';

interface DatabaseOptions {
  data?: string;
  databaseUrl?: string;
}

function withDatabaseOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--data <dir>', 'data folder of the embedded database').env('SMART_DATA_DIR'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL URL (instead of the embedded database)').env(
        'DATABASE_URL',
      ),
    );
}

function configFrom(opts: DatabaseOptions & { port?: string; host?: string }, logLevel?: string): Config {
  return loadConfig(process.env, {
    dataDir: opts.data,
    databaseUrl: opts.databaseUrl,
    port: opts.port ? Number(opts.port) : undefined,
    host: opts.host,
    logLevel,
  });
}

export function registerPlatform(program: Command): void {
  withDatabaseOptions(
    program
      .command('serve')
      .description('run the SMART web app and API')
      .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT'))
      .addOption(new Option('--host <host>', 'address to listen on').env('HOST'))
      .option('--demo', 'load the demo organization (Riverbend Community Hospital) if it is not there'),
  ).action(async (opts: DatabaseOptions & { port?: string; host?: string; demo?: boolean }) => {
    const config = configFrom(opts);
    const server = await startServer(config, { demo: opts.demo });
    const where =
      config.database.kind === 'pglite'
        ? `embedded database in ${server.database.location}`
        : `PostgreSQL ${server.database.location}`;
    console.log(`SMART is running on ${server.url} (${where}). Press Ctrl+C to stop.`);
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  withDatabaseOptions(program.command('migrate').description('bring the database schema up to date')).action(
    async (opts: DatabaseOptions) => {
      const database = await openAndMigrate(configFrom(opts, 'silent'));
      console.log(`Database at ${database.location} is up to date.`);
      await database.close();
    },
  );

  withDatabaseOptions(
    program
      .command('export')
      .description('write a whole organization as JSON to standard output')
      .requiredOption('--org <slug>', "the organization's address (slug)"),
  ).action(async (opts: DatabaseOptions & { org: string }) => {
    const database = await openAndMigrate(configFrom(opts, 'silent'));
    try {
      const doc = await exportOrganization(database.db, opts.org);
      process.stdout.write(`${JSON.stringify(doc, null, 1)}\n`);
    } finally {
      await database.close();
    }
  });

  withDatabaseOptions(
    program
      .command('import')
      .description('import an organization written by "smart export"')
      .argument('<file>', 'export file (- for standard input)'),
  ).action(async (file: string, opts: DatabaseOptions) => {
    const text = file === '-' ? fs.readFileSync(0, 'utf8') : readFile(file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    const doc = parseExport(json);
    const database = await openAndMigrate(configFrom(opts, 'silent'));
    try {
      const result = await importOrganization(database.db, doc);
      const counts = Object.entries(result.rows)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ');
      console.log(
        `Imported organization "${result.slug}" into ${database.location}: ${counts}; ` +
          `${result.usersCreated} accounts created, ${result.usersMatched} matched to existing accounts by email.`,
      );
    } finally {
      await database.close();
    }
  });

  const audit = program.command('audit').description('audit log tools');
  withDatabaseOptions(
    audit
      .command('verify')
      .description("check each organization's audit hash chain")
      .option('--org <slug>', 'only this organization'),
  ).action(async (opts: DatabaseOptions & { org?: string }) => {
    const database = await openAndMigrate(configFrom(opts, 'silent'));
    try {
      const verdicts = await verifyAllChains(database.db, opts.org);
      for (const v of verdicts) console.log(`${v.ok ? 'OK    ' : 'BROKEN'} ${v.slug}: ${v.message}`);
      if (verdicts.some((v) => !v.ok)) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
