// Bundles the server (with @hddt/protocol) into dist/main.js; npm dependencies stay external.
import { build } from 'esbuild';
import path from 'node:path';

// @hddt/protocol is bundled from its TypeScript source, each entry point ('', '/schemas') from its own file.
const PROTOCOL_ENTRIES = { '@hddt/protocol': 'index.ts', '@hddt/protocol/schemas': 'schemas-entry.ts' };
const protocolSource = {
  name: 'protocol-source',
  setup(b) {
    b.onResolve({ filter: /^@hddt\/protocol(\/schemas)?$/ }, (args) => ({
      path: path.resolve('../protocol/src', PROTOCOL_ENTRIES[args.path]),
    }));
  },
};

await build({
  entryPoints: {
    main: 'src/main.ts',
    'portal-main': 'src/portal-main.ts',
    supervisor: 'src/supervisor.ts',
    'integrity-worker': 'src/records/integrity-worker.ts',
    'image-worker': 'src/portal/editorial/image-worker.ts',
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
  plugins: [protocolSource],
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
