// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds.
// The UI lives in its own chunk: print and list modes never load ink or react. The reader lays
// articles out on a worker thread whose script is an entry of its own (dist/article-worker.js).
//
// Two libraries are changed on their way into the bundle (see patches.js). A change that no
// longer applies (the library's source moved on) stops the build with one line that names it: a
// silently unpatched bundle would only show up later, as a slower folio.
import {build} from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {PatchError, patches} from './patches.js';

const stub = fileURLToPath(new URL('stub-devtools.js', import.meta.url));
const stringWidth = fileURLToPath(new URL('string-width-memo.js', import.meta.url));
const inflate = fileURLToPath(new URL('inflate-native.cjs', import.meta.url));
const base64 = fileURLToPath(new URL('base64-native.cjs', import.meta.url));

/** Applies the patches as files load; remembers which ones ran, and why one could not. */
function patchPlugin(applied, failures) {
	return {
		name: 'folio-patches',
		setup(plugin) {
			for (const patch of patches) {
				plugin.onLoad({filter: patch.file}, async args => {
					const source = await fs.promises.readFile(args.path, 'utf8');
					try {
						const contents = patch.apply(source);
						if (!contents.includes(patch.mark)) throw new PatchError('the patched text lacks its mark');
						applied.add(patch.name);
						return {contents, loader: 'js'};
					} catch (error) {
						if (!(error instanceof PatchError)) throw error;
						failures.push(`${patch.name}: ${error.message} (${args.path})`);
						return undefined;
					}
				});
			}
		},
	};
}

// gray-matter requires its own js-yaml 3 for a YAML engine folio replaces (js-yaml 4, core schema):
// given the js-yaml folio imports instead, the bundle holds and loads one YAML library, not two.
const jsYaml = fileURLToPath(new URL('../node_modules/js-yaml/dist/js-yaml.mjs', import.meta.url));
const oneYaml = {
	name: 'one-yaml',
	setup(plugin) {
		plugin.onResolve({filter: /^js-yaml$/}, args => (/[\\/]gray-matter[\\/]/.test(args.importer) ? {path: jsYaml} : undefined));
	},
};

// `import fs from 'node:fs'` in an ES module makes Node build an ES facade of the module, reading
// every export: for fs that loads the streams and fs/promises (~5 ms of every start). Node's own
// require hands over the module as it is, so imports of built-in modules become requires (esbuild
// reads a named import from a CommonJS module when it is used, not when the module loads).
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(plugin) {
		plugin.onResolve({filter: /^node:/}, args => (args.kind === 'import-statement' ? {path: args.path, namespace: 'folio-builtin'} : undefined));
		plugin.onLoad({filter: /.*/, namespace: 'folio-builtin'}, args => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
	},
};

/** Stops the build with one line. */
function fail(message) {
	console.error(`build: ${message}`);
	process.exit(1);
}

const applied = new Set();
const failures = [];
let result;
try {
	// ES modules, the reader's screens in chunks of their own. Minified: the reader's chunk (ink,
	// react) is compiled at every start, and half the text compiles about 4 ms sooner. Lines are
	// cut short so that an error screen quoting the source around a crash stays quick to draw.
	result = await build({
		// The workers (threads of their own) are files of their own, next to the modules that start them.
		entryPoints: {cli: 'source/cli.ts', 'reader-session': 'source/reader-session.ts', 'article-worker': 'source/article-worker.ts', 'index-worker': 'source/core/index-worker.ts', 'live-index-worker': 'source/live-index-worker.ts'},
		outdir: 'dist',
		bundle: true,
		// Native modules (their binaries loaded at run time): required from node_modules, not bundled.
		external: ['@parcel/watcher', 'better-sqlite3'],
		splitting: true,
		platform: 'node',
		target: 'node20',
		format: 'esm',
		jsx: 'automatic',
		minify: true,
		lineLimit: 160,
		legalComments: 'none',
		logLevel: 'silent',
		write: false,
		define: {'process.env.NODE_ENV': '"production"'},
		alias: {'react-devtools-core': stub, 'string-width': stringWidth, 'tiny-inflate': inflate, 'base64-js': base64},
		plugins: [patchPlugin(applied, failures), oneYaml, builtinsByRequire],
		banner: {
			js: "import {createRequire as __folioCreateRequire} from 'node:module'; const require = __folioCreateRequire(import.meta.url);",
		},
	});
} catch (error) {
	const first = error.errors?.[0];
	fail(first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}` : String(error.message).split('\n')[0]);
}

for (const warning of result.warnings) console.warn(`build: warning: ${warning.text}`);
if (failures.length > 0) fail(`a patch no longer applies, ${failures[0]}`);
const missing = patches.filter(patch => !applied.has(patch.name));
if (missing.length > 0) fail(`a patch found no file to change, ${missing.map(patch => patch.name).join(', ')} (did the library move its files?)`);

// Written only now, whole. Chunk names carry content hashes: the folder starts empty so old
// chunks do not pile up.
fs.rmSync('dist', {recursive: true, force: true});
for (const file of result.outputFiles) {
	fs.mkdirSync(path.dirname(file.path), {recursive: true});
	fs.writeFileSync(file.path, file.contents);
}
