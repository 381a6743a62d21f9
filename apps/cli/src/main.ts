// The `smart` command: serve the app, migrate, move organizations, verify audit logs, analyze models.
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze';
import { registerPlatform } from './commands/platform';

const program = new Command();
program
  .name('smart')
  .description('SMART: the HSCC Sector Mapping and Risk Toolkit, as software.')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) });

registerPlatform(program);
registerAnalyze(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`smart: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
