// Bundles the server (with @hddt/protocol) into dist/main.js; npm dependencies stay external.
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/main.ts',
    supervisor: 'src/supervisor.ts',
    'integrity-worker': 'src/records/integrity-worker.ts',
    verify: 'src/cli/verify.ts',
    backup: 'src/cli/backup.ts',
    restore: 'src/cli/restore.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  alias: { '@hddt/protocol': '../protocol/src/index.ts' },
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
