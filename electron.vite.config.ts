import { resolve } from 'node:path';
import { cpSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Files core reads at run time next to its code (through __dirname), copied where the
 * bundled main finds them: the demo catalogue, the PDF fonts, the faldone XSD and the shipped CA list.
 */
function coreAssets(): Plugin {
  const copies: [string, string][] = [
    ['electron/core/catalogue/demo', 'out/main/demo'],
    ['electron/core/documents/faldone.xsd', 'out/main/faldone.xsd'],
    ['electron/core/documents/fonts', 'out/fonts'],
    ['electron/core/pki/ca-italiane.pem', 'out/main/ca-italiane.pem'],
  ];
  return {
    name: 'sportello-core-assets',
    closeBundle() {
      for (const [from, to] of copies) cpSync(resolve(__dirname, from), resolve(__dirname, to), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [coreAssets()],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod).
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // Form.io's CommonJS build reads Node's `global`; in the page it is `globalThis`.
    define: { global: 'globalThis' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
