/**
 * Opening a big folder without an index cache: the posts likely to be newest are listed first,
 * the rest arrive in steps, and the end result is exactly what reading every file at once gives.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {likelyNewestFirst, mergeSorted} from '../source/core/file-order.js';
import {sortPosts} from '../source/core/library.js';
import {loadArchive, openArchive, type Archive} from '../source/core/load.js';
import {makePost} from './helpers/posts.js';
import {makeArchive} from './helpers/temp-archive.js';

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-first-batch-test-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let folders = 0;
const freshCache = () => ({directory: path.join(cacheRoot, String(++folders))});

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncategories: [news]\n---\nBody of ${title}\n`;

/** Every listed field of every post, and what was skipped, in order. */
function listed(archive: Archive) {
	return {
		posts: archive.posts.map(({path: file, title, date, hasTime, categories, tags, link, author, warnings}) => ({file, title, date, hasTime, categories: [...categories], tags: [...tags], link, author, warnings: [...warnings]})),
		skipped: archive.skipped.map(({path: file, reason}) => ({file, reason})),
	};
}

/** 60 dated posts whose names and dates disagree now and then, posts named without a day, a file that is not a post, and two that cannot be listed. */
function mixedArchive(): string {
	const files: Record<string, string> = {};
	for (let day = 1; day <= 30; day++) {
		const stamp = `2024-03-${String(day).padStart(2, '0')}`;
		files[`_posts/${stamp}-morning.md`] = post(`Morning ${day}`, `${stamp} 08:00`);
		// Named for one day, dated another: the posts' own dates decide the list.
		files[`_posts/${stamp}-evening.md`] = post(`Evening ${day}`, day % 7 === 0 ? '2024-04-15 20:00' : `${stamp} 20:00`);
	}
	for (let index = 0; index < 15; index++) files[`pages/page-${index}.md`] = post(`Page ${index}`, `2023-12-${String(index + 1).padStart(2, '0')}`);
	files['pages/undated.md'] = '---\ntitle: Undated\n---\nNo date.\n';
	files['notes/readme.txt'] = 'Just a note, not a post.\n';
	files['_posts/2024-03-31-broken.md'] = '---\ntitle: "unclosed\ndate: 2024-03-31\n';
	files['_posts/2024-02-01-binary.md'] = '\u0000\u0001\u0002 not text';
	return makeArchive(files);
}

test('files named with a day come newest first, other names after, each group in scan order', () => {
	const files = ['a/2024-01-02-x.md', 'b/notes.md', 'a/2024-03-01-y.md', '2023-12-31.md', 'c/2024-03-01-a.md', 'c/20240301-z.md', 'c/2024-1-05-w.md'];
	const order = likelyNewestFirst(files).map(index => files[index]);
	assert.deepEqual(order, ['a/2024-03-01-y.md', 'c/2024-03-01-a.md', 'a/2024-01-02-x.md', '2023-12-31.md', 'b/notes.md', 'c/20240301-z.md', 'c/2024-1-05-w.md']);
	assert.deepEqual(likelyNewestFirst([]), []);
});

test('merging two sorted lists gives what sorting them together gives', () => {
	const posts = Array.from({length: 40}, (_, index) =>
		makePost({path: `/p/${index}.md`, title: `T${index % 5}`, date: index % 9 === 0 ? undefined : Date.UTC(2024, 0, 1 + (index % 4))}),
	);
	const a = sortPosts(posts.filter((_, index) => index % 3 === 0));
	const b = sortPosts(posts.filter((_, index) => index % 3 !== 0));
	assert.deepEqual(mergeSorted(a, b), sortPosts(posts));
	assert.deepEqual(mergeSorted([], b), b);
});

