import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {openDatabase} from '../source/core/db/database.js';
import {indexFileFor, maxIndexBytes} from '../source/core/db/index-db.js';
import {loadArchive, openArchive, type Archive, type CacheOptions, type LoadOptions} from '../source/core/load.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, ptyAvailable, ptyError, startTerminal} from './helpers/terminal.js';

after(closeAll);

const folioScript = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cache-test-'));
after(() => fs.rmSync(cacheRoot, {recursive: true, force: true}));
let folders = 0;

/** A fresh, empty cache folder for one test. */
function freshCache(): CacheOptions & {directory: string} {
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
function loadBoth(root: string, cache: LoadOptions['cache'], rescan = false) {
	const cached = loadArchive(root, {cache, rescan});
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

test('a post edited in place is read again after a rescan, even when its size does not change', () => {
	const root = makeArchive({'a.md': post('Old title', '2024-01-01'), 'b.md': post('Other', '2023-01-01')});
	const cache = freshCache();
	touch(path.join(root, 'a.md'), 1_700_000_000);
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'a.md'), post('New title', '2024-01-01'));
	touch(path.join(root, 'a.md'), 1_700_000_100);
	// The folder did not change: its files are trusted without a stat, until a rescan.
	assert.deepEqual(titles(loadArchive(root, {cache})), ['Old title', 'Other']);
	assert.deepEqual(titles(loadBoth(root, cache, true)), ['New title', 'Other']);
	// Same size, same content length, only the mtime tells.
	fs.writeFileSync(path.join(root, 'a.md'), post('Neu title', '2024-01-01'));
	touch(path.join(root, 'a.md'), 1_700_000_200);
	assert.deepEqual(titles(loadBoth(root, cache, true)), ['Neu title', 'Other']);
	assert.deepEqual(titles(loadBoth(root, cache)), ['Neu title', 'Other'], 'and the index was updated');
});

test('files in a folder that did not change are not stat\'ed, and those of a changed folder are', () => {
	const root = makeArchive({'old/a.md': post('A', '2024-01-01'), 'new/b.md': post('B', '2024-01-02')});
	const cache = freshCache();
	loadBoth(root, cache);
	// Edited in place in both folders; then a file added to one of them changes only that folder.
	for (const name of ['old/a.md', 'new/b.md']) {
		fs.writeFileSync(path.join(root, name), post(`${name} edited`, '2024-01-03'));
		touch(path.join(root, name), 1_700_000_000);
	}

	fs.writeFileSync(path.join(root, 'new', 'c.md'), post('C', '2024-01-04'));
	assert.deepEqual(titles(loadArchive(root, {cache})), ['C', 'new/b.md edited', 'A']);
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
	// A file that becomes a post when edited in place (seen with a rescan), and one that stops being one.
	fs.writeFileSync(path.join(root, 'e.txt'), 'plain text');
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'e.txt'), post('E', '2024-01-05'));
	touch(path.join(root, 'e.txt'), 1_800_000_000);
	assert.deepEqual(titles(loadBoth(root, cache, true)), ['E', 'D', 'C', 'A']);
	fs.writeFileSync(path.join(root, 'e.txt'), 'plain text again');
	touch(path.join(root, 'e.txt'), 1_800_000_100);
	assert.deepEqual(titles(loadBoth(root, cache, true)), ['D', 'C', 'A']);
});

test('openArchive shows added and removed posts at once, and its refresh brings posts edited in place', async () => {
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
	const moved = openArchive(root, {cache});
	assert.deepEqual(titles(moved.archive), ['C', 'B'], 'the folder changed: read again at once');
	assert.equal(await moved.refresh!(), undefined);

	fs.writeFileSync(path.join(root, 'b.md'), post('B edited', '2024-01-02'));
	touch(path.join(root, 'b.md'), 1_700_000_000);
	const edited = openArchive(root, {cache});
	assert.deepEqual(titles(edited.archive), ['C', 'B'], 'an edit in place is not seen before the check');
	assert.deepEqual(titles((await edited.refresh!())!), ['C', 'B edited']);
	assert.deepEqual(titles(openArchive(root, {cache}).archive), ['C', 'B edited'], 'and the index was updated');
});

