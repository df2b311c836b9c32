import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The developer's own ~/.config/hctl must not change a test's outcome.
    env: { XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'hctl-config-')) },
  },
});
