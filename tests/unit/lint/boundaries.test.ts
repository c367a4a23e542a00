/**
 * The import boundaries are enforced by ESLint; this runs the project's own lint
 * configuration over deliberate violations, so a loosened rule fails here.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/shared/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.tsx', "import { shell } from 'electron';"],
  ])('%s may not import electron', async (file, code) => {
    expect(await violations(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['electron/shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/shared/x.ts', "import { join } from 'path';"],
    ['renderer/src/x.tsx', "import { readFile } from 'node:fs/promises';"],
    ['renderer/src/x.tsx', "import Database from 'better-sqlite3-multiple-ciphers';"],
    ['renderer/src/x.tsx', "import crypto from 'crypto';"],
  ])('%s may not import a Node built-in or a native module (%s)', async (file, code) => {
    expect(await violations(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['native/cns/x.ts', "import pcsclite from 'pcsclite';"],
    ['electron/core/x.ts', "import pcsclite from 'pcsclite';"],
    ['native/pkcs11/x.ts', "import pcsclite from 'pcsclite';"],
    ['electron/main/x.ts', "import pcsclite from 'pcsclite';"],
  ])('%s may not import pcsclite', async (file, code) => {
    expect(await violations(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['native/cns/x.ts', "import * as pkcs11 from 'pkcs11js';"],
    ['native/pcsc/x.ts', "import * as pkcs11 from 'pkcs11js';"],
    ['electron/core/x.ts', "import * as pkcs11 from 'pkcs11js';"],
  ])('%s may not import pkcs11js', async (file, code) => {
    expect(await violations(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['electron/core/sync/x.ts', "import axios from 'axios';"],
    ['native/cns/x.ts', "import { isAxiosError } from 'axios';"],
    ['renderer/src/x.tsx', "import axios from 'axios';"],
  ])('%s may not speak HTTP itself (%s)', async (file, code) => {
    expect(await violations(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['native/pcsc/x.ts', "import pcsclite from 'pcsclite';"],
    ['native/pkcs11/x.ts', "import * as pkcs11 from 'pkcs11js';"],
    ['electron/adapters/portal/x.ts', "import axios from 'axios';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.tsx', "import { calls } from '../../electron/shared/contract';"],
  ])('%s may do what its layer needs (%s)', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
