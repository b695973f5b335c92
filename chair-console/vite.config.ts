import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/chair/',
  plugins: [react()],
  // Served from the hall's own server over the LAN: one ~170 kB (gzip) bundle loads once and is cached.
  build: { outDir: 'dist', chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
    },
  },
});
