// Browser flows: playwright-core drives Debian's Chromium against a mock build of the UI
// (Vite mode `mock`), served by `vite preview` on a free port (tests/browser/global-setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two files at a time, each with its own Chromium.
    maxWorkers: 2,
  },
});
