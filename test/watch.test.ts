/**
 * The archive watcher: files added, written again and removed under a watched folder are reported
 * in batches, with the same files scan.ts would list; hidden files, ignored folders and other
 * extensions never are.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {watchArchive, type ArchiveChanges, type ArchiveWatcher} from '../source/core/watch.js';
import {makeArchive} from './helpers/temp-archive.js';

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-05-01\n---\nBody of ${title}.\n`;

type Recorder = {
	readonly watcher: ArchiveWatcher;
	readonly batches: ArchiveChanges[];
	/** Waits until the batches so far satisfy the check (5 s at most). */
	until(check: (all: ArchiveChanges[]) => boolean, what: string): Promise<void>;
};

const open: ArchiveWatcher[] = [];
after(async () => Promise.all(open.map(async watcher => watcher.close())));

async function record(root: string): Promise<Recorder> {
	const batches: ArchiveChanges[] = [];
	const watcher = await watchArchive(root, {onChanges: changes => batches.push(changes)});
	open.push(watcher);
	return {
		watcher,
		batches,
		async until(check, what) {
			const started = Date.now();
			while (!check(batches)) {
				if (Date.now() - started > 5000) assert.fail(`no batch showed ${what}; batches: ${JSON.stringify(batches)}`);
				await new Promise(resolve => setTimeout(resolve, 20));
			}
		},
	};
}

const addedPaths = (all: ArchiveChanges[]) => all.flatMap(batch => batch.added.map(file => file.path));
const changedPaths = (all: ArchiveChanges[]) => all.flatMap(batch => batch.changed.map(file => file.path));
const removedPaths = (all: ArchiveChanges[]) => all.flatMap(batch => batch.removed);

describe('watching an archive', () => {
	test('a new post is reported as added with its size and time, a rewrite as changed, a removal as removed', async () => {
		const root = makeArchive({'2024-05-01-old.md': post('Old')});
		const recorder = await record(root);
		const fresh = path.join(root, '2024-05-02-fresh.md');
		fs.writeFileSync(fresh, post('Fresh'));
		await recorder.until(all => addedPaths(all).includes(fresh), 'the new post');
		const added = recorder.batches.flatMap(batch => batch.added).find(file => file.path === fresh)!;
		const stat = fs.statSync(fresh);
		assert.equal(added.size, stat.size);
		assert.equal(added.mtimeMs, stat.mtimeMs);

		const old = path.join(root, '2024-05-01-old.md');
		fs.appendFileSync(old, 'More text.\n');
		await recorder.until(all => changedPaths(all).includes(old), 'the rewritten post');
		assert.ok(!addedPaths(recorder.batches).includes(old), 'a rewrite is not an addition');

		fs.rmSync(fresh);
		await recorder.until(all => removedPaths(all).includes(fresh), 'the removed post');
	});

	test('many files written at once come in few batches, none lost', async () => {
		const root = makeArchive({'keep.md': post('Keep')});
		const recorder = await record(root);
		const names = Array.from({length: 50}, (_, index) => path.join(root, 'day', `2024-06-${String((index % 28) + 1).padStart(2, '0')}-post-${index}.md`));
		fs.mkdirSync(path.join(root, 'day'));
		for (const name of names) fs.writeFileSync(name, post(path.basename(name)));
		await recorder.until(all => names.every(name => addedPaths(all).includes(name)), 'all 50 posts');
		assert.ok(recorder.batches.length <= 5, `50 files in ${recorder.batches.length} batches`);
		assert.equal(new Set(addedPaths(recorder.batches)).size, addedPaths(recorder.batches).length, 'each file reported once');
	});

	test('hidden files and folders, node_modules, _site and other extensions are never reported', async () => {
		const root = makeArchive({'a.md': post('A')});
		const recorder = await record(root);
		fs.writeFileSync(path.join(root, '.hidden.md'), post('Hidden'));
		fs.mkdirSync(path.join(root, '.git'));
		fs.writeFileSync(path.join(root, '.git', 'HEAD.md'), 'ref');
		fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), {recursive: true});
		fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'readme.md'), post('Dependency'));
		fs.mkdirSync(path.join(root, '_site'));
		fs.writeFileSync(path.join(root, '_site', 'index.html'), '<p>built</p>');
		fs.writeFileSync(path.join(root, 'picture.jpg'), 'not a post');
		// Written last: once it is reported, the events of the files above have come too.
		const visible = path.join(root, 'visible.md');
		fs.writeFileSync(visible, post('Visible'));
		await recorder.until(all => addedPaths(all).includes(visible), 'the visible post');
		assert.deepEqual(addedPaths(recorder.batches), [visible]);
		assert.deepEqual(changedPaths(recorder.batches), []);
	});

	test('a folder moved in brings its posts; a folder removed is reported', async () => {
		const root = makeArchive({'a.md': post('A')});
		const outside = makeArchive({'2024/one.md': post('One'), '2024/deep/two.html': '<h1>Two</h1>', '2024/.draft.md': post('Draft')});
		const recorder = await record(root);
		fs.renameSync(path.join(outside, '2024'), path.join(root, '2024'));
		const one = path.join(root, '2024', 'one.md');
		const two = path.join(root, '2024', 'deep', 'two.html');
		await recorder.until(all => addedPaths(all).includes(one) && addedPaths(all).includes(two), 'the posts of the folder moved in');
		assert.ok(!addedPaths(recorder.batches).some(file => file.includes('.draft')), 'hidden files inside it are left out');

		fs.rmSync(path.join(root, '2024'), {recursive: true});
		await recorder.until(all => removedPaths(all).some(file => file === path.join(root, '2024') || file === one), 'the removed folder');
	});

	test('a relative root gives paths joined onto it, as a scan would', async () => {
		const root = makeArchive({'a.md': post('A')});
		const relative = path.relative(process.cwd(), root);
		const recorder = await record(relative);
		fs.writeFileSync(path.join(root, 'b.md'), post('B'));
		await recorder.until(all => addedPaths(all).includes(path.join(relative, 'b.md')), 'the post under the relative root');
	});

	test('nothing is reported after close', async () => {
		const root = makeArchive({'a.md': post('A')});
		const recorder = await record(root);
		await recorder.watcher.close();
		fs.writeFileSync(path.join(root, 'late.md'), post('Late'));
		// A second watch on the same folder sees the next file; the closed one must not have reported either.
		const second = await record(root);
		const marker = path.join(root, 'marker.md');
		fs.writeFileSync(marker, post('Marker'));
		await second.until(all => addedPaths(all).includes(marker), 'the marker');
		assert.deepEqual(recorder.batches, []);
	});

	test('a folder that does not exist is a one-line error', async () => {
		await assert.rejects(watchArchive(path.join(makeArchive({}), 'missing'), {onChanges() {}}), (error: Error) => {
			assert.match(error.message, /^cannot watch .*missing: /);
			assert.ok(!error.message.includes('\n'));
			return true;
		});
	});
});
