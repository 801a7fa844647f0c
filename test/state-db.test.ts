/** The state database: marks, stars and positions kept across runs and processes, never lost. */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {openDatabase} from '../source/core/db/database.js';
import {openReadState, stateDatabaseFile, stateFile} from '../source/read-state.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-state-db-'));
after(() => fs.rmSync(temporary, {recursive: true, force: true}));
const helper = fileURLToPath(new URL('helpers/mark-posts.ts', import.meta.url));
let count = 0;

function fresh() {
	const folder = path.join(temporary, String(++count));
	const archive = path.join(folder, 'archive');
	fs.mkdirSync(archive, {recursive: true});
	const env = {FOLIO_STATE_DIR: path.join(folder, 'state')};
	const posts = Array.from({length: 400}, (_, index) => path.join(archive, `post-${index}.md`));
	return {archive, env, posts};
}

/** Runs the marking helper; resolves with its exit status and stderr. */
function markInChild(archive: string, stateDir: string, first: number, marks: number): Promise<{status: number | null; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, ['--import', 'tsx', helper, archive, stateDir, String(first), String(marks)], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('close', status => resolve({status, stderr}));
	});
}

test('two processes marking posts at the same time: no mark and no star is lost', async () => {
	const {archive, env, posts} = fresh();
	const results = await Promise.all([markInChild(archive, env.FOLIO_STATE_DIR, 0, 150), markInChild(archive, env.FOLIO_STATE_DIR, 200, 150)]);
	for (const result of results) assert.equal(result.status, 0, result.stderr);
	const store = openReadState(archive, posts, {env});
	const expected = [...posts.slice(0, 150), ...posts.slice(200, 350)];
	assert.deepEqual([...store.initial.read].sort(), expected.sort());
	assert.deepEqual([...store.starred()].sort(), expected.filter(post => Number(/(\d+)\.md$/.exec(post)![1]) % 3 === 0).sort());
	assert.ok(store.initial.last === posts[149] || store.initial.last === posts[349], String(store.initial.last));
});

test('a read mark taken away in one process stays away; marks the other process made stay', () => {
	const {archive, env, posts} = fresh();
	const first = openReadState(archive, posts, {env});
	const second = openReadState(archive, posts, {env});
	first.save({read: new Set([posts[1]!, posts[2]!]), last: posts[2]});
	first.flush();
	second.save({read: new Set([posts[7]!]), last: posts[7]});
	second.flush();
	first.save({read: new Set([posts[2]!]), last: posts[2]});
	first.flush();
	assert.deepEqual([...openReadState(archive, posts, {env}).initial.read].sort(), [posts[2]!, posts[7]!].sort());
});

test('stars and reading positions are kept across runs', () => {
	const {archive, env, posts} = fresh();
	const store = openReadState(archive, posts, {env, delay: 5});
	store.star(posts[3]!);
	store.star(posts[5]!);
	store.unstar(posts[3]!);
	store.position.set(posts[5]!, 42);
	assert.equal(store.position.get(posts[5]!), 42, 'a position not yet written is known');
	store.flush();
	const again = openReadState(archive, posts, {env});
	assert.deepEqual([...again.starred()], [posts[5]!]);
	assert.equal(again.position.get(posts[5]!), 42);
	assert.equal(again.position.get(posts[6]!), undefined);
});

test('the JSON read state of earlier versions is carried over once', () => {
	const {archive, env, posts} = fresh();
	const json = stateFile(archive, env);
	fs.mkdirSync(path.dirname(json), {recursive: true});
	fs.writeFileSync(json, JSON.stringify({version: 1, archive: fs.realpathSync(archive), read: ['post-1.md', 'post-9.md'], last: 'post-9.md'}));
	const store = openReadState(archive, posts, {env});
	assert.deepEqual([...store.initial.read].sort(), [posts[1]!, posts[9]!].sort());
	assert.equal(store.initial.last, posts[9]);
	// Unmarked since: the JSON file (left in place) is not read a second time.
	store.save({read: new Set([posts[1]!]), last: posts[1]});
	store.flush();
	assert.ok(fs.existsSync(json), 'the old file is left where it was');
	const again = openReadState(archive, posts, {env});
	assert.deepEqual([...again.initial.read], [posts[1]!]);
	assert.equal(again.initial.last, posts[1]);
});

test('a state database from a newer folio is left unchanged; the reader goes on with one warning', () => {
	const {archive, env, posts} = fresh();
	openReadState(archive, posts, {env}).flush();
	const file = stateDatabaseFile(env);
	const db = openDatabase(file);
	db.pragma('user_version = 99');
	db.close();
	const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
	const warnings: string[] = [];
	const store = openReadState(archive, posts, {env, onError: message => warnings.push(message)});
	store.save({read: new Set([posts[0]!]), last: posts[0]});
	store.star(posts[0]!);
	store.flush();
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /newer folio/);
	assert.equal(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), before);
});

test('a state folder that cannot be made: one warning, the state kept in memory', () => {
	const {archive, posts} = fresh();
	const warnings: string[] = [];
	const store = openReadState(archive, posts, {env: {FOLIO_STATE_DIR: '/proc/folio-cannot-be-made'}, onError: message => warnings.push(message)});
	store.star(posts[0]!);
	store.save({read: new Set([posts[0]!]), last: posts[0]});
	store.flush();
	assert.equal(warnings.length, 1);
	assert.deepEqual([...store.starred()], [posts[0]!]);
});
