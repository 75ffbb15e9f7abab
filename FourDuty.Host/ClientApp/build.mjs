// Bundles the pages with esbuild into ../wwwroot/app/: one entry per page, shared code split into chunks, so that
// each page loads only what it uses. Writes manifest.json (page -> its script and style files, with content hashes)
// for the Host, which puts them into the page. Run by the Host's MSBuild target ClientAppBuild during dotnet build.
import * as esbuild from 'esbuild';
import { mkdir, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(root, '../wwwroot/app');
const pages = ['home', 'inbox', 'task', 'instances', 'calendar', 'operations', 'dashboard', 'dossier', 'designer'];

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(pages.map(page => [page, `src/pages/${page}/index.js`])),
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  outdir: out,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.bpmn': 'text', '.form': 'text' },
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

// page -> { js, css } as paths under /app/
const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint) continue;
  const page = pages.find(p => output.entryPoint === `src/pages/${p}/index.js`);
  if (!page) continue;
  manifest[page] = {
    js: path.relative(out, path.resolve(root, file)),
    css: output.cssBundle ? path.relative(out, path.resolve(root, output.cssBundle)) : null,
  };
}

// The Host reads the same strings for what it writes itself (the page title, the no-script notice).
await mkdir(path.join(out, 'i18n'));
for (const file of await readdir(path.join(root, 'src/i18n'))) {
  await copyFile(path.join(root, 'src/i18n', file), path.join(out, 'i18n', file));
}

await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
// What went into each bundle (for size analysis), kept out of the served folder.
await mkdir(path.resolve(root, '../obj/clientapp'), { recursive: true });
await writeFile(path.resolve(root, '../obj/clientapp/meta.json'), JSON.stringify(result.metafile));
