// `npm start`: build the web app when its sources are newer than the build, then serve SMART.
// Arguments after `--` go to `smart serve` (for example `npm start -- --demo --port 9090`).
// `npm run dev` serves the API and the web app with Vite's hot reload instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const serveArgs = args.filter((a) => a !== '--dev');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const built = path.join(root, 'apps/web/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(root, 'apps/web')),
    newestMtime(path.join(root, 'packages')),
  );
  return sources > statSync(built).mtimeMs;
}

function run(command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

if (!existsSync(bin('tsx'))) {
  console.error('SMART: dependencies are missing. Run `npm install` first.');
  process.exit(1);
}

if (dev) {
  // API on 8080 (or PORT), Vite on 5173 proxying /api to it.
  run(bin('tsx'), ['watch', 'apps/cli/src/main.ts', 'serve', ...serveArgs]);
  run(bin('vite'), ['--config', 'apps/web/vite.config.ts']);
} else {
  if (buildIsStale()) {
    console.log('Building the web app (first start, or its sources changed)...');
    const build = spawnSync(
      bin('vite'),
      ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) {
      console.error('SMART: the web app did not build; see the messages above.');
      process.exit(build.status ?? 1);
    }
  }
  run(bin('tsx'), ['apps/cli/src/main.ts', 'serve', ...serveArgs]);
}
