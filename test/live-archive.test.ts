/** Keeping a listed archive up to date with the watcher's batches: added, rewritten and removed posts. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {applyChanges} from '../source/core/live-archive.js';
import {loadArchive} from '../source/core/load.js';
import type {WatchedFile} from '../source/core/watch.js';
import {makeArchive} from './helpers/temp-archive.js';

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nBody of ${title}.\n`;
const file = (name: string): WatchedFile => {
	const stat = fs.statSync(name);
	return {path: name, size: stat.size, mtimeMs: stat.mtimeMs};
};
const titles = (posts: readonly {title: string}[]) => posts.map(item => item.title);

describe('applying watcher changes to the list', () => {
	test('an added post goes where a full load would put it; the list given is not changed', () => {
		const root = makeArchive({'a.md': post('May 1', '2024-05-01'), 'c.md': post('May 3', '2024-05-03')});
		const before = loadArchive(root).posts;
		fs.writeFileSync(path.join(root, 'b.md'), post('May 2', '2024-05-02'));
		const result = applyChanges(before, {added: [file(path.join(root, 'b.md'))], changed: [], removed: []});
		assert.deepEqual(titles(result.posts), ['May 3', 'May 2', 'May 1']);
		assert.deepEqual(result.posts, loadArchive(root).posts, 'the same as loading the folder again');
		assert.deepEqual(titles(result.added), ['May 2']);
		assert.deepEqual(titles(before), ['May 3', 'May 1']);
	});

	test('a rewritten post is read again and moves when its date changed; it is not counted as added', () => {
		const root = makeArchive({'a.md': post('Old title', '2024-05-01'), 'b.md': post('Other', '2024-05-02')});
		const before = loadArchive(root).posts;
		fs.writeFileSync(path.join(root, 'a.md'), post('New title', '2024-05-09'));
		const result = applyChanges(before, {added: [], changed: [file(path.join(root, 'a.md'))], removed: []});
		assert.deepEqual(titles(result.posts), ['New title', 'Other']);
		assert.deepEqual(titles(result.changed), ['New title']);
		assert.deepEqual(result.added, []);
		assert.deepEqual(result.removed, []);
	});

	test('a file reported as added that is already listed counts as changed', () => {
		const root = makeArchive({'a.md': post('A', '2024-05-01')});
		const before = loadArchive(root).posts;
		const result = applyChanges(before, {added: [file(path.join(root, 'a.md'))], changed: [], removed: []});
		assert.equal(result.posts.length, 1);
		assert.deepEqual(result.added, []);
		assert.deepEqual(titles(result.changed), ['A']);
	});

	test('a removed file takes its post; a removed folder takes every post under it, and only those', () => {
		const root = makeArchive({
			'a.md': post('A', '2024-05-01'),
			'2024/b.md': post('B', '2024-05-02'),
			'2024/deep/c.md': post('C', '2024-05-03'),
			'2024x/d.md': post('D', '2024-05-04'),
		});
		const before = loadArchive(root).posts;
		const result = applyChanges(before, {added: [], changed: [], removed: [path.join(root, 'a.md'), path.join(root, '2024')]});
		assert.deepEqual(titles(result.posts), ['D'], 'a folder whose name only begins the same stays');
		assert.deepEqual(titles(result.removed).sort(), ['A', 'B', 'C']);
	});

	test('a file that is no longer a post leaves the list and is reported as skipped; a removed path never listed changes nothing', () => {
		const root = makeArchive({'a.md': post('A', '2024-05-01'), 'b.md': post('B', '2024-05-02')});
		const before = loadArchive(root).posts;
		fs.writeFileSync(path.join(root, 'a.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
		const result = applyChanges(before, {added: [], changed: [file(path.join(root, 'a.md'))], removed: [path.join(root, 'never.md')]});
		assert.deepEqual(titles(result.posts), ['B']);
		assert.deepEqual(titles(result.removed), ['A']);
		assert.equal(result.skipped.length, 1);
		assert.match(result.skipped[0]!.reason, /binary/);
	});
});
