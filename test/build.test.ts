/**
 * The build: each change it makes to a library is in dist/, and a change that no longer applies
 * stops the build with one line instead of leaving a silently slower bundle.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {PatchError, patches} from '../scripts/patches.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Every file of the bundle, as text. */
function bundleText(folder: string): string {
	return fs
		.readdirSync(folder)
		.filter(name => name.endsWith('.js'))
		.map(name => fs.readFileSync(path.join(folder, name), 'utf8'))
		.join('\n');
}

/**
 * A folder that builds like the repository, with its own node_modules: links to every package
 * but those in `copied` (and what they import must be copied too, or it resolves to the
 * original: ink-select-input imports ink, say), which `edit` then changes.
 */
function buildFolder(copied: readonly string[], edit: (modules: string) => void): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-build-'));
	for (const part of ['source', 'scripts', 'package.json']) fs.cpSync(path.join(root, part), path.join(folder, part), {recursive: true});
	const modules = path.join(folder, 'node_modules');
	fs.mkdirSync(modules);
	for (const name of fs.readdirSync(path.join(root, 'node_modules'))) {
		if (copied.includes(name)) fs.cpSync(path.join(root, 'node_modules', name), path.join(modules, name), {recursive: true, dereference: true});
		else fs.symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
	}
	edit(modules);
	return folder;
}

/** Replaces text in a file. */
function change(file: string, from: string, to: string): void {
	const text = fs.readFileSync(file, 'utf8');
	assert.ok(text.includes(from), `${file} holds ${from}`);
	fs.writeFileSync(file, text.replaceAll(from, to));
}

function runBuild(folder: string) {
	return spawnSync(process.execPath, [path.join(folder, 'scripts', 'build.js')], {cwd: folder, encoding: 'utf8', timeout: 120_000});
}

describe('the build', () => {
	test('every patch is in dist/', {skip: fs.existsSync(path.join(dist, 'cli.js')) ? false : 'run npm run build first'}, () => {
		const text = bundleText(dist);
		assert.ok(patches.length > 0);
		for (const patch of patches) assert.ok(text.includes(patch.mark), `${patch.name}: its mark ${patch.mark} is in dist/`);
		// What the yoga patch takes away: the bundle never asks for fetch.
		assert.doesNotMatch(text, /typeof fetch/);
	});

	test('the entities patch makes the very decoding tables entities makes', async () => {
		const patch = patches.find(entry => entry.name === 'entities-decode-table')!;
		for (const name of ['decode-data-html.js', 'decode-data-xml.js']) {
			const file = path.join(root, 'node_modules', 'entities', 'lib', 'esm', 'generated', name);
			const source = fs.readFileSync(file, 'utf8');
			const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-entities-'));
			const load = async (label: string, text: string) => {
				const module = path.join(folder, `${label}.mjs`);
				fs.writeFileSync(module, text);
				return ((await import(pathToFileURL(module).href)) as {default: Uint16Array}).default;
			};
			const [original, patched] = await Promise.all([load('original', source), load('patched', patch.apply(source))]);
			fs.rmSync(folder, {recursive: true, force: true});
			assert.ok(original.length > 0);
			assert.deepEqual(patched, original, name);
		}
	});

	test('each patch refuses a file it does not recognize', () => {
		for (const patch of patches) assert.throws(() => patch.apply('export default 1;\n'), PatchError, patch.name);
	});

	test('a patch that no longer applies stops the build with one line, and no dist/', () => {
		const folder = buildFolder(['ink', 'ink-select-input'], modules => change(path.join(modules, 'ink', 'build', 'output.js'), 'caches = new OutputCaches();', 'caches = new OutputCaches(16);'));
		try {
			const result = runBuild(folder);
			assert.equal(result.status, 1);
			assert.equal(result.stdout, '');
			assert.match(result.stderr, /^build: a patch no longer applies, ink-frame-cache: ink's output\.js no longer creates its OutputCaches per frame \(.*output\.js\)\n$/);
			assert.ok(!fs.existsSync(path.join(folder, 'dist')), 'nothing was written');
		} finally {
			fs.rmSync(folder, {recursive: true, force: true});
		}
	});

	test('a patch whose file moved stops the build with one line', () => {
		// The same library, its wasm loader under another name.
		const folder = buildFolder(['ink', 'ink-select-input', 'yoga-layout'], modules => {
			const dist = path.join(modules, 'yoga-layout', 'dist');
			fs.renameSync(path.join(dist, 'binaries', 'yoga-wasm-base64-esm.js'), path.join(dist, 'binaries', 'yoga-wasm-inline.js'));
			for (const file of ['index.js', 'load.js']) change(path.join(dist, 'src', file), 'yoga-wasm-base64-esm.js', 'yoga-wasm-inline.js');
		});
		try {
			const result = runBuild(folder);
			assert.equal(result.status, 1);
			assert.equal(result.stderr, 'build: a patch found no file to change, yoga-without-fetch (did the library move its files?)\n');
		} finally {
			fs.rmSync(folder, {recursive: true, force: true});
		}
	});
});
