import { defineConfig } from 'tsup';

// The package as installed by users: ESM, dependencies left external (npm installs them).
export default defineConfig({
  entry: {
    'cli/main': 'cli/main.ts',
    index: 'runtime/index.ts',
    testing: 'runtime/testing.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: true,
  dts: false,
});
