/**
 * folio's own cache and state, where they are not what they seem: a folder that cannot be made
 * gives one warning and folio goes on; a file far too large, or a named pipe or device in a
 * file's place, is ignored, never parsed or waited on.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {indexFileFor, maxIndexBytes} from '../source/core/db/index-db.js';
import {loadArchive} from '../source/core/load.js';
import {makeFolder, readOwnFile, UnusableError} from '../source/core/safe-folder.js';
import {loadStoredState, maxStateBytes, maxStateDatabaseBytes, openReadState, stateDatabaseFile, stateFile} from '../source/read-state.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-own-'));
after(() => fs.rmSync(scratch, {recursive: true, force: true}));
let count = 0;
const fresh = (name: string) => path.join(scratch, `${name}-${++count}`);

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-11-0${(count % 9) + 1}\n---\nBody of ${title}\n`;
// A place where mkdirSync({recursive: true}) never returns (Linux): /proc takes no new folders.
const impossible = '/proc/folio-test/never';
const hasProc = fs.existsSync('/proc/self');
// A hang detector, not a figure: each of these ends at once.
const hangMs = 20_000;

describe('a folder that cannot be made', () => {
	test('is one reason, at once, for a path under /proc', {skip: hasProc ? false : 'no /proc here', timeout: hangMs}, () => {
		assert.throws(() => makeFolder(impossible), (error: Error) => error instanceof UnusableError && error.message === `cannot make the folder ${impossible}: this place does not take new folders`);
	});

	test('is one reason when a file stands where a folder should be', () => {
		const file = fresh('file');
		fs.writeFileSync(file, 'mine');
		assert.throws(() => makeFolder(path.join(file, 'index')), {message: `cannot make the folder ${path.join(file, 'index')}: a part of its path is not a folder`});
		assert.throws(() => makeFolder(file), {message: `cannot make the folder ${file}: ${file} is not a folder`});
		assert.equal(fs.readFileSync(file, 'utf8'), 'mine', 'the file is left as it was');
	});

	test('is made, with the folders above it, when it can be', () => {
		const folder = path.join(fresh('nested'), 'a', 'b', 'c');
		makeFolder(folder, 0o700);
		assert.ok(fs.statSync(folder).isDirectory());
		assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
		makeFolder(folder);
	});

	test('for the read state: one warning, the state kept in memory', {skip: hasProc ? false : 'no /proc here', timeout: hangMs}, () => {
		const archive = makeArchive({'a.md': post('A')});
		const warnings: string[] = [];
		const store = openReadState(archive, [path.join(archive, 'a.md')], {env: {FOLIO_STATE_DIR: impossible}, onError: message => warnings.push(message)});
		store.save({read: new Set([path.join(archive, 'a.md')]), last: path.join(archive, 'a.md')});
		store.flush();
		store.save({read: new Set(), last: undefined});
		store.flush();
		assert.deepEqual(warnings, [`read state not saved: cannot make the folder ${impossible}: this place does not take new folders`]);
	});

	test('for the command: one warning and the list all the same', {skip: hasProc ? false : 'no /proc here'}, () => {
		const archive = makeArchive({'2024-11-01-a.md': post('First'), '2024-11-02-b.md': post('Second')});
		const env: Record<string, string | undefined> = {...process.env, PATH: pathWithThisNode, XDG_CACHE_HOME: '/proc/folio-test', XDG_STATE_HOME: '/proc/folio-test'};
		delete env['FOLIO_CACHE_DIR'];
		delete env['FOLIO_STATE_DIR'];
		const result = spawnSync(folioCommand, [archive, '--list'], {encoding: 'utf8', env, timeout: hangMs});
		assert.equal(result.error, undefined, 'folio ended');
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(result.stdout.trim().split('\n').map(line => line.split('\t')[2]).sort(), ['First', 'Second']);
		assert.equal(result.stderr, 'folio: index not used: cannot make the folder /proc/folio-test/folio/index: this place does not take new folders\n');
	});
});

describe('a file of folio’s own that is not what it seems', () => {
	test('larger than the limit given is not read', () => {
		const file = fresh('small');
		fs.writeFileSync(file, '{"version":1}');
		assert.equal(readOwnFile(file, 5), undefined);
		assert.equal(readOwnFile(file, 100)?.toString(), '{"version":1}');
	});

	test('a state file of an earlier version far larger than any folio wrote is ignored and left alone', () => {
		const archive = makeArchive({'a.md': post('A')});
		const env = {FOLIO_STATE_DIR: fresh('state')};
		const file = stateFile(archive, env);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, JSON.stringify({version: 1, read: ['a.md'], last: 'a.md'}));
		assert.deepEqual(loadStoredState(archive, env), {read: ['a.md'], last: 'a.md'});
		// Sparse: as large as it claims, without the disk space.
		fs.truncateSync(file, maxStateBytes + 1);
		assert.deepEqual(loadStoredState(archive, env), {read: [], last: undefined});
		assert.equal(fs.statSync(file).size, maxStateBytes + 1, 'the file is not deleted or rewritten by reading');
	});

	test('a state database far larger than any folio writes is left alone: one warning, the state kept in memory', () => {
		const archive = makeArchive({'a.md': post('A')});
		const env = {FOLIO_STATE_DIR: fresh('state')};
		const file = stateDatabaseFile(env);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, '');
		fs.truncateSync(file, maxStateDatabaseBytes + 1);
		const warnings: string[] = [];
		const store = openReadState(archive, [path.join(archive, 'a.md')], {env, onError: message => warnings.push(message)});
		store.save({read: new Set([path.join(archive, 'a.md')]), last: undefined});
		store.flush();
		assert.deepEqual(warnings, [`read state not saved: ${file} is implausibly large; move it away to start a new one`]);
		assert.equal(fs.statSync(file).size, maxStateDatabaseBytes + 1, 'the file is left as it was');
	});

	test('an index file far larger than any folio writes is ignored, and the list read from the posts', () => {
		const archive = makeArchive({'2024-11-01-a.md': post('Only')});
		const directory = fresh('cache');
		const file = indexFileFor(archive, directory);
		fs.mkdirSync(directory, {recursive: true});
		fs.writeFileSync(file, '');
		fs.truncateSync(file, maxIndexBytes + 1);
		const warnings: string[] = [];
		assert.deepEqual(loadArchive(archive, {cache: {directory, warn: message => warnings.push(message)}}).posts.map(entry => entry.title), ['Only']);
		assert.equal(warnings.length, 1, warnings.join('\n'));
		assert.match(warnings[0]!, /implausibly large/);
		assert.equal(fs.statSync(file).size, maxIndexBytes + 1, 'the file is left as it was');
	});

	test('a named pipe in place of the state or index file is never waited on', {timeout: hangMs}, () => {
		const archive = makeArchive({'2024-11-01-a.md': post('Piped')});
		const env = {FOLIO_STATE_DIR: fresh('state')};
		const state = stateFile(archive, env);
		fs.mkdirSync(path.dirname(state), {recursive: true});
		execFileSync('mkfifo', [state]);
		assert.deepEqual(loadStoredState(archive, env), {read: [], last: undefined});
		const database = stateDatabaseFile(env);
		execFileSync('mkfifo', [database]);
		const warnings: string[] = [];
		openReadState(archive, [path.join(archive, '2024-11-01-a.md')], {env, onError: message => warnings.push(message)}).flush();
		assert.deepEqual(warnings, [`read state not saved: ${database} is not a regular file`]);
		const directory = fresh('cache');
		fs.mkdirSync(directory, {recursive: true});
		execFileSync('mkfifo', [indexFileFor(archive, directory)]);
		assert.deepEqual(loadArchive(archive, {cache: {directory}}).posts.map(entry => entry.title), ['Piped']);
	});

	test('a device in place of the index file is never read', {skip: fs.existsSync('/dev/zero') ? false : 'no /dev/zero here', timeout: hangMs}, () => {
		const archive = makeArchive({'2024-11-01-a.md': post('Device')});
		const directory = fresh('cache');
		fs.mkdirSync(directory, {recursive: true});
		// An endless device: read, it would fill memory.
		fs.symlinkSync('/dev/zero', indexFileFor(archive, directory));
		assert.deepEqual(loadArchive(archive, {cache: {directory}}).posts.map(entry => entry.title), ['Device']);
	});
});