test('a truncated, garbage, empty or newer-version index is rebuilt, never a crash', () => {
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
		// user_version (the schema version) is the big-endian number at byte 60 of the header.
		'newer version': Buffer.concat([good.subarray(0, 60), Buffer.from([0, 0, 0, 99]), good.subarray(64)]),
		'flipped bytes': Buffer.from(good.map((byte, index) => (index > 100 && index % 7 === 0 ? byte ^ 0xff : byte))),
	};
	for (const [name, bytes] of Object.entries(damaged)) {
		fs.writeFileSync(file, bytes);
		const warnings: string[] = [];
		assert.deepEqual(titles(loadBoth(root, {...cache, warn: message => warnings.push(message)})), ['B', 'A'], name);
		assert.ok(warnings.length <= 1 && warnings.every(line => !line.includes('\n')), `${name}: ${warnings.join(' | ')}`);
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
	assert.deepEqual(written.map(name => path.extname(name)), ['.db'], 'one database, its journal folded in when closed');
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
	const {cacheDirectory} = await import('../source/core/db/index-db.js');
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

test('new posts from a refresh keep the reader on the post being read, and the list takes them in when it is shown', async () => {
	const {appReducer, initialState, readerPlace} = await import('../source/ui/app-state.js');
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const before = loadArchive(root).posts;
	const reading = {...initialState(before), view: {kind: 'reader' as const, position: {top: 7, width: 80}, find: undefined, linkNumber: ''}};
	const env = {width: 80, height: 24, lines: () => []};
	fs.writeFileSync(path.join(root, 'c.md'), post('C', '2024-01-03'));
	const after = appReducer(reading, {type: 'posts', posts: loadArchive(root).posts}).state;
	assert.equal(after.view.kind, 'reader');
	assert.equal(after.view.kind === 'reader' ? after.view.position.top : undefined, 7);
	assert.equal(after.visible[after.list.selected]!.title, 'B');
	assert.deepEqual(readerPlace(after), {index: 2, count: 3}, 'the status line counts the longer list');
	// The list behind the article is not made again while it is hidden; leaving the article shows it.
	assert.deepEqual(after.data.posts.map(entry => entry.title), ['B', 'A']);
	const back = appReducer(after, {type: 'keys', keys: ['q'], env}).state;
	assert.equal(back.view.kind, 'list');
	assert.deepEqual(back.data.posts.map(entry => entry.title), ['C', 'B', 'A']);
	assert.equal(back.visible[back.list.selected]!.title, 'B');
	// The post being read is gone: it stays open as it was loaded; the list shown after it has it no more.
	fs.rmSync(path.join(root, 'b.md'));
	const gone = appReducer(reading, {type: 'posts', posts: loadArchive(root).posts}).state;
	assert.equal(gone.view.kind, 'reader');
	assert.equal(gone.visible[gone.list.selected]!.title, 'B');
	const left = appReducer(gone, {type: 'keys', keys: ['q'], env}).state;
	assert.equal(left.view.kind, 'list');
	assert.deepEqual(left.visible.map(entry => entry.title), ['C', 'A']);
});

test('a date-only post shows the same day when the index is read in another time zone', () => {
	const root = makeArchive({'go.md': post('Go 1.27 is released', '2026-08-19'), 'timed.md': post('Timed', '2026-08-18 23:30:00 +08:00')});
	const env = {PATH: pathWithThisNode, FOLIO_CACHE_DIR: freshCache().directory, FOLIO_STATE_DIR: path.join(cacheRoot, `state-${++folders}`)};
	const list = (tz: string) => {
		const result = spawnSync(folioCommand, [root, '--list'], {encoding: 'utf8', env: {...env, TZ: tz}});
		assert.equal(result.status, 0, result.stderr);
		return result.stdout;
	};

	const written = list('Asia/Shanghai');
	assert.match(written, /^2026-08-19\tnews\tGo 1\.27 is released/m);
	assert.ok(fs.readdirSync(env.FOLIO_CACHE_DIR).length > 0, 'the index was written');
	assert.match(list('UTC'), /^2026-08-19\tnews\tGo 1\.27 is released/m, 'read from the index in UTC');
	assert.match(list('America/Los_Angeles'), /^2026-08-19\tnews\tGo 1\.27 is released/m);
	// A post with a time is one instant: its day is that of the zone it is shown in.
	assert.match(list('UTC'), /^2026-08-18 15:30\tnews\tTimed/m);
});

test('a cache folder that cannot be made, or a pipe where the index goes: one warning, the files are read', {skip: process.platform === 'win32' ? 'no named pipes' : false}, () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const warnings: string[] = [];
	const warn = (message: string) => warnings.push(message);
	assert.deepEqual(titles(loadArchive(root, {cache: {directory: '/proc/folio-cache/index', warn}})), ['B', 'A']);
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /^index not used: cannot make/);

	const cache = freshCache();
	fs.mkdirSync(cache.directory, {recursive: true});
	const fifo = spawnSync('mkfifo', [indexFileFor(root, cache.directory)]);
	if (fifo.status !== 0) return;
	warnings.length = 0;
	assert.deepEqual(titles(loadArchive(root, {cache: {...cache, warn}})), ['B', 'A']);
	assert.deepEqual(warnings.length, 1);
	assert.match(warnings[0]!, /not a regular file/);
	assert.ok(fs.lstatSync(indexFileFor(root, cache.directory)).isFIFO(), 'the pipe is left as it is');
});

