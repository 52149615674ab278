// Browser flows of the live-session participant page: playwright-core drives Debian's
// Chromium, emulating a 360-pixel phone, against the real server started by `tcm live` on
// 127.0.0.1 (the `tcm` binary built by cargo: TCM_BIN, else target/debug/tcm).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/live/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