test('a first batch lists the newest-named posts, and the rest ends exactly as a full load', async () => {
	const root = mixedArchive();
	const cache = freshCache();
	const opened = openArchive(root, {cache, firstBatch: 10});
	assert.ok(opened.refresh, 'more files to read after the first batch');
	assert.ok(opened.loading && opened.loading.done < opened.loading.total, 'it says how far it got');
	assert.equal(opened.loading.total, opened.files?.length);
	assert.ok(opened.archive.posts.length >= 10 && opened.archive.posts.length < 40, `a first batch, not everything: ${opened.archive.posts.length}`);
	const first = opened.archive.posts.map(entry => entry.title);
	for (const title of ['Morning 30', 'Evening 30', 'Morning 29']) assert.ok(first.includes(title), `${title} (named for the newest days) is in the first batch`);
	assert.ok(!first.includes('Page 0') && !first.includes('Morning 1'), 'posts named for older days, or not named by day, come later');
	assert.deepEqual(
		listed(opened.archive).posts,
		listed({posts: sortPosts(opened.archive.posts), skipped: []}).posts,
		'the first batch is in list order',
	);

	const seen: number[] = [];
	const full = await opened.refresh({sliceMs: 0, onUpdate: (archive, done) => seen.push(archive.posts.length, done)});
	assert.deepEqual(listed(full!), listed(loadArchive(root)), 'same posts, same order, same skipped files');
	assert.equal(full!.posts[0]!.title, 'Evening 14', 'a post named for an older day but dated newest goes to the top once read');

	// The index was written: the next start shows the whole list from it.
	const next = openArchive(root, {cache, firstBatch: 10});
	assert.equal(next.loading, undefined);
	assert.deepEqual(listed(next.archive), listed(loadArchive(root)));
});

test('a first batch ends at the end of a day: the newest post of a busy day is listed first', () => {
	const files: Record<string, string> = {};
	// 40 posts on the newest day, named in an order unrelated to their times, and older days.
	for (let index = 0; index < 40; index++) {
		const minute = (index * 17) % 40;
		files[`2024-11-30-story-${String(index).padStart(2, '0')}.md`] = post(`Busy ${minute}`, `2024-11-30 10:${String(minute).padStart(2, '0')}`);
	}
	for (let day = 1; day <= 29; day++) files[`2024-11-${String(day).padStart(2, '0')}-older.md`] = post(`Older ${day}`, `2024-11-${String(day).padStart(2, '0')} 09:00`);
	const opened = openArchive(makeArchive(files), {cache: freshCache(), firstBatch: 10});
	assert.ok(opened.refresh, 'the older days are read later');
	const titles = opened.archive.posts.map(entry => entry.title);
	assert.equal(titles.length, 40, 'the whole newest day, and no more');
	assert.equal(titles[0], 'Busy 39', 'the newest post of the day is on top from the first frame');
});

test('the archive reported while loading only grows, and every report is in list order', async () => {
	const files: Record<string, string> = {};
	for (let index = 0; index < 400; index++) {
		const day = `2024-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
		files[`${day}-post-${index}.md`] = post(`Post ${index}`, day);
	}
	const root = makeArchive(files);
	const opened = openArchive(root, {cache: false, firstBatch: 20});
	const reports: Archive[] = [];
	let pauses = 0;
	// A slow reader of the list: each pause lets a report through.
	const pause = async () => {
		pauses++;
		await new Promise(resolve => setTimeout(resolve, 2));
	};
	const full = await opened.refresh!({sliceMs: 0.5, pause, updateMs: 0, onUpdate: archive => reports.push(archive)});
	assert.ok(pauses > 1, 'the rest was read in several slices');
	assert.ok(new Set(reports.map(report => report.posts.length)).size > 1, `the list grew in steps: ${reports.map(report => report.posts.length).join(', ')}`);
	let before = opened.archive.posts.length;
	for (const report of reports) {
		assert.ok(report.posts.length >= before);
		before = report.posts.length;
		assert.deepEqual(report.posts.map(entry => entry.path), sortPosts(report.posts).map(entry => entry.path));
	}
	assert.deepEqual(listed(full!), listed(loadArchive(root)));
});

test('a small folder is read at once, with no loading step', () => {
	const root = makeArchive({'2024-01-01-a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const opened = openArchive(root, {cache: freshCache(), firstBatch: 300});
	assert.equal(opened.refresh, undefined);
	assert.equal(opened.loading, undefined);
	assert.deepEqual(listed(opened.archive), listed(loadArchive(root)));
});
