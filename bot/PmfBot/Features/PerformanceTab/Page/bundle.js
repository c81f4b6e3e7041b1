// Bundles the Performance tab's page into one script and one stylesheet, with esbuild's JavaScript API (which finds
// its own native binary whatever npm did at install). Run by PmfBot.csproj at build time: node bundle.js <out folder>.
const fs = require('fs');
const path = require('path');
const esbuild = require(path.resolve(__dirname, '..', '..', '..', '..', '..', 'node_modules', 'esbuild'));

const out = path.resolve(process.argv[2]);
fs.mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' };
esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'tab.js')], outfile: path.join(out, 'tab.js'),
  format: 'iife', target: 'es2020' });
esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'tab.css')], outfile: path.join(out, 'tab.css') });
for (const page of ['index.html', 'configure.html']) fs.copyFileSync(path.join(__dirname, page), path.join(out, page));
