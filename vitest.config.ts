import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // examples/ (a runner project inside this repo) imports `a6kit` as users do: point it at the sources.
  resolve: {
    alias: [
      { find: /^a6kit$/, replacement: fileURLToPath(new URL('./runtime/index.ts', import.meta.url)) },
      { find: /^a6kit\/testing$/, replacement: fileURLToPath(new URL('./runtime/testkit/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.tmp/**', '**/fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
