// The package bans, kept apart so a test can run ESLint with them on deliberate violations
// (tests/unit/lint/boundaries.test.ts). Who may import which folder, and cycles, are
// dependency-cruiser's (.dependency-cruiser.cjs).
//
// ESLint keeps one `no-restricted-imports` per file (a later block replaces an earlier one), so
// every file falls in exactly one zone, and a zone lists all the bans its files obey.
const NATIVE_MODULES = ['pcsclite', 'pkcs11js', 'better-sqlite3-multiple-ciphers'];

const ban = (name, message) => ({ paths: [{ name, message }], patterns: [{ group: [`${name}/*`], message }] });
const electron = ban('electron', 'Only electron/main and electron/preload may import electron.');
const pcsc = ban('pcsclite', 'Only native/pcsc may import pcsclite.');
const pkcs11 = ban('pkcs11js', 'Only native/pkcs11 may import pkcs11js.');
const axios = ban('axios', 'Only electron/adapters may speak HTTP (axios).');

function browserOnly(builtinModules) {
  const message = 'Renderer and shared code run in a browser: no Node built-ins or native modules.';
  const builtins = builtinModules.filter((m) => !m.startsWith('_'));
  return {
    paths: [...builtins, ...builtins.map((m) => `node:${m}`), ...NATIVE_MODULES].map((name) => ({ name, message })),
    // Sub-paths (e.g. 'node:fs/promises', 'better-sqlite3-multiple-ciphers/lib/x').
    patterns: [{ group: ['node:*', ...NATIVE_MODULES.map((m) => `${m}/*`)], message }],
  };
}

function rule(bans) {
  return ['error', { paths: bans.flatMap((b) => b.paths), patterns: bans.flatMap((b) => b.patterns) }];
}

export function boundaryRules(builtinModules) {
  const zones = [
    { files: ['native/pcsc/**/*.ts'], bans: [pkcs11, electron, axios] },
    { files: ['native/pkcs11/**/*.ts'], bans: [pcsc, electron, axios] },
    { files: ['native/**/*.ts'], ignores: ['native/pcsc/**', 'native/pkcs11/**'], bans: [pcsc, pkcs11, electron, axios] },
    { files: ['electron/core/**/*.ts'], bans: [pcsc, pkcs11, electron, axios] },
    { files: ['electron/adapters/**/*.ts', 'electron/composition/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/**/*.ts'], bans: [pcsc, pkcs11, electron] },
    { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'], bans: [pcsc, pkcs11] },
    { files: ['electron/shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'], bans: [pcsc, pkcs11, electron, axios, browserOnly(builtinModules)] },
  ];
  const zoned = zones.flatMap((z) => z.files.map((f) => f.replace(/\/\*\*\/\*\.tsx?$/, '/**')));
  return [
    // Everything else (tests, benches, tools): only the owning driver imports a card library.
    { files: ['**/*.ts', '**/*.tsx'], ignores: zoned, rules: { 'no-restricted-imports': rule([pcsc, pkcs11]) } },
    ...zones.map((z) => ({ files: z.files, ...(z.ignores ? { ignores: z.ignores } : {}), rules: { 'no-restricted-imports': rule(z.bans) } })),
  ];
}
