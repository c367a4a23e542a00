/**
 * One Sportello per data directory: a second core on the same directory, in this process
 * or in another, is refused with a message before it touches anything; the lock goes
 * with the process that held it, even when that process is killed.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { configSchema } from '../../../electron/core/config/schema';
import { createCore } from '../../../electron/composition/core';
import { silentLogger } from '../../../electron/core/log/logger';
import { lockDataDirectory } from '../../../electron/core/store/instance-lock';
import { startApp, StartupError } from '../../../electron/composition/start';
import { DATABASE_FILE } from '../../../electron/core/store/database';
import { closeAfterEach, temporaryDirectoryPerTest } from '../../support/close-after-each';

// One order for both: a lock's holder, started after its directory, is killed before the directory goes.
const closing = closeAfterEach();
const dataDir = temporaryDirectoryPerTest('sportello-istanza-', closing);

const core = (dir: string) => createCore({ config: configSchema.parse({ dataDirectory: dir }), log: silentLogger, version: '0.0.0-test', dataDir: dir });

/** Another process holding the lock of `dir`; resolves once it holds it. */
async function holder(dir: string): Promise<ChildProcess> {
  // node itself (not the tsx wrapper, which runs node as a child): SIGKILL must reach the lock's holder.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../support/hold-instance-lock.ts'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  closing({ close: () => child.kill('SIGKILL') });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  while (!out.includes('bloccato')) {
    const [exit] = await Promise.race([once(child.stdout!, 'data'), once(child, 'exit').then((e) => [`uscito ${String(e[0])}`])]);
    if (typeof exit === 'string') throw new Error(`il processo che tiene il blocco è ${exit}`);
  }
  return child;
}

describe('one instance per data directory', () => {
  it('a second core in the same process is refused until the first is disposed', async () => {
    const dir = dataDir();
    const first = await core(dir);
    await expect(core(dir)).rejects.toMatchObject({ code: 'istanza-gia-attiva', message: expect.stringContaining(dir) });
    await first.dispose();
    const second = await core(dir);
    await second.dispose();
  });

  it('a core in another process is refused; killed with SIGKILL, it leaves no stale lock', async () => {
    const dir = dataDir();
    const other = await holder(dir);
    expect(() => lockDataDirectory(dir)).toThrow(expect.objectContaining({ code: 'istanza-gia-attiva' }));
    await expect(core(dir)).rejects.toMatchObject({ code: 'istanza-gia-attiva' });
    other.kill('SIGKILL');
    await once(other, 'exit');
    const lock = lockDataDirectory(dir);
    lock.release();
  });

  it('startApp turns the refusal into a StartupError a person can read, and has created nothing', async () => {
    const dir = dataDir();
    const other = await holder(dir);
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ dataDirectory: dir }));
    const started = startApp({ configFile, version: '0.0.0-test', logSink: () => {} });
    await expect(started).rejects.toBeInstanceOf(StartupError);
    await expect(started).rejects.toMatchObject({ message: expect.stringContaining('già in esecuzione') });
    expect(() => statSync(join(dir, DATABASE_FILE))).toThrow();
    other.kill('SIGKILL');
  });
});

describe('the data directory is private', () => {
  it.skipIf(process.platform === 'win32')('startApp makes the directory 0700 and the database, its WAL and the log 0600, tightening a loose existing directory', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'allegati'));
    writeFileSync(join(dir, 'allegati', 'vecchio.pdf'), '%PDF');
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'allegati', 'vecchio.pdf'), 0o644);
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ dataDirectory: dir }));
    const { core: started, log } = await startApp({ configFile, version: '0.0.0-test', logSink: () => {} });
    log.info('avviato');
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'allegati'))).toBe(0o700);
    expect(mode(join(dir, 'allegati', 'vecchio.pdf'))).toBe(0o600);
    expect(mode(join(dir, DATABASE_FILE))).toBe(0o600);
    expect(mode(join(dir, `${DATABASE_FILE}-wal`))).toBe(0o600);
    expect(mode(join(dir, 'sportello.log'))).toBe(0o600);
    await started.dispose();
  });

  it('a configuration that is not valid stops the start with a StartupError naming the file', async () => {
    const dir = dataDir();
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, '{ "mode": "chiosco" }');
    await expect(startApp({ configFile, version: '0.0.0-test', logSink: () => {} })).rejects.toMatchObject({
      name: 'StartupError',
      title: 'Configurazione non valida',
      message: expect.stringContaining(configFile),
    });
  });
});
