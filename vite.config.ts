import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = (path: string) => fileURLToPath(new URL(`./web/${path}`, import.meta.url));

/**
 * The demo's web pages: the chat page (`web/index.html`, served at `/`) and the agent console
 * (`web/agent/index.html`, served at `/agent`), built into `dist/web`. `npx vite` serves them
 * in development and forwards `/api` to the demo on port 8787.
 */
export default defineConfig({
  root: web(''),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { chat: web('index.html'), agent: web('agent/index.html') },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
});
