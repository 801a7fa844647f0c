/** Read state as a person sees it: read posts dimmer, N/R/u, and the list reopening where reading stopped. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import type {Post} from '../source/core/types.js';

// Colours on, so the frames carry the dim attribute a person sees (set before ink loads).
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {keys, renderApp} = await import('./helpers/ui-app.js');
const {makePosts} = await import('./helpers/posts.js');
const {openReadState, stateDatabaseFile, stateFolder} = await import('../source/read-state.js');

afterEach(cleanup);

const dim = '\u001B[2m';
// eslint-disable-next-line no-control-regex
const plain = (line: string) => line.replace(/\u001B\[[\d;]*m/g, '');


/** True when the title of the row showing `title` is drawn dim. */
function isDim(frame: string, title: string): boolean {
	const row = frame.split('\n').find(line => plain(line).trimEnd().endsWith(` ${title}`));
	assert.ok(row, `no row for ${title}`);
	const start = row.lastIndexOf(dim);
	if (start < 0) return false;
	const end = row.indexOf('\u001B[22m', start);
	return plain(row.slice(start, end < 0 ? undefined : end)).trimEnd().endsWith(` ${title}`);
}

/** The selected row as text. */
function selectedRow(screen: string[]): string {
	return plain(screen.find(line => plain(line).startsWith('›')) ?? '').trimEnd();
}

describe('marking posts read', () => {
	test('an opened post is shown dimmer in the list, and the header counts the unread', async () => {
		const changes: Array<{read: ReadonlySet<string>; last: string | undefined}> = [];
		const app = await renderApp({onReadStateChange: state => changes.push(state)});
		assert.equal(isDim(app.lastFrame()!, 'Post 2'), false);
		assert.match(plain(app.screen()[0]!), /30\/30 posts · All · 30 unread$/, 'before anything is read, every post is unread');
		await app.press('j');
		await app.press(keys.enter);
		await app.press('J');
		await app.press('q');
		assert.equal(isDim(app.lastFrame()!, 'Post 2'), true, 'Post 2 was read');
		assert.equal(isDim(app.lastFrame()!, 'Post 3'), true, 'Post 3 was reached with J');
		assert.equal(isDim(app.lastFrame()!, 'Post 4'), false);
		assert.match(plain(app.screen()[0]!), /30\/30 posts · All · 28 unread$/);
		assert.deepEqual([...changes.at(-1)!.read], ['/archive/post-2.md', '/archive/post-3.md']);
		assert.equal(changes.at(-1)!.last, '/archive/post-3.md');
	});

	test('N toggles the selected post; R marks every shown post read; u shows only unread posts', async () => {
		const app = await renderApp();
		await app.press('N');
		assert.equal(isDim(app.lastFrame()!, 'Post 1'), true);
		assert.match(plain(app.screen().at(-1)!), /Marked read/);
		await app.press('N');
		assert.equal(isDim(app.lastFrame()!, 'Post 1'), false);
		assert.match(plain(app.screen().at(-1)!), /Marked unread/);
		await app.press(keys.tab); // category "business": posts 2, 5, 8, …
		await app.press('R');
		assert.match(plain(app.screen().at(-1)!), /Marked 10 posts read/);
		await app.press(keys.shiftTab);
		assert.match(plain(app.screen()[0]!), /30\/30 posts · All · 20 unread$/);
		await app.press('u');
		assert.match(plain(app.screen()[0]!), /20\/30 posts · All · unread only · 20 unread$/);
		const titles = app.screen().slice(1, 4).map(line => plain(line).trimEnd().split(' ').slice(-2).join(' '));
		assert.deepEqual(titles, ['Post 1', 'Post 3', 'Post 4']);
		await app.press('u');
		assert.match(plain(app.screen()[0]!), /30\/30 posts · All · 20 unread$/);
	});

	test('the list opens on the post read last, with earlier reads dimmer', async () => {
		const app = await renderApp({initialReadState: {read: ['/archive/post-5.md', '/archive/post-20.md'], last: '/archive/post-20.md'}});
		assert.match(selectedRow(app.screen()), / Post 20$/);
		assert.equal(isDim(app.lastFrame()!, 'Post 20'), true);
		assert.equal(isDim(app.lastFrame()!, 'Post 19'), false);
	});
});

