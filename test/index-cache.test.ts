import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {indexFileFor} from '../source/core/index-cache.js';
import {loadArchive, openArchive, type Archive, type LoadOptions} from '../source/core/load.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, ptyAvailable, ptyError, startTerminal} from './helpers/terminal.js';

after(closeAll);

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cache-test-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let folders = 0;

/** A fresh, empty cache folder for one test. */
function freshCache(): LoadOptions['cache'] & {directory: string} {
	return {directory: path.join(cacheRoot, String(++folders))};
}

const post = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\ncategories: [news]\n${extra}---\nBody of ${title}\n`;

/** What a person sees of an archive: every listed field of every post, and what was skipped. */
function listed(archive: Archive) {
	return {
		posts: archive.posts.map(({path: file, title, date, hasTime, categories, tags, link, author, warnings}) => ({file, title, date, hasTime, categories: [...categories], tags: [...tags], link, author, warnings: [...warnings]})),
		skipped: archive.skipped.map(({path: file, reason}) => ({file, reason})),
	};
}

/** Loads with the cache and checks the result against a load that reads every file. */
function loadBoth(root: string, cache: LoadOptions['cache']) {
	const cached = loadArchive(root, {cache});
	assert.deepEqual(listed(cached), listed(loadArchive(root)));
	return cached;
}

/** Sets a file's mtime to a fixed time, so a rewrite within the same millisecond still differs by size only when it must. */
function touch(file: string, seconds: number) {
	fs.utimesSync(file, seconds, seconds);
}

const titles = (archive: Archive) => archive.posts.map(entry => entry.title);

test('a second load from the cache lists exactly what reading the files lists', () => {
	const root = makeArchive({
		'2024/a.md': post('Alpha', '2024-01-01'),
		'2024/b.html': post('Beta', '2024-01-02', 'link: https://example.com/b\nauthor: Ann\ntags: [x, y]\n'),
		'notes.txt': 'not a post: no front matter',
		'c.md': '---\ntitle: [broken\n---\nno date, broken front matter\n',
		'名字 with spaces "quoted".md': post('中文标题', '2023-05-06 07:08:09'),
	});
	const cache = freshCache();
	const first = loadBoth(root, cache);
	assert.ok(fs.existsSync(indexFileFor(root, cache.directory)), 'the index was written');
	const second = loadBoth(root, cache);
	assert.deepEqual(listed(second), listed(first));
	assert.deepEqual(titles(second), ['Beta', 'Alpha', '中文标题', '[broken']);
});

test('an edited post is read again, even when its size does not change', () => {
	const root = makeArchive({'a.md': post('Old title', '2024-01-01'), 'b.md': post('Other', '2023-01-01')});
	const cache = freshCache();
	touch(path.join(root, 'a.md'), 1_700_000_000);
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'a.md'), post('New title', '2024-01-01'));
	touch(path.join(root, 'a.md'), 1_700_000_100);
	assert.deepEqual(titles(loadBoth(root, cache)), ['New title', 'Other']);
	// Same size, same content length, only the mtime tells.
	fs.writeFileSync(path.join(root, 'a.md'), post('Neu title', '2024-01-01'));
	touch(path.join(root, 'a.md'), 1_700_000_200);
	assert.deepEqual(titles(loadBoth(root, cache)), ['Neu title', 'Other']);
});

test('added, deleted and renamed posts show up on the next load', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02'), 'sub/c.md': post('C', '2024-01-03')});
	const cache = freshCache();
	assert.deepEqual(titles(loadBoth(root, cache)), ['C', 'B', 'A']);
	fs.writeFileSync(path.join(root, 'sub', 'd.md'), post('D', '2024-01-04'));
	assert.deepEqual(titles(loadBoth(root, cache)), ['D', 'C', 'B', 'A']);
	fs.rmSync(path.join(root, 'b.md'));
	assert.deepEqual(titles(loadBoth(root, cache)), ['D', 'C', 'A']);
	fs.renameSync(path.join(root, 'a.md'), path.join(root, 'sub', 'renamed.md'));
	const renamed = loadBoth(root, cache);
	assert.deepEqual(titles(renamed), ['D', 'C', 'A']);
	assert.equal(renamed.posts.at(-1)!.path, path.join(root, 'sub', 'renamed.md'));
	// A file that becomes a post, and a post that stops being one.
	fs.writeFileSync(path.join(root, 'e.txt'), 'plain text');
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'e.txt'), post('E', '2024-01-05'));
	touch(path.join(root, 'e.txt'), 1_800_000_000);
	assert.deepEqual(titles(loadBoth(root, cache)), ['E', 'D', 'C', 'A']);
});

test('openArchive shows the cached list at once, and its refresh brings the changes', async () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const cache = freshCache();
	const first = openArchive(root, {cache});
	assert.equal(first.refresh, undefined, 'no index yet: the files were read');
	assert.deepEqual(titles(first.archive), ['B', 'A']);

	const unchanged = openArchive(root, {cache});
	assert.deepEqual(titles(unchanged.archive), ['B', 'A']);
	assert.equal(await unchanged.refresh!(), undefined, 'nothing changed');

	fs.writeFileSync(path.join(root, 'c.md'), post('C', '2024-01-03'));
	fs.rmSync(path.join(root, 'a.md'));
	const stale = openArchive(root, {cache});
	assert.deepEqual(titles(stale.archive), ['B', 'A'], 'the cached list comes first');
	const fresh = await stale.refresh!();
	assert.deepEqual(titles(fresh!), ['C', 'B']);
	assert.deepEqual(titles(openArchive(root, {cache}).archive), ['C', 'B'], 'and the index was updated');
});

test('a truncated, garbage, empty or other-version index is ignored and rebuilt', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02', 'link: https://example.com/b\n')});
	const cache = freshCache();
	loadBoth(root, cache);
	const file = indexFileFor(root, cache.directory);
	const good = fs.readFileSync(file);
	const damaged: Record<string, Buffer> = {
		truncated: good.subarray(0, Math.floor(good.length * 0.6)),
		'one byte short': good.subarray(0, good.length - 1),
		garbage: Buffer.from('\u0000\u00ff not an index at all \u0001\u0002'.repeat(50)),
		empty: Buffer.alloc(0),
		'other version': Buffer.concat([good.subarray(0, 8), Buffer.from([99, 0, 0, 0]), good.subarray(12)]),
		'flipped bytes': Buffer.from(good.map((byte, index) => (index > 40 && index % 7 === 0 ? byte ^ 0xff : byte))),
		'one changed letter of a title': Buffer.from(good.map((byte, index) => (index === good.lastIndexOf('B') ? 'X'.charCodeAt(0) : byte))),
	};
	for (const [name, bytes] of Object.entries(damaged)) {
		fs.writeFileSync(file, bytes);
		assert.deepEqual(titles(loadBoth(root, cache)), ['B', 'A'], name);
		const opened = openArchive(root, {cache});
		assert.deepEqual(listed(opened.archive), listed(loadArchive(root)), `${name}: rebuilt`);
	}
});

test('a cache written by another version (stamp) is not used', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01')});
	const directory = freshCache().directory;
	loadArchive(root, {cache: {directory, stamp: '1.0.0'}});
	assert.equal(openArchive(root, {cache: {directory, stamp: '2.0.0'}}).refresh, undefined);
	assert.notEqual(openArchive(root, {cache: {directory, stamp: '2.0.0'}}).refresh, undefined, 'rewritten for 2.0.0');
});

test('the cache never writes inside the archive, and deleting it is safe', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'deep/b.md': post('B', '2024-01-02')});
	const before = fs.readdirSync(root, {recursive: true}).sort();
	const cache = freshCache();
	loadBoth(root, cache);
	loadBoth(root, cache);
	assert.deepEqual(fs.readdirSync(root, {recursive: true}).sort(), before);
	const written = fs.readdirSync(cache.directory);
	assert.equal(written.length, 1);
	assert.ok(!path.relative(root, path.join(cache.directory, written[0]!)).split(path.sep).every(part => part !== '..'), 'index is outside the archive');
	fs.rmSync(cache.directory, {recursive: true});
	assert.deepEqual(titles(loadBoth(root, cache)), ['B', 'A']);
});

test('the same folder by another path uses the same index and lists paths as given', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01')});
	const cache = freshCache();
	loadBoth(root, cache);
	const relative = path.relative(process.cwd(), root);
	const opened = openArchive(relative, {cache});
	assert.notEqual(opened.refresh, undefined, 'index found by real path');
	assert.deepEqual(listed(opened.archive), listed(loadArchive(relative)));
});

test('FOLIO_CACHE_DIR and XDG_CACHE_HOME choose where the cache lives', async () => {
	const {cacheDirectory} = await import('../source/core/index-cache.js');
	const saved = {folio: process.env['FOLIO_CACHE_DIR'], xdg: process.env['XDG_CACHE_HOME']};
	try {
		delete process.env['FOLIO_CACHE_DIR'];
		process.env['XDG_CACHE_HOME'] = path.join(cacheRoot, 'xdg');
		if (process.platform === 'linux') assert.equal(cacheDirectory(), path.join(cacheRoot, 'xdg', 'folio', 'index'));
		process.env['FOLIO_CACHE_DIR'] = path.join(cacheRoot, 'override');
		assert.equal(cacheDirectory(), path.join(cacheRoot, 'override'));
	} finally {
		for (const [key, value] of [['FOLIO_CACHE_DIR', saved.folio], ['XDG_CACHE_HOME', saved.xdg]] as const) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	}
});

test('in the reader, a cached list shows at once and a post added or deleted since shows up', {skip: ptyAvailable ? false : `no pseudo-terminal: ${String(ptyError)}`}, async () => {
	const root = makeArchive({'a.md': post('Alpha post', '2024-01-01'), 'b.md': post('Beta post', '2024-01-02')});
	const env = {PATH: pathWithThisNode, FOLIO_CACHE_DIR: freshCache().directory, FOLIO_STATE_DIR: path.join(cacheRoot, `state-${++folders}`)};
	const show = async (expected: readonly string[], absent: readonly string[]) => {
		const term = startTerminal({command: folioCommand, args: [root], cols: 80, rows: 20, env});
		const screen = await term.waitFor(text => expected.every(title => text.includes(title)) && absent.every(title => !text.includes(title)), 10_000);
		term.write('q');
		await term.waitForExit(5000);
		return screen;
	};

	await show(['Beta post', 'Alpha post'], []);
	fs.writeFileSync(path.join(root, 'c.md'), post('Gamma post', '2024-01-03'));
	fs.rmSync(path.join(root, 'a.md'));
	fs.writeFileSync(path.join(root, 'b.md'), post('Beta post, edited', '2024-01-02'));
	touch(path.join(root, 'b.md'), 1_900_000_000);
	await show(['Gamma post', 'Beta post, edited'], ['Alpha post']);
});

test('new posts from a refresh keep the reader on the post being read', async () => {
	const {appReducer, initialState} = await import('../source/ui/app-state.js');
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const before = loadArchive(root).posts;
	const start = initialState(before);
	const reading = {...start, view: {kind: 'reader' as const, position: {top: 7, width: 80}, find: undefined, linkNumber: ''}};
	fs.writeFileSync(path.join(root, 'c.md'), post('C', '2024-01-03'));
	const after = appReducer(reading, {type: 'posts', posts: loadArchive(root).posts}).state;
	assert.equal(after.view.kind, 'reader');
	assert.equal(after.view.kind === 'reader' && after.view.position.top, 7);
	assert.equal(after.visible[after.list.selected]!.title, 'B');
	assert.deepEqual(after.data.posts.map(entry => entry.title), ['C', 'B', 'A']);
	// The post being read is gone: back to the list.
	fs.rmSync(path.join(root, 'b.md'));
	assert.equal(appReducer(reading, {type: 'posts', posts: loadArchive(root).posts}).state.view.kind, 'list');
});