test('an implausibly large index file is left alone with one warning', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01')});
	const cache = freshCache();
	fs.mkdirSync(cache.directory, {recursive: true});
	const file = indexFileFor(root, cache.directory);
	// Sparse: takes no room on disk.
	fs.writeFileSync(file, '');
	fs.truncateSync(file, maxIndexBytes + 1);
	const warnings: string[] = [];
	assert.deepEqual(titles(loadArchive(root, {cache: {...cache, warn: message => warnings.push(message)}})), ['A']);
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /implausibly large/);
	assert.equal(fs.statSync(file).size, maxIndexBytes + 1);
});

test('an index another process keeps locked: one warning, the list is still right', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01')});
	const cache = freshCache();
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'b.md'), post('B', '2024-01-02'));
	const holder = openDatabase(indexFileFor(root, cache.directory));
	holder.exec('BEGIN EXCLUSIVE');
	try {
		const warnings: string[] = [];
		assert.deepEqual(titles(loadArchive(root, {cache: {...cache, busyTimeoutMs: 50, warn: message => warnings.push(message)}})), ['B', 'A']);
		assert.equal(warnings.length, 1, warnings.join(' | '));
		assert.doesNotMatch(warnings[0]!, /\n/);
	} finally {
		holder.exec('ROLLBACK');
		holder.close();
	}

	assert.deepEqual(titles(loadBoth(root, cache)), ['B', 'A']);
});

test('kill -9 during a build keeps every batch committed, and the next run lists everything', async () => {
	const files: Record<string, string> = {};
	for (let index = 0; index < 6000; index++) files[`f${String(Math.floor(index / 1000))}/p${String(index).padStart(5, '0')}.md`] = post(`Post ${index}`, `2024-01-01 00:${String(index % 60).padStart(2, '0')}:00`);
	const root = makeArchive(files);
	const cache = freshCache();
	const file = indexFileFor(root, cache.directory);
	const child = spawn(process.execPath, [folioScript, root, '--list'], {stdio: ['ignore', 'ignore', 'ignore'], env: {...process.env, FOLIO_CACHE_DIR: cache.directory, FOLIO_STATE_DIR: path.join(cacheRoot, `state-${++folders}`)}});
	const exited = new Promise(resolve => child.on('exit', resolve));
	let committed = 0;
	const started = Date.now();
	while (committed === 0 && Date.now() - started < 20_000) {
		await new Promise(resolve => setTimeout(resolve, 5));
		try {
			const db = openDatabase(file);
			committed = (db.prepare('SELECT count(*) AS n FROM files').get() as {n: number}).n;
			db.close();
		} catch {}
	}

	child.kill('SIGKILL');
	await exited;
	assert.ok(committed > 0, 'some rows were committed before the kill');
	const db = openDatabase(file);
	const kept = (db.prepare('SELECT count(*) AS n FROM files').get() as {n: number}).n;
	db.close();
	assert.ok(kept >= committed, `${kept} rows kept of ${committed} committed`);
	const again = loadBoth(root, cache);
	assert.equal(again.posts.length, 6000);
});

