import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Absolute paths: `hinggan start` builds with this file from any working directory.
const workbenchRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(workbenchRoot, '..', '..');

/** Libraries change less often than the app: each gets its own long-cached chunk. */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 30 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion)[\\/]/, priority: 20 },
  // Loaded only by the pages that need them (the drafting editor, the statistics charts).
  { name: 'editor', test: /node_modules[\\/](@tiptap|prosemirror-[^\\/]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/, priority: 15 },
  { name: 'charts', test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|@reduxjs|redux|reselect|immer|es-toolkit|eventemitter3)[\\/]/, priority: 15 },
  // pdf.js, for the inline PDF previews only.
  { name: 'pdf', test: /node_modules[\\/]pdfjs-dist[\\/]/, priority: 15 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig(() => {
  return {
    root: workbenchRoot,
    base: '/workbench/',
    plugins: [react()],
    build: {
      outDir: path.join(repoRoot, 'dist', 'workbench'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 800,
      rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
    },
    server: {
      proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    },
  };
});
