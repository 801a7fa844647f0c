/**
 * End-to-end: the built folio in a real pseudo-terminal, on the posts in test/fixtures/e2e.
 * Asserts what a person sees: the list, the reader, categories, help, resizing, small and large
 * terminals, and the empty screens.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import stringWidth from 'string-width';
import {
	assertFits,
	assertListLayout,
	assertRestored,
	fixtures,
	header,
	isListLaidOut,
	lines,
	listRows,
	readerPosition,
	runCli,
	selected,
	selectedRow,
	skip,
	startFolio,
	statusLine,
	waitForRawMode,
} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';
import type {TerminalSession} from './helpers/terminal.js';

after(closeAll);

/** The fixture folder as typed on the command line (relative to the repository). */
const folder = path.relative(path.resolve(fixtures, '../../..'), fixtures);
const longRead = path.join(fixtures, '2024-03-16-long-read.md');

/** The fixture titles, newest first. */
const newestFirst = [
	'Tiny robot fish learn to school together',
	'港珠澳大桥客流创新高',
	'Council minutes published without a source link',
	'A post whose link is a script',
	'The long read: a year on the northern railway',
	'New chip plant opens on the river delta',
	'春茶开采 茶农忙采摘',
	'Election count enters its third day',
	'Amateur astronomers spot a new comet',
	'City moves its websites to open-source software',
	'长江支流水质持续改善',
	'Museum returns bronze statues to their home town',
	'Bees can count to four, study finds',
	'Rail fares to rise in April',
];

/** A waitFor predicate: the reader's status line shows `line N/`. */
function atLine(line: number): RegExp {
	return new RegExp(`^line ${line}/\\d+ `, 'm');
}

/** The first line number in the reader's status line. */
function shownLine(screen: string): number {
	const match = /^line (\d+)\/\d+ /m.exec(screen);
	return match ? Number(match[1]) : Number.NaN;
}

/**
 * Every page of the help screen, scrolled through with j (each page asserted to fit); the help
 * stays open on its last page.
 */
async function readHelp(term: TerminalSession, cols: number, rows: number): Promise<string> {
	let screen = await term.waitFor(s => /back$/m.test(s));
	const pages = [screen];
	for (;;) {
		assertFits(screen, cols);
		const range = /^(\d+)-(\d+)\/(\d+) /.exec(statusLine(screen, rows));
		if (!range || range[2] === range[3]) break;
		term.write('j');
		screen = await term.waitFor(s => !s.includes(`${range[1]}-${range[2]}/${range[3]} `) && /back$/m.test(s));
		pages.push(screen);
	}
	return pages.map(page => lines(page).slice(0, rows - 2).join('\n')).join('\n');
}

async function quit(term: TerminalSession): Promise<void> {
	term.write('q');
	assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	assertRestored(term);
}

/** The article as `--print --width N` lays it out: the reader must show the same lines. */
async function printed(file: string, width: number): Promise<string[]> {
	const {code, stdout} = await runCli([file, '--print', '--width', String(width)], {});
	assert.equal(code, 0);
	return stdout.toString('utf8').split('\n').map(line => line.trimEnd());
}

/** Asserts the reader shows the article's first lines exactly as the print path lays them out. */
async function assertReaderTop(screen: string, file: string, cols: number, rows: number): Promise<void> {
	assertFits(screen, cols);
	// Text wraps at most at the reading width (100), in a column centred on a wider screen.
	const column = Math.min(cols, 100);
	const margin = ' '.repeat(Math.floor((cols - column) / 2));
	const expected = await printed(file, column);
	const text = rows - 2;
	const shown = lines(screen).slice(0, text);
	const want = [...expected.slice(0, text).map(line => (line === '' ? '' : margin + line)), ...Array.from({length: text}, () => '')].slice(0, text);
	assert.deepEqual(shown, want, `the reader at ${cols} columns shows the article laid out at ${column}`);
	assert.equal(readerPosition(screen, rows).line, 1);
}

