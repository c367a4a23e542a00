// The import-boundary rules, kept apart so a test can run ESLint with them on
// deliberate violations (tests/unit/lint/boundaries.test.ts).
const NATIVE_MODULES = ['pcsclite', 'pkcs11js', 'better-sqlite3-multiple-ciphers'];

function restricted(paths, patterns) {
  return ['error', { paths, patterns }];
}

const electronBan = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const pcscBan = { name: 'pcsclite', message: 'Only native/pcsc may import pcsclite.' };
const pkcs11Ban = { name: 'pkcs11js', message: 'Only native/pkcs11 may import pkcs11js.' };

export function boundaryRules(builtinModules) {
  const builtins = builtinModules.filter((m) => !m.startsWith('_'));
  const nodeBans = [
    ...builtins.map((name) => ({ name, message: 'Renderer and shared code run in a browser: no Node built-ins.' })),
    ...builtins.map((name) => ({ name: `node:${name}`, message: 'Renderer and shared code run in a browser: no Node built-ins.' })),
    ...NATIVE_MODULES.map((name) => ({ name, message: 'Renderer and shared code run in a browser: no native modules.' })),
  ];
  // Sub-paths (e.g. 'node:fs/promises', 'pcsclite/lib/x') are caught by patterns.
  const nodePatterns = [{ group: ['node:*', ...NATIVE_MODULES.map((m) => `${m}/*`)], message: 'No Node built-ins or native modules here.' }];
  const electronPattern = { group: ['electron/*'], message: electronBan.message };
  // The renderer and the contract reach main only through window.sportello.
  const layerPatterns = [
    { group: ['**/native/**', '**/electron/core/**', '**/electron/main/**', '**/electron/host/**', '**/electron/preload/**'], message: 'Renderer and shared code reach main only through window.sportello.' },
  ];

  return [
    // Everywhere: only the owning adapter imports a native card library.
    {
      files: ['**/*.ts', '**/*.tsx'],
      ignores: ['native/pcsc/**', 'native/pkcs11/**'],
      rules: { 'no-restricted-imports': restricted([pcscBan, pkcs11Ban], [{ group: ['pcsclite/*', 'pkcs11js/*'], message: 'Only native/pcsc and native/pkcs11 may import card libraries.' }]) },
    },
    {
      files: ['native/pcsc/**/*.ts'],
      rules: { 'no-restricted-imports': restricted([pkcs11Ban, electronBan], [electronPattern]) },
    },
    {
      files: ['native/pkcs11/**/*.ts'],
      rules: { 'no-restricted-imports': restricted([pcscBan, electronBan], [electronPattern]) },
    },
    {
      files: ['electron/core/**/*.ts', 'native/**/*.ts'],
      ignores: ['native/pcsc/**', 'native/pkcs11/**'],
      rules: { 'no-restricted-imports': restricted([electronBan, pcscBan, pkcs11Ban], [electronPattern, { group: ['pcsclite/*', 'pkcs11js/*'], message: 'Only native/pcsc and native/pkcs11 may import card libraries.' }]) },
    },
    {
      files: ['electron/shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
      rules: { 'no-restricted-imports': restricted([electronBan, pcscBan, pkcs11Ban, ...nodeBans], [electronPattern, ...nodePatterns, ...layerPatterns]) },
    },
  ];
}