describe('read state saved across runs', () => {
	const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-state-'));
	after(() => fs.rmSync(temporary, {recursive: true, force: true}));
	const archive = path.join(temporary, 'archive');
	fs.mkdirSync(archive);
	const env = {FOLIO_STATE_DIR: path.join(temporary, 'state')};
	const posts: Post[] = makePosts(12).map(post => ({...post, path: path.join(archive, path.basename(post.path))}));

	async function run(actions: (app: Awaited<ReturnType<typeof renderApp>>) => Promise<void>) {
		const store = openReadState(archive, posts.map(post => post.path), {env, delay: 5});
		const app = await renderApp({posts, initialReadState: store.initial, onReadStateChange: state => store.save(state)});
		await actions(app);
		store.flush();
		cleanup();
		return app;
	}

	test('a second run shows what the first one read and opens on the post read last', async () => {
		await run(async app => {
			await app.press('jjj');
			await app.press(keys.enter); // Post 4
			await app.press('q');
			await app.press('jj');
			await app.press(keys.enter); // Post 6
			await app.press('q');
			await app.press('q');
		});
		const file = stateDatabaseFile(env);
		assert.ok(file.startsWith(env.FOLIO_STATE_DIR), 'the state lives in the state folder');
		assert.deepEqual(fs.readdirSync(archive), [], 'nothing is written inside the archive');
		const reopened = openReadState(archive, posts.map(post => post.path), {env});
		assert.deepEqual([...reopened.initial.read].map(entry => path.basename(entry)).sort(), ['post-4.md', 'post-6.md']);

		const second = await renderApp({posts, initialReadState: openReadState(archive, posts.map(post => post.path), {env}).initial});
		assert.match(selectedRow(second.screen()), / Post 6$/);
		assert.equal(isDim(second.lastFrame()!, 'Post 4'), true);
		assert.equal(isDim(second.lastFrame()!, 'Post 5'), false);
		assert.match(plain(second.screen()[0]!), /12\/12 posts · All · 10 unread$/);
	});

	test('entries of posts not listed this time (filtered out) are kept', async () => {
		const store = openReadState(archive, posts.slice(0, 2).map(post => post.path), {env});
		assert.deepEqual([...store.initial.read], [], 'post 4 and 6 are not in this list');
		store.save({read: new Set([posts[0]!.path]), last: posts[0]!.path});
		store.flush();
		const again = openReadState(archive, posts.map(post => post.path), {env});
		assert.deepEqual([...again.initial.read].map(entry => path.basename(entry)).sort(), ['post-1.md', 'post-4.md', 'post-6.md']);
	});

	test('a state database that is not one is left alone: the reader starts with one warning', async () => {
		const brokenEnv = {FOLIO_STATE_DIR: path.join(temporary, 'broken')};
		fs.mkdirSync(brokenEnv.FOLIO_STATE_DIR);
		const garbage = 'not a database at all, but the person\'s file\n'.repeat(200);
		fs.writeFileSync(stateDatabaseFile(brokenEnv), garbage);
		const warnings: string[] = [];
		const store = openReadState(archive, posts.map(post => post.path), {env: brokenEnv, onError: message => warnings.push(message)});
		assert.equal(store.initial.read.size, 0);
		assert.equal(store.initial.last, undefined);
		store.save({read: new Set([posts[0]!.path]), last: posts[0]!.path});
		store.flush();
		assert.equal(warnings.length, 1, warnings.join('\n'));
		assert.doesNotMatch(warnings[0]!, /\n/);
		assert.equal(fs.readFileSync(stateDatabaseFile(brokenEnv), 'utf8'), garbage, 'the file is not changed');
		const app = await renderApp({posts, initialReadState: store.initial});
		assert.match(selectedRow(app.screen()), / Post 1$/);
	});

	test('the state folder follows FOLIO_STATE_DIR, then XDG_STATE_HOME', () => {
		assert.equal(stateFolder({FOLIO_STATE_DIR: '/tmp/x'}), '/tmp/x');
		assert.equal(stateFolder({XDG_STATE_HOME: '/tmp/state'}), '/tmp/state/folio');
		assert.equal(stateDatabaseFile({FOLIO_STATE_DIR: '/tmp/x'}), '/tmp/x/state.db');
	});
});
