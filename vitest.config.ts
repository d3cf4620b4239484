import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      {
        test: { name: 'edge', root: './edge', include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: 'collab-server',
          root: './collab-server',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // npm start's supervisor, run for real (spawns the edge and the collab server).
        test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'], testTimeout: 240_000 },
      },
      { test: { name: 'client', root: './client', include: ['src/**/*.test.{ts,tsx}'], exclude: ['e2e/**'] } },
    ],
  },
});
