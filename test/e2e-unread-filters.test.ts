/**
 * End-to-end, in a pseudo-terminal: unread posts seen without colour, the restrictions named and
 * cleared, sources and posts without a category, a first visit of an archive whose files are not
 * named by date, one post file opened directly, skipped files listed, and --category that matches
 * nothing.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {lines, listRows, runCli, selected, selectedRow, skip, startFolio, statusLine, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';

after(closeAll);

const rows = 24;
const post = (title: string, date: string, front = '') => `---\ntitle: ${title}\ndate: ${date}\n${front}---\nThe text of ${title}.\n`;

/** Two sources (top-level folders), categories in two spellings, and posts without a category. */
function mixedArchive(): string {
	return makeArchive({
		'wire/a.md': post('Wire one', '2024-05-05 10:00', 'categories: [World]\n'),
		'wire/b.md': post('Wire two', '2024-05-04 10:00', 'categories: [world]\n'),
		'wire/c.md': post('Wire three', '2024-05-03 10:00', 'categories: [world]\n'),
		'blog/x.md': post('Blog one', '2024-05-02 10:00'),
		'blog/y.md': post('Blog two', '2024-05-01 10:00'),
		'blog/broken.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0]),
	});
}

const header = (screen: string) => lines(screen)[0] ?? '';

describe('unread, filters and sources in a pseudo-terminal', {skip}, () => {
	test('NO_COLOR=1: unread rows carry •, read rows do not; n goes to the next unread post', async () => {
		const folder = mixedArchive();
		const term = startFolio([folder], {rows, env: {NO_COLOR: '1'}});
		await term.waitFor('5/5 posts · All · 5 unread');
		await waitForRawMode(term);
		term.write('\r');
		await term.waitFor(/^Wire one/m);
		term.write('q');
		const screen = await term.waitFor('5/5 posts · All · 4 unread');
		const listed = listRows(screen);
		assert.match(listed[0]!, /^› 2024-05-05 10:00 {4}world +Wire one/, 'read: no marker');
		assert.match(listed[1]!, /^ {2}2024-05-04 10:00 • {2}world +Wire two/, 'unread: the marker, in one spelling of the category');
		term.write('n');
		await term.waitFor(selected('Wire two'));
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('the header names each restriction; Esc clears them all and says so; sources and (no category) are entries', async () => {
		const folder = mixedArchive();
		const term = startFolio([folder, '--category', 'WORLD', '--since', '2024-05-04'], {rows});
		let screen = await term.waitFor('2/5 posts · WORLD · since 2024-05-04 · 2 unread');
		await waitForRawMode(term);
		assert.match(header(screen), /1 skipped \(S\)$/);
		term.write('u');
		await term.waitFor('2/5 posts · WORLD · unread only · since 2024-05-04 · 2 unread');
		term.write(keys.escape);
		screen = await term.waitFor('5/5 posts · All · 5 unread');
		assert.match(statusLine(screen, rows), /^Cleared WORLD, unread only, since 2024-05-04: all 5 posts shown/);

		term.write('f');
		screen = await term.waitFor('Sources (2)');
		assert.match(screen, /› \* All \(5\/5\) *\n {4}wire \(3\/3\) *\n {4}blog \(2\/2\)/);
		term.write('jj\r');
		screen = await term.waitFor('2/5 posts · All · in blog · 2 unread');
		assert.deepEqual(listRows(screen).map(row => row.trimEnd().split(/\s+/).slice(-2).join(' ')), ['Blog one', 'Blog two']);
		term.write(keys.escape);
		await term.waitFor('5/5 posts · All · 5 unread');

		term.write('c');
		screen = await term.waitFor('Categories (1)');
		assert.match(screen, /› \* All \(5\/5\) *\n {4}world \(3\/3\) *\n {4}\(no category\) \(2\/2\)/, 'one entry for World and world, in the spelling most posts use');
		term.write('G\r');
		await term.waitFor('2/5 posts · (no category) · 2 unread');

		term.write('S');
		screen = await term.waitFor('Skipped files (1)');
		assert.ok(screen.includes(path.join(folder, 'blog', 'broken.md')), screen);
		assert.match(screen, /^ {2}binary/m);
		term.write('q');
		await term.waitFor('2/5 posts · (no category)');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('a first visit of an archive whose files are not named by date keeps the cursor on the newest post', async () => {
		const files: Record<string, string> = {};
		const count = 2500;
		for (let index = 0; index < count; index++) {
			// Names say nothing of the date; the newest posts are read last (their names sort last).
			const day = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
			files[`posts/zz-${String(index).padStart(5, '0')}-story.md`] = post(`Story ${index}`, day);
		}
		const folder = makeArchive(files);
		const term = startFolio([folder], {rows});
		const first = await term.waitFor(screen => listRows(screen).length > 0, 15_000);
		assert.match(selectedRow(first)!, /^› /);
		const done = await term.waitFor(screen => header(screen).includes(`${count.toLocaleString('en-US')}/${count.toLocaleString('en-US')} posts`), 30_000);
		const listed = listRows(done);
		assert.match(listed[0]!, new RegExp(`^› .* Story ${count - 1}\\s*$`), `the newest post is selected, on the first row:\n${done}`);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		// Before the reader: what the search for files found, never "0 of 0", and a line that stays until the reader's screen.
		const raw = term.raw();
		assert.ok(!raw.includes('0 of 0'), 'no "0 of 0"');
		assert.ok(raw.includes('Loading posts'), 'progress is shown');
		const opening = raw.indexOf('Opening the reader…');
		assert.ok(opening >= 0 && opening < raw.indexOf('\u001B[?1049h'), 'the progress line stays until the reader takes the screen');
	});

	test('one post file opens on its article, and q quits', async () => {
		const folder = mixedArchive();
		const term = startFolio([path.join(folder, 'wire', 'a.md')], {rows});
		const screen = await term.waitFor('The text of Wire one.');
		assert.equal(lines(screen)[0], 'Wire one');
		await waitForRawMode(term);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});

describe('--category that no post has', () => {
	test('says so on stderr with the nearest categories, and exits 1', async () => {
		const folder = makeArchive({
			'a.md': post('A', '2024-01-01', 'categories: [business]\n'),
			'b.md': post('B', '2024-01-02', 'categories: [sport]\n'),
			'c.md': post('C', '2024-01-03', 'categories: [businesses]\n'),
		});
		const result = await runCli([folder, '--list', '--category', 'busines']);
		assert.equal(result.code, 1);
		assert.equal(result.stdout.length, 0);
		assert.equal(result.stderr, 'folio: no post has the category "busines"; nearest: business, businesses\n');
		const far = await runCli([folder, '--list', '--category', 'weather']);
		assert.equal(far.code, 1);
		assert.equal(far.stderr, 'folio: no post has the category "weather"; it has no categories close to it\n');
	});
});
