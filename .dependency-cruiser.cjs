/**
 * Who may import whom, by folder, and no import cycles (files or folders): `npm run lint` runs it,
 * tests/unit/lint/layers.test.ts shows each rule failing on a deliberate violation.
 *
 *   renderer            the pages: only the contract (electron/shared), through window.sportello
 *   electron/shared     contract/ (calls, events, errors, the typed API: imports nothing else), transport/ (IPC
 *                       channels, the WebSocket's wire format and client), the forms' sandbox, the CSP
 *   electron/main|host|preload   the runtimes: Electron, the browser host, the preload
 *   electron/cli        command-line tools: each its own small composition
 *   electron/composition  the one composition root: core + adapters, from the configuration
 *   electron/adapters   what talks to the world (card readers, HTTP, printers, the demo card)
 *   electron/core       the domain and its ports: plain Node, nothing of the above
 *   native              card drivers (PC/SC, APDU, CNS, PKCS#11, the virtual card): nothing of electron/
 *
 * Package bans (electron, pcsclite, pkcs11js, axios, Node built-ins in browser code) are ESLint's
 * (scripts/lint-boundaries.mjs).
 */
const RUNTIMES = '^electron/(main|host|preload)/';
const ABOVE_CORE = `^(electron/(adapters|composition|cli|main|host|preload)|renderer|native)/`;

module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'A file may not reach itself through its imports.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-folder-cycle', comment: 'A folder may not reach itself through its files\' imports.', severity: 'error', scope: 'folder', from: {}, to: { circular: true } },
    { name: 'core-is-the-domain', comment: 'electron/core sees only itself and electron/shared: adapters and runtimes are wired by the composition root.', severity: 'error', from: { path: '^electron/core/' }, to: { path: ABOVE_CORE } },
    { name: 'native-is-below', comment: 'Card drivers know nothing of the app.', severity: 'error', from: { path: '^native/' }, to: { path: '^(electron|renderer)/' } },
    { name: 'shared-is-neutral', comment: 'The contract runs in every runtime: it imports none of them.', severity: 'error', from: { path: '^electron/shared/' }, to: { path: '^(electron/(core|adapters|composition|cli|main|host|preload)|renderer|native)/' } },
    { name: 'contract-is-neutral', comment: 'The contract (calls, events, errors, the typed API) is what every runtime shares: it imports nothing of the transports.', severity: 'error', from: { path: '^electron/shared/contract/' }, to: { path: '^electron/shared/', pathNot: '^electron/shared/contract/' } },
    { name: 'renderer-through-the-bridge', comment: 'The pages reach the app only through window.sportello.', severity: 'error', from: { path: '^renderer/' }, to: { path: '^(electron/(core|adapters|composition|cli|main|host|preload)|native)/' } },
    { name: 'adapters-are-wired', comment: 'Adapters are built by the composition root, never the other way.', severity: 'error', from: { path: '^electron/adapters/' }, to: { path: `^(electron/(composition|cli|main|host|preload)|renderer)/` } },
    { name: 'composition-below-runtimes', comment: 'The composition root serves every runtime and knows none.', severity: 'error', from: { path: '^electron/composition/' }, to: { path: `${RUNTIMES}|^electron/cli/|^renderer/` } },
    { name: 'runtimes-apart', comment: 'Electron main, the browser host and the preload share code through composition and shared only.', severity: 'error', from: { path: '^electron/(main|host|preload)/' }, to: { path: RUNTIMES, pathNot: '^electron/$1/' } },
    { name: 'preload-is-thin', comment: 'The preload exposes the contract and nothing else.', severity: 'error', from: { path: '^electron/preload/' }, to: { path: '^(electron/(core|adapters|composition|cli|main|host)|native|renderer)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
