import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// Built by Quarkus Quinoa into dist/ and served by the gateway at /. In `npm run dev` the API is
// proxied to a gateway on 127.0.0.1:8080 (./deploy/local/stack up).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // no inline scripts or data: modules: the gateway's Content-Security-Policy allows 'self' only
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
})