describe('folio in a pseudo-terminal', {skip}, () => {
	test('list: header, newest first, j/k/arrows, ten j in one write, g/G', async () => {
		const term = startFolio([folder]);
		const screen = await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);
		assertListLayout(screen, 100, 30, new RegExp(`^${folder}\\s+14/14 posts · All · 14 unread$`));
		assert.equal(stringWidth(lines(screen)[0]!), 100, 'the header spans the width');

		const rows = listRows(screen);
		assert.equal(rows.length, 14);
		for (const [index, title] of newestFirst.entries()) assert.ok(rows[index]!.includes(title), `row ${index + 1} is "${title}": ${rows[index]}`);
		const dates = rows.map(row => row.slice(2, 18));
		assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
		assert.match(rows[0]!, /^› 2024-03-20 09:15 • {2}science +Tiny robot fish/);
		assert.match(rows[1]!, /^ {2}2024-03-19 10:40 • {2}中国 +港珠澳大桥客流创新高/);
		assert.match(selectedRow(screen)!, /Tiny robot fish/);

		term.write('j');
		await term.waitFor(selected(newestFirst[1]!));
		term.write('k');
		await term.waitFor(selected(newestFirst[0]!));
		term.write(keys.down);
		await term.waitFor(selected(newestFirst[1]!));
		term.write(keys.up);
		await term.waitFor(selected(newestFirst[0]!));

		// Ten keys in one write: ten rows down, then one up proves it stopped exactly there.
		term.write('jjjjjjjjjj');
		await term.waitFor(selected(newestFirst[10]!));
		term.write('k');
		const afterBurst = await term.waitFor(selected(newestFirst[9]!));
		assert.equal(lines(afterBurst).filter(line => line.startsWith('› ')).length, 1, 'one row is selected');

		term.write('G');
		await term.waitFor(selected(newestFirst[13]!));
		term.write('g');
		await term.waitFor(selected(newestFirst[0]!));
		term.write(keys.end);
		await term.waitFor(selected(newestFirst[13]!));
		term.write(keys.home);
		await term.waitFor(selected(newestFirst[0]!));
		await quit(term);
	});

	test('reader: header and body, scrolling moves the position, J/K, q/Esc/Left keep the selection', async () => {
		const term = startFolio([folder]);
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);
		term.write('jjjj');
		await term.waitFor(selected('The long read'));
		term.write(keys.enter);
		let screen = await term.waitFor(atLine(1));
		const all = lines(screen);
		assert.equal(all[0], 'The long read: a year on the northern railway');
		assert.match(screen, /^Date: +Sat 2024-03-16 07:30$/m);
		assert.match(screen, /^Source: +world \(example\.org\)$/m);
		assert.match(screen, /^Link: +https:\/\/example\.org\/world\/long-read$/m);
		assert.match(screen, /^Paragraph 1 of the long read\. The train leaves the coast/m);
		const start = readerPosition(screen, 30);
		assert.deepEqual({post: start.post, posts: start.posts}, {post: 5, posts: 14});
		assert.ok(start.lines > 60, `the long read is longer than a screen (${start.lines} lines)`);
		assert.ok(start.percent < 100);
		await assertReaderTop(screen, longRead, 100, 30);

		term.write('j');
		await term.waitFor(atLine(2));
		term.write(keys.down);
		await term.waitFor(atLine(3));
		term.write('k');
		await term.waitFor(atLine(2));

		term.write(' ');
		screen = await term.waitFor(s => shownLine(s) > 2);
		const paged = shownLine(screen);
		assert.ok(paged >= 2 + 20, `Space scrolls about a page (to line ${paged})`);
		term.write('b');
		await term.waitFor(atLine(2));
		term.write('d');
		screen = await term.waitFor(s => shownLine(s) > 2);
		const half = shownLine(screen);
		assert.ok(half > 2 + 8 && half < paged, `d scrolls half a page (to line ${half})`);
		term.write('u');
		await term.waitFor(atLine(2));

		term.write('G');
		screen = await term.waitFor(/^line \d+\/\d+ {2}100% /m);
		assert.equal(readerPosition(screen, 30).line, start.lines - 28 + 1, 'G shows the last screenful');
		assert.ok(screen.includes('The end of the long read.'));
		assert.ok(!screen.includes('Date:'));
		term.write('g');
		screen = await term.waitFor(atLine(1));
		assert.equal(lines(screen)[0], 'The long read: a year on the northern railway');

		term.write('J');
		screen = await term.waitFor(/^line \d+\/.*post 6\/14/m);
		assert.equal(lines(screen)[0], 'New chip plant opens on the river delta');
		assert.equal(readerPosition(screen, 30).line, 1);
		term.write('K');
		screen = await term.waitFor(/^line \d+\/.*post 5\/14/m);
		assert.equal(lines(screen)[0], 'The long read: a year on the northern railway');
		term.write('J');
		await term.waitFor(/post 6\/14/);

		term.write('q');
		screen = await term.waitFor(selected('New chip plant'));
		assertListLayout(screen, 100, 30, header(14, 14));

		term.write(keys.enter);
		await term.waitFor(/post 6\/14/);
		term.write(keys.escape);
		await term.waitFor(selected('New chip plant'));

		term.write('k');
		await term.waitFor(selected('The long read'));
		term.write(keys.enter);
		await term.waitFor(/post 5\/14/);
		term.write(keys.left);
		screen = await term.waitFor(selected('The long read'));
		assertListLayout(screen, 100, 30, header(14, 14));
		await quit(term);
	});

	test('categories: Tab and Shift+Tab cycle them in the header, c picks one and filters', async () => {
		const term = startFolio([folder]);
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);

		term.write(keys.tab);
		let screen = await term.waitFor('5/14 posts · world');
		let rows = listRows(screen);
		assert.equal(rows.length, 5);
		for (const row of rows) assert.match(row, /^(?:› | {2})\S+ \S+ [• ][*~ ] world /);
		term.write(keys.tab);
		await term.waitFor('3/14 posts · science');
		term.write(keys.shiftTab);
		await term.waitFor('5/14 posts · world');
		term.write(keys.shiftTab);
		await term.waitFor('14/14 posts · All');
		term.write(keys.shiftTab);
		screen = await term.waitFor('3/14 posts · 中国');
		rows = listRows(screen);
		assert.deepEqual(
			rows.map(row => row.replace(/^.{22}\S+ +/, '').trimEnd()),
			['港珠澳大桥客流创新高', '春茶开采 茶农忙采摘', '长江支流水质持续改善'],
		);

		term.write('c');
		screen = await term.waitFor('Categories (4)');
		const entries = lines(screen)
			.map(line => line.trimEnd())
			.filter(line => /\(\d+\/\d+\)$/.test(line) && !line.startsWith('Categories'));
		assert.deepEqual(
			entries.map(line => line.slice(2)),
			['  All (14/14)', '  world (5/5)', '  science (3/3)', '  tech (3/3)', '* 中国 (3/3)'],
		);
		assert.match(selectedRow(screen)!, /\* 中国 \(3\/3\)/, 'the picker starts on the active category');
		term.write('g');
		await term.waitFor(selected('All (14/14)'));
		term.write('jjj');
		await term.waitFor(selected('tech (3/3)'));
		term.write(keys.enter);
		screen = await term.waitFor('3/14 posts · tech');
		assert.deepEqual(
			listRows(screen).map(row => row.replace(/^.{22}\S+ +/, '').trimEnd()),
			['A post whose link is a script', 'New chip plant opens on the river delta', 'City moves its websites to open-source software'],
		);

		term.write('c');
		await term.waitFor('Categories (4)');
		term.write(keys.escape);
		await term.waitFor('3/14 posts · tech');
		term.write('c');
		await term.waitFor('Categories (4)');
		term.write('g');
		await term.waitFor(selected('All (14/14)'));
		term.write(keys.enter);
		await term.waitFor('14/14 posts · All');
		await quit(term);
	});

	test('? shows every key, from the list and from the reader; any key goes back', async () => {
		const term = startFolio([folder]);
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);
		term.write('?');
		let screen = await term.waitFor('Read the selected post');
		assert.equal(lines(screen)[0], 'Post list');
		const help = await readHelp(term, 100, 30);
		for (const text of ['Reader', 'Category and source pickers', 'Everywhere', 'Ctrl+C', 'Quit from anywhere', 'Shift+Tab', 'Next post in the list']) {
			assert.ok(help.includes(text), `help mentions ${text}:\n${help}`);
		}
		assert.match(help, /^ {2}j Down +Next post$/m);
		assert.match(help, /^ {2}Enter Right l +Read the selected post$/m);
		assert.match(help, /^ {2}o +Open the post's original link$/m);
		assert.match(help, /^ {2}J +Next post in the list$/m);
		term.write('x');
		await term.waitFor('14/14 posts · All');

		term.write(keys.enter);
		await term.waitFor(atLine(1));
		term.write('?');
		screen = await term.waitFor(s => s.startsWith('Post list\n'));
		term.write('x');
		screen = await term.waitFor(atLine(1));
		assert.equal(lines(screen)[0], newestFirst[0]);
		term.write('q');
		await term.waitFor('14/14 posts · All');
		await quit(term);
	});

	test('resizing re-lays out the list and the reader at the new width', async () => {
		const term = startFolio([folder]);
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);

		// Narrower: the header now ends at column 60 and titles are cut, not wrapped.
		term.resize(60, 20);
		let screen = await term.waitFor(s => isListLaidOut(s, 60, 20));
		assertListLayout(screen, 60, 20, header(14, 14));
		assert.equal(listRows(screen).length, 14);
		const museum = listRows(screen).find(row => row.includes('Museum'))!;
		assert.ok(!museum.includes('home town'), `a long title is cut at the new width: ${museum}`);

		// Wider again, then the reader at 60 columns and at 100.
		term.resize(100, 30);
		screen = await term.waitFor(s => isListLaidOut(s, 100, 30));
		assertListLayout(screen, 100, 30, header(14, 14));
		assert.ok(listRows(screen).some(row => row.includes('Museum returns bronze statues to their home town')));
		term.resize(60, 20);
		await term.waitFor(s => isListLaidOut(s, 60, 20));
		term.write('jjjj');
		await term.waitFor(selected('The long read'));
		term.write(keys.enter);
		screen = await term.waitFor(atLine(1));
		await assertReaderTop(screen, longRead, 60, 20);
		const narrow = readerPosition(screen, 20).lines;

		const wide = await printed(longRead, 100);
		term.resize(100, 30);
		screen = await term.waitFor(s => lines(s)[0] === wide[0] && lines(s)[1] === wide[1] && lines(s)[28]!.startsWith('line 1/'));
		await assertReaderTop(screen, longRead, 100, 30);
		assert.ok(readerPosition(screen, 30).lines < narrow, 'fewer lines at a wider width');

		// Scrolled into the article, a resize keeps the same paragraph in view.
		term.write('jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj');
		screen = await term.waitFor(atLine(31));
		const paragraph = /^Paragraph (\d+) /m.exec(screen)![1]!;
		term.resize(50, 16);
		screen = await term.waitFor(s => lines(s)[14]!.startsWith('line ') && lines(s)[15] === '' && !/line 31\//.test(s));
		assertFits(screen, 50);
		statusLine(screen, 16);
		const nearby = [...screen.matchAll(/^Paragraph (\d+) /gm)].map(match => Number(match[1]));
		assert.ok(
			nearby.some(number => Math.abs(number - Number(paragraph)) <= 1),
			`paragraph ${paragraph} stays in view after the resize:\n${screen}`,
		);
		term.write('q');
		screen = await term.waitFor(selected('The long read'));
		assertListLayout(screen, 50, 16, header(14, 14));
		await quit(term);
	});

	for (const [cols, rows] of [
		[40, 12],
		[200, 60],
	] as const) {
		test(`usable at ${cols}x${rows}: list, reader and help fit, header and status line shown`, async () => {
			const term = startFolio([folder], {cols, rows});
			let screen = await term.waitFor('14/14 posts · All');
			await waitForRawMode(term);
			if (cols >= 160) {
				// From 160 columns the selected post is shown beside the list; v gives the list the whole width
				// (and k, at the top already, only clears v's message).
				await term.waitFor(s => s.includes('│'));
				term.write('vk');
				screen = await term.waitFor(s => s.includes('14/14 posts · All') && !s.includes('│') && /q quit/.test(lines(s)[rows - 2] ?? ''));
			}
			assertListLayout(screen, cols, rows, header(14, 14));
			assert.equal(stringWidth(lines(screen)[0]!), cols, 'the header spans the width');
			assert.equal(listRows(screen).length, Math.min(14, rows - 3));
			term.write('jjjj');
			await term.waitFor(selected('The long'));
			term.write(keys.enter);
			screen = await term.waitFor(atLine(1));
			await assertReaderTop(screen, longRead, cols, rows);
			term.write('G');
			screen = await term.waitFor(/^line \d+\/\d+ {2}100% /m);
			assertFits(screen, cols);
			statusLine(screen, rows);
			term.write('?');
			// The help's first row and its status line, on one screen.
			screen = await term.waitFor([s => s.startsWith('Post list\n'), s => /back$/.test(lines(s)[rows - 2] ?? '')]);
			assert.match(statusLine(screen, rows), /back/, 'help has a status line');
			const help = await readHelp(term, cols, rows);
			assert.ok(help.includes('Quit from anywhere'), 'every page of the help was shown');
			term.write('x');
			await term.waitFor(/^line \d+\/\d+ {2}100% /m);
			term.write('q');
			await term.waitFor(selected('The long'));
			await quit(term);
		});
	}

	test('--print on a terminal wider than 100 columns wraps at 100, the reading width', async () => {
		const term = startFolio([longRead, '--print'], {cols: 160, rows: 200});
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		const rows = lines(term.screen()).filter(row => row !== '');
		assert.ok(rows.length > 10, term.screen());
		for (const row of rows) assert.ok(stringWidth(row) <= 100, `${stringWidth(row)} cells: ${row}`);
		assert.ok(rows.some(row => stringWidth(row) > 90), 'paragraphs fill the reading width');
	});

	test('an empty folder shows a friendly screen that says why, and q quits', async () => {
		const empty = makeArchive({});
		const term = startFolio([empty]);
		const screen = await term.waitFor('No posts to show.');
		await waitForRawMode(term);
		assertFits(screen, 100);
		assert.ok(screen.includes(`No posts in ${empty}`), screen);
		assert.match(statusLine(screen, 30), /q quit/);
		await quit(term);
	});

	test('a folder with only binary and unreadable files shows why nothing is listed, and q quits', async () => {
		const archive = makeArchive({
			'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
			'dump.html': Buffer.from(Array.from({length: 2048}, (_, index) => (index * 37) % 256)),
			'notes.txt': 'ok\0\0\0\0binary\0',
		});
		fs.symlinkSync(path.join(archive, 'gone.md'), path.join(archive, 'dangling.md'));
		const term = startFolio([archive]);
		const screen = await term.waitFor('No posts to show.');
		await waitForRawMode(term);
		assertFits(screen, 100);
		assert.match(screen, /could not be read/);
		assert.match(screen, /\b[34] file\(s\) could not be read/);
		assert.match(statusLine(screen, 30), /q quit/);
		term.write(keys.escape);
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assertRestored(term);
	});
});
