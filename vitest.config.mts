import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each file gets its own data directories; files may run side by side.
    pool: 'forks',
    // Vitest's default on 2 cores is one file at a time, but most tests wait on a child process
    // (job workers, ffmpeg, the built server): two at a time took the suite from 8 to 5 min here.
    maxWorkers: 2,
  },
});
