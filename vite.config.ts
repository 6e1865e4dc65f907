/**
 * The renderer's Vite config, shared by electron-vite (the app build) and by plain `vite`
 * (the browser preview against the in-memory API twin).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const rendererRoot = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2_000,
    rollupOptions: { input: resolve(rendererRoot, 'index.html') },
  },
});
