import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep the pool small so browser and end-to-end tests do not starve each other.
    maxWorkers: 2,
  },
});
