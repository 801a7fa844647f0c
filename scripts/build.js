// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds.
// The UI lives in its own chunk: print and list modes never load ink or react.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

const stub = fileURLToPath(new URL('stub-devtools.js', import.meta.url));

await build({
	entryPoints: ['source/cli.tsx'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'none',
	logLevel: 'warning',
	alias: {'react-devtools-core': stub},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: "import {createRequire as __folioCreateRequire} from 'node:module'; const require = __folioCreateRequire(import.meta.url);",
	},
});