test('the check after the first frame runs in a worker thread, with progress, and finds what a check in-process finds', async () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const cache = freshCache();
	loadBoth(root, cache);
	fs.writeFileSync(path.join(root, 'b.md'), post('B edited', '2024-01-02'));
	touch(path.join(root, 'b.md'), 1_700_000_000);
	const progress: Array<[number, number]> = [];
	const opened = openArchive(root, {cache});
	const checked = await opened.refresh!({worker: true, onIndexProgress: (done, total) => progress.push([done, total])});
	assert.deepEqual(listed(checked!), listed(loadArchive(root)));
	assert.deepEqual(progress.at(-1), [2, 2]);
	assert.equal(await openArchive(root, {cache}).refresh!({worker: true}), undefined, 'nothing changed since');
});

test('a first build in the reader runs in a worker thread and gives the whole archive', async () => {
	const files: Record<string, string> = {};
	for (let index = 0; index < 300; index++) files[`p${String(index).padStart(3, '0')}.md`] = post(`Post ${index}`, `2024-01-${String((index % 28) + 1).padStart(2, '0')}`);
	const root = makeArchive(files);
	const cache = freshCache();
	const opened = openArchive(root, {cache, firstBatch: 20});
	assert.ok(opened.loading, 'a first batch');
	const whole = await opened.refresh!({worker: true});
	assert.deepEqual(listed(whole!), listed(loadArchive(root)));
	assert.equal(openArchive(root, {cache}).archive.posts.length, 300, 'the index was written');
});

test('a first build in a worker grows the list as it reads, then writes the search text of every post', async () => {
	const files: Record<string, string> = {};
	for (let index = 0; index < 300; index++) files[`p${String(index).padStart(3, '0')}.md`] = post(`Post ${index}`, `2024-01-${String((index % 28) + 1).padStart(2, '0')}`);
	const root = makeArchive(files);
	const cache = freshCache();
	const opened = openArchive(root, {cache, firstBatch: 20});
	const grown: number[] = [];
	let sorted = true;
	let indexed!: () => void;
	const textWritten = new Promise<void>(resolve => {
		indexed = resolve;
	});
	const textProgress: number[] = [];
	const whole = await opened.refresh!({
		worker: true,
		updateMs: 0,
		onUpdate: archive => {
			grown.push(archive.posts.length);
			sorted &&= archive.posts.every((entry, index) => index === 0 || (archive.posts[index - 1]!.date ?? 0) >= (entry.date ?? 0));
		},
		onIndexProgress: (done, _total, text) => {
			if (text) textProgress.push(done);
		},
		onIndexed: indexed,
	});
	assert.deepEqual(listed(whole!), listed(loadArchive(root)));
	assert.ok(grown.some(count => count > 20), `the list grew before the build ended (${grown.join(', ')})`);
	assert.ok(sorted, 'every list shown is newest first');
	await textWritten;
	assert.ok(textProgress.length > 0, 'the text pass reports its progress');
	const db = openDatabase(indexFileFor(root, cache.directory));
	const rows = db.prepare('SELECT count(*) AS n, sum(text_indexed) AS indexed FROM files').get() as {n: number; indexed: number};
	db.close();
	assert.deepEqual(rows, {n: 300, indexed: 300});
});

test('a post read with its search document is marked as text-indexed with its row; a row written without one is not', () => {
	const root = makeArchive({'a.md': post('A', '2024-01-01'), 'b.md': post('B', '2024-01-02')});
	const cache = freshCache();
	const documentOf = (entry: {title: string}) => ({title: entry.title, body: 'body', categories: [], tags: [], author: ''});
	loadArchive(root, {cache, documentOf});
	const indexed = () => {
		const db = openDatabase(indexFileFor(root, cache.directory));
		const rows = db.prepare('SELECT path, text_indexed AS indexed FROM files ORDER BY path').all();
		db.close();
		return rows;
	};

	assert.deepEqual(indexed(), [{path: 'a.md', indexed: 1}, {path: 'b.md', indexed: 1}]);
	fs.writeFileSync(path.join(root, 'b.md'), post('B edited', '2024-01-02'));
	touch(path.join(root, 'b.md'), 1_700_000_000);
	loadArchive(root, {cache, rescan: true});
	assert.deepEqual(indexed(), [{path: 'a.md', indexed: 1}, {path: 'b.md', indexed: 0}]);
});
