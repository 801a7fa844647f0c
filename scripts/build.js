// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds.
// The UI lives in its own chunk: print and list modes never load ink or react.
import {build} from 'esbuild';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {buildSnapshot} from './build-snapshot.js';

const stub = fileURLToPath(new URL('stub-devtools.js', import.meta.url));
const stringWidth = fileURLToPath(new URL('string-width-memo.js', import.meta.url));
const inflate = fileURLToPath(new URL('inflate-native.cjs', import.meta.url));

// ink measures and splits every line of every frame again (its caches live for one frame).
// The results depend only on the line, so one bounded cache serves all frames: a key press that
// changes two rows of the list no longer re-parses the other forty. Skipped (with a warning)
// if ink's source no longer has the expected line.
const inkFrameCache = {
	name: 'ink-frame-cache',
	setup(plugin) {
		plugin.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const source = await fs.promises.readFile(args.path, 'utf8');
			const original = '    caches = new OutputCaches();';
			if (!source.includes(original)) {
				console.warn('build: ink output.js changed; frame cache not applied');
				return undefined;
			}

			const shared = `const sharedCaches = new OutputCaches();
const sharedCachesLimit = 5000;
function frameCaches() {
    if (sharedCaches.styledChars.size > sharedCachesLimit || sharedCaches.widths.size > sharedCachesLimit * 4 || sharedCaches.blockWidths.size > sharedCachesLimit) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
    }
    return sharedCaches;
}
export default class Output {`;
			return {contents: source.replace('export default class Output {', shared).replace(original, '    caches = frameCaches();'), loader: 'js'};
		});
	},
};

// yoga (ink's layout engine) carries its WebAssembly as a data: URL and reads it with fetch when
// fetch exists; in Node the first use of fetch loads the whole HTTP client (undici, ~25 ms before
// the first frame). Told that fetch is missing, it decodes the same bytes directly; and it decodes
// them with Node's Buffer (native) instead of atob and a loop over every byte (about 2 ms).
const yogaBase64Loop = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(plugin) {
		plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			let source = await fs.promises.readFile(args.path, 'utf8');
			if (!source.includes('typeof fetch')) {
				console.warn('build: yoga-layout changed; fetch still used for its wasm');
				return undefined;
			}

			source = source.replaceAll('typeof fetch', '"undefined"');
			if (source.includes(yogaBase64Loop)) source = source.replace(yogaBase64Loop, 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))');
			else console.warn('build: yoga-layout changed; its wasm is decoded by atob');
			return {contents: source, loader: 'js'};
		});
	},
};

// Some modules do work when they load that belongs to their first call: string-width compiles
// Unicode property patterns (\p{RGI_Emoji} alone takes over 10 ms) and creates a segmenter; folio
// measures most text by code point ranges and asks string-width only about other characters, which
// many runs never meet. env-paths reads the home folder when it loads, which a start-up snapshot
// would freeze at build time. Their module bodies are wrapped in a function that runs on the first
// call. Skipped (with a warning) if a module's shape changed.
const lazyModules = [
	{file: /[\\/]string-width[\\/]index\.js$/, exported: 'export default function stringWidth(', name: 'stringWidth'},
	{file: /[\\/]env-paths[\\/]index\.js$/, exported: 'export default function envPaths(', name: 'envPaths'},
];
const lazyModuleBodies = {
	name: 'lazy-module-bodies',
	setup(plugin) {
		for (const {file, exported, name} of lazyModules) {
			plugin.onLoad({filter: file}, async args => {
				const source = await fs.promises.readFile(args.path, 'utf8');
				const lines = source.split('\n');
				const imports = lines.filter(line => /^import .* from '[^']+';$/.test(line));
				const body = lines.filter(line => !imports.includes(line)).join('\n');
				if (body.split(exported).length !== 2 || /^export /m.test(body.replace(exported, ''))) {
					console.warn(`build: ${args.path} changed; it loads eagerly`);
					return undefined;
				}

				const contents = `${imports.join('\n')}
let loaded;
function load() {
${body.replace(exported, `function ${name}(`)}
return ${name};
}
export default function lazy${name[0].toUpperCase()}${name.slice(1)}(...args) {
	loaded ??= load();
	return loaded(...args);
}
`;
				return {contents, loader: 'js'};
			});
		}
	},
};

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
fs.rmSync('dist', {recursive: true, force: true});

const shared = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
};

// The plain start: ES modules, the reader's screens in chunks of their own. Minified: the reader's
// chunk (ink, react) is compiled at every start, and half the text compiles about 4 ms sooner.
await build({
	...shared,
	entryPoints: ['source/cli.ts', 'source/reader-session.ts'],
	outdir: 'dist',
	splitting: true,
	format: 'esm',
	minify: true,
	lineLimit: 160,
	alias: {'react-devtools-core': stub, 'string-width': stringWidth, 'tiny-inflate': inflate},
	plugins: [inkFrameCache, yogaWithoutFetch, lazyModuleBodies],
	banner: {
		js: "import {createRequire as __folioCreateRequire} from 'node:module'; const require = __folioCreateRequire(import.meta.url);",
	},
});

// The prepared start (see source/snapshot.ts): one CommonJS script, as `node --build-snapshot`
// wants (an import() of a bundled module becomes a plain call), turned into a start-up snapshot
// for the node that runs this build.
await build({
	...shared,
	entryPoints: ['source/snapshot.ts'],
	outfile: 'dist/snapshot.cjs',
	format: 'cjs',
	// Smaller source, smaller snapshot: it is read and set up at every start (minified, about 5 ms less).
	minify: true,
	alias: {'string-width': stringWidth, 'tiny-inflate': inflate},
	plugins: [lazyModuleBodies],
});
// Snapshot code cannot call import(); this file, loaded with require, can.
fs.writeFileSync('dist/import-module.cjs', 'module.exports = url => import(url);\n');
const made = buildSnapshot('dist');
if (!made.ok) console.warn(`build: no start-up snapshot, folio starts from the plain bundle (${made.reason})`);
