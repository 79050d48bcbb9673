import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Unit tests of the web UI (src/**/*.test.ts[x]) in jsdom: `npm test`, and the gateway's Maven build
// runs the same through Quinoa (quarkus.quinoa.run-tests), so a failing one fails the build.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // one worker: the build machine's cores are shared with the Java tests; on a busy machine jsdom
    // is slow, so a test gets 30 s (a limit against hangs, not a speed check)
    maxWorkers: 1,
    testTimeout: 30_000,
    // one jsdom for all files (most of the run was starting a new one per file); test-setup.ts
    // empties the page and undoes stubs after every test
    isolate: false,
  },
})
