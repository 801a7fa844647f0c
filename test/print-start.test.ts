/** Printing and listing never load the screen code (ink, react): they start as fast as node allows. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const recorder = path.join(root, 'test', 'helpers', 'record-loads.mjs');

/** The files of dist/ that one run of the built CLI loaded. */
function loadedFiles(args: string[]): string[] {
	const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-loads-')), 'loads.txt');
	const result = spawnSync(process.execPath, ['--import', recorder, path.join(root, 'dist', 'cli.js'), ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, FOLIO_RECORD_LOADS: record},
	});
	assert.equal(result.status, 0, result.stderr);
	const urls = fs.readFileSync(record, 'utf8').trim().split('\n');
	fs.rmSync(path.dirname(record), {recursive: true, force: true});
	return urls.filter(url => url.includes('/dist/')).map(url => path.basename(fileURLToPath(url)));
}

test('--print, --list and --json load neither ink nor react', () => {
	for (const args of [['content/2021-11-25-china-russia-military-ties.md', '--print'], ['content', '--list'], ['content', '--json']]) {
		const files = loadedFiles(args);
		assert.ok(files.includes('cli.js'), files.join(', '));
		const bundle = files.map(file => fs.readFileSync(path.join(root, 'dist', file), 'utf8')).join('\n');
		assert.doesNotMatch(bundle, /useInput|createElement\(|react\.production|ink\/build/, `${args.join(' ')} loaded ${files.join(', ')}`);
	}
});

/** The text of the dist/ files one run loaded. */
const loadedBundle = (args: string[]) => loadedFiles(args).map(file => fs.readFileSync(path.join(root, 'dist', file), 'utf8')).join('\n');
// An option folio gives meow: in the bundle wherever the command-line library is.
const meowCode = /allowUnknownFlags/;

test('a plainly written --print, --list or --json does not load the command-line library (meow)', () => {
	for (const args of [['content/2021-11-25-china-russia-military-ties.md', '--print', '--width', '60'], ['content', '--list', '--no-cache'], ['content', '-l', '-c', 'dw']]) {
		assert.doesNotMatch(loadedBundle(args), meowCode, args.join(' '));
	}
});

test('--help and --version load it, and so does a command line it must judge', () => {
	for (const args of [['--help'], ['--version'], ['content', '--list', '--list']]) {
		const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-loads-')), 'loads.txt');
		spawnSync(process.execPath, ['--import', recorder, path.join(root, 'dist', 'cli.js'), ...args], {cwd: root, encoding: 'utf8', env: {...process.env, FOLIO_RECORD_LOADS: record}});
		const files = fs.readFileSync(record, 'utf8').trim().split('\n').filter(url => url.includes('/dist/')).map(url => fileURLToPath(url));
		fs.rmSync(path.dirname(record), {recursive: true, force: true});
		assert.match(files.map(file => fs.readFileSync(file, 'utf8')).join('\n'), meowCode, args.join(' '));
	}
});

test('--print of one file opens no database: nothing is written to the cache or state folder', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-print-db-'));
	try {
		const env = {...process.env, FOLIO_CACHE_DIR: path.join(folder, 'cache'), FOLIO_STATE_DIR: path.join(folder, 'state')};
		const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'content/2021-11-25-china-russia-military-ties.md', '--print'], {cwd: root, encoding: 'utf8', env});
		assert.equal(result.status, 0, result.stderr);
		assert.ok(result.stdout.length > 0);
		assert.deepEqual(fs.readdirSync(folder), []);
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});

test('--print of one file loads neither the index code nor the Chinese conversion tables', () => {
	const bundle = loadedBundle(['content/2021-11-25-china-russia-military-ties.md', '--print']);
	// Text that stays as written in the bundle: the index's SQL, and the first entry of the
	// Traditional-to-Simplified table that search folding loads.
	assert.doesNotMatch(bundle, /CREATE TABLE IF NOT EXISTS files/);
	assert.doesNotMatch(bundle, /㑯 㑔\|㑳 㑇/);
});
