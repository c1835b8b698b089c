import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// The renderer, served from throughline://app/ in Electron and from the browser host: relative asset paths.
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // THROUGHLINE_PROFILE=1 npm run build keeps function names for bench/profileCanvas.ts.
    minify: process.env.THROUGHLINE_PROFILE ? false : 'esbuild',
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});
