import { defineConfig } from 'tsup';

// The package as installed by users: ESM, dependencies left external (npm installs them), with
// declaration files for the two entries users import (`a6kit`, `a6kit/testing`). `a6kit build`
// does not use this output: it bundles the runtime's TypeScript sources into the runner.
export default defineConfig({
  entry: {
    'cli/main': 'cli/main.ts',
    index: 'runtime/index.ts',
    testing: 'runtime/testkit/index.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: true,
  dts: {
    entry: { index: 'runtime/index.ts', testing: 'runtime/testkit/index.ts' },
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 reports as deprecated.
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
});
