// The tablet and the display import '@hddt/protocol' and never validate: that entry point must not pull zod
// (or the schemas) into their bundles. Bundled here with esbuild exactly as an app's bundler would see it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

async function runtimeImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.basename(p));
  const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  return [...inputs, ...externals];
}

describe('protocol entry points', () => {
  it('the main entry carries neither zod nor the schemas', async () => {
    const imports = await runtimeImports('index.ts');
    expect(imports).not.toContain('zod');
    expect(imports).not.toContain('schemas.ts');
    expect(imports).not.toContain('socket-events.ts');
    expect(imports).toContain('format.ts');
  });

  it('the schemas entry is where zod lives', async () => {
    expect(await runtimeImports('schemas-entry.ts')).toContain('zod');
  });
});
