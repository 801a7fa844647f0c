import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {indexRowsRead} from '../source/core/db/index-window.js';
import {countCategories} from '../source/core/library.js';
import {buildArchive, loadArchive, openArchive} from '../source/core/load.js';
import {openReadState} from '../source/read-state.js';
import {renderApp} from './helpers/ui-app.js';

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-first-screen-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let folders = 0;
const freshCache = () => ({directory: path.join(cacheRoot, String(++folders))});

const sources = ['world', 'business', 'sport', 'Sport'];

/** A folder of `count` small posts, one a minute, the newest last; written quickly, without the test helpers' bookkeeping. */
function bigArchive(count: number): string {
	const root = fs.mkdtempSync(path.join(cacheRoot, 'archive-'));
	const start = Date.UTC(2024, 0, 1);
	for (let folder = 0; folder * 1000 < count; folder++) {
		const dir = path.join(root, `part-${folder}`);
		fs.mkdirSync(dir);
		for (let number = folder * 1000; number < Math.min(count, (folder + 1) * 1000); number++) {
			const date = new Date(start + number * 60_000).toISOString();
			fs.writeFileSync(path.join(dir, `post-${number}.md`), `---\ntitle: Post ${number}\ndate: ${date}\ncategories: [${sources[number % sources.length]}]\n---\nBody ${number}\n`);
		}
	}

	return root;
}

const count = 20_000;
const root = bigArchive(count);
const cache = freshCache();
// Indexed beforehand, as a reader opened once before leaves it.
loadArchive(root, {cache});

test('a reader opened on an indexed archive reads no more than a screenful of posts for its first frame', async () => {
	const rows = 24;
	const before = indexRowsRead();
	const opened = openArchive(root, {cache, firstScreen: rows});
	const read = indexRowsRead() - before;
	assert.ok(read <= rows, `${read} rows read for the first frame, more than a screenful (${rows})`);
	assert.equal(opened.summary?.total, count);

	// The screen a person sees: the newest posts, the whole archive counted, every category (case folded).
	const app = await renderApp({posts: opened.archive.posts, summary: opened.summary, skipped: opened.archive.skipped, width: 100, height: rows - 1});
	try {
		await app.waitFor(() => app.screen().some(line => line.includes(`Post ${count - 1}`)), 'the newest post listed');
		const header = app.screen()[0]!;
		assert.match(header, /20,000\/20,000 posts/);
		assert.match(header, /20,000 unread/);
		assert.match(app.selected() ?? '', new RegExp(`Post ${count - 1}\\b`));
		assert.deepEqual(opened.summary?.categories, [
			{name: 'Sport', count: count / 2},
			{name: 'business', count: count / 4},
			{name: 'world', count: count / 4},
		]);
	} finally {
		app.unmount();
	}

	// After the first frame: every post, as a full load lists it.
	const all = await opened.listAll!();
	assert.deepEqual(
		all.posts.map(post => post.path),
		loadArchive(root, {cache}).posts.map(post => post.path),
	);
});

test('read marks on the first screen are those saved, and the unread count is the whole archive’s', async () => {
	const env = {...process.env, FOLIO_STATE_DIR: fs.mkdtempSync(path.join(cacheRoot, 'state-'))};
	const newest = path.join(root, 'part-19', `post-${count - 1}.md`);
	const older = path.join(root, 'part-0', 'post-5.md');
	const first = openReadState(root, [newest, older], {env});
	first.save({read: new Set([newest, older]), last: older});
	first.flush();

	const opened = openArchive(root, {cache, firstScreen: 10});
	const state = openReadState(root, {postKeys: opened.postKeys!}, {env});
	assert.deepEqual([...state.initial.read].sort(), [older, newest].sort());
	assert.equal(state.initial.last, older);
	const app = await renderApp({posts: opened.archive.posts, summary: opened.summary, initialReadState: state.initial, width: 100, height: 12});
	try {
		await app.waitFor(() => /19,998 unread/.test(app.screen()[0] ?? ''), 'the unread count of the whole archive');
	} finally {
		app.unmount();
		state.flush();
	}
});

test('the check of an indexed archive gives only what changed, and applies it to the list shown', async () => {
	const small = bigArchive(300);
	const smallCache = freshCache();
	loadArchive(small, {cache: smallCache});
	const edited = path.join(small, 'part-0', 'post-7.md');
	const gone = path.join(small, 'part-0', 'post-8.md');
	// Edited in place: its folder's time stays, so the first frame comes from the index as it was.
	fs.writeFileSync(edited, '---\ntitle: Edited\ndate: 2030-01-01\n---\nNew body\n');

	const opened = openArchive(small, {cache: smallCache, firstScreen: 5});
	assert.ok(opened.listAll, 'the first frame came from the index');
	const base = await opened.listAll();
	assert.equal(base.posts.length, 300);
	assert.equal(base.posts.find(post => post.path === edited)?.title, 'Post 7');
	// In a worker thread, as the reader runs it: its changes are applied to the list shown.
	const next = await opened.refresh!({base, worker: true});
	assert.ok(next !== undefined);
	assert.equal(next.posts[0]?.title, 'Edited');
	assert.equal(next.posts.length, 300);

	// What such a check sends: the posts read again and the paths gone, not the whole list.
	fs.writeFileSync(edited, '---\ntitle: Edited again\ndate: 2030-01-01\n---\nNewer body\n');
	fs.rmSync(gone);
	const {changes} = buildArchive(small, {cache: smallCache, rescan: true});
	assert.deepEqual(changes.updated.map(post => post.title), ['Edited again']);
	assert.deepEqual(changes.removed, [gone]);

	// The counts the next first frame shows follow every change the index took in.
	const posts = loadArchive(small).posts;
	const again = openArchive(small, {cache: smallCache, firstScreen: 5});
	assert.deepEqual(again.summary, {total: posts.length, categories: countCategories(posts)});
	await again.listAll!();
});

test('a file added, removed or renamed since the index was written is seen in the first frame', () => {
	const folder = bigArchive(1500);
	const own = freshCache();
	loadArchive(folder, {cache: own});
	fs.writeFileSync(path.join(folder, 'part-1', 'post-new.md'), `---\ntitle: Added since\ndate: 2030-01-01T00:00:00Z\n---\nNew\n`);
	fs.renameSync(path.join(folder, 'part-0', 'post-3.md'), path.join(folder, 'part-0', 'renamed.md'));
	fs.rmSync(path.join(folder, 'part-0', 'post-4.md'));
	const opened = openArchive(folder, {cache: own, firstScreen: 24});
	const paths = new Set(opened.archive.posts.map(post => path.relative(folder, post.path)));
	assert.equal(opened.archive.posts[0]?.title, 'Added since');
	assert.ok(paths.has(path.join('part-0', 'renamed.md')), 'the renamed file is listed under its new name');
	assert.ok(!paths.has(path.join('part-0', 'post-3.md')) && !paths.has(path.join('part-0', 'post-4.md')), 'the old name and the removed file are gone');
	assert.equal(opened.archive.posts.length, 1500);
});
