import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and server tests start real processes; give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
