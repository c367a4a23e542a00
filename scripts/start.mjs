// `npm start`: builds the app and launches it in Electron. Where the Electron
// binary cannot be obtained (as on build machines without internet), it says so
// in one line and serves the same app through the browser host instead.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

// A fresh clone: install the dependencies first. Electron's own installer downloads its
// binary and fails where that download is impossible; then install without it.
if (!existsSync('node_modules/.package-lock.json')) {
  const withElectron = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (withElectron.status !== 0) {
    console.log("Installazione senza l'eseguibile di Electron (non si può scaricare su questa macchina).");
    const without = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    if (without.status !== 0) process.exit(without.status ?? 1);
  }
}

run('npx', ['electron-vite', 'build']);
const electron = electronBinary();
if (!electron) {
  console.log("Electron non è disponibile su questa macchina (il suo eseguibile non si può scaricare): avvio Sportello nel browser.");
  const host = spawn('npx', ['tsx', 'electron/host/cli.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  host.on('exit', (code) => process.exit(code ?? 0));
} else {
  // Native modules are built for Node (tests); Electron needs them for its own ABI.
  const stamp = 'node_modules/.sportello-native-abi';
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== 'electron') {
    run('npx', ['electron-builder', 'install-app-deps']);
    writeFileSync(stamp, 'electron');
  }
  const app = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
