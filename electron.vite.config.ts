// One build for the three processes (electron-vite). The browser host runs the very same
// out/main bundle code in plain Node, so what the browser tests exercise is what Electron runs.
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/** The committed migrations ship beside the main bundle; the app applies them on open. */
function copyMigrations(): Plugin {
  return {
    name: 'sonar-copy-migrations',
    closeBundle() {
      cpSync(resolve(root, 'db/migrations'), resolve(root, 'out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          electron: resolve(root, 'main/electron/index.ts'),
          'browser-host': resolve(root, 'main/browser-host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing external.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
