/**
 * End-to-end: a big folder opened for the first time (no index cache) shows a list at once with
 * "loading N of M" in the header, grows to exactly the list a full load gives, and reads an
 * article opened before loading is done.
 */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {lines, listRows, runCli, skip, startFolio} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

const count = 2500;
/** The count as the header writes it. */
const shownCount = count.toLocaleString('en-US');
const rows = 30;

/** `count` posts named by day (two a day, newest in 2024-12), and one named for an old day but dated newest. */
function bigArchive(): string {
	const files: Record<string, string> = {};
	for (let index = 0; index < count - 1; index++) {
		const day = new Date(Date.UTC(2024, 11, 31) - Math.floor(index / 2) * 86_400_000).toISOString().slice(0, 10);
		const time = index % 2 === 0 ? '18:00' : '09:00';
		files[`_posts/${day.slice(0, 4)}/${day}-story-${index}.md`] = `---\ntitle: Story ${index}\ndate: ${day} ${time}\ncategories: [news]\n---\nBody text of story ${index}.\n`;
	}
	files['_posts/2001/2001-01-01-late.md'] = '---\ntitle: Late arrival\ndate: 2025-01-01 12:00\ncategories: [news]\n---\nBody text of the late arrival.\n';
	return makeArchive(files);
}

const archive = skip ? '' : bigArchive();
const header = (screen: string) => lines(screen)[0] ?? '';

describe('a big archive opened for the first time', {skip}, () => {
	test('shows rows with "loading" in the header first, then exactly the list a full load gives', async () => {
		const listed = await runCli([archive, '--list']);
		const titles = listed.stdout.toString('utf8').trim().split('\n').map(line => line.split('\t')[2]!);
		assert.equal(titles.length, count);
		assert.equal(titles[0], 'Late arrival');

		const term = startFolio([archive], {rows});
		const first = await term.waitFor(screen => listRows(screen).length > 0, 15_000);
		assert.match(header(first), new RegExp(`[\\d,]+/[\\d,]+ posts · All · [\\d,]+ unread · loading [\\d,]+ of ${count.toLocaleString('en-US')}…$`));
		assert.match(listRows(first)[0]!.trimEnd(), /Story 0$/, 'the newest-named posts are listed first');

		const done = await term.waitFor(screen => header(screen).endsWith(`${shownCount}/${shownCount} posts · All · ${shownCount} unread`), 30_000);
		const top = listRows(done).map(row => row.trimEnd());
		assert.equal(top.length, rows - 3);
		for (const [index, row] of top.entries()) assert.ok(row.endsWith(` ${titles[index]}`), `row ${index}: ${row} (expected ${titles[index]})`);

		term.write('G');
		const bottom = listRows(await term.waitFor(screen => listRows(screen).some(row => row.startsWith('› ') && row.trimEnd().endsWith(` ${titles.at(-1)}`)))).map(row => row.trimEnd());
		const last = titles.slice(-bottom.length);
		for (const [index, row] of bottom.entries()) assert.ok(row.endsWith(` ${last[index]}`), `row ${index} from the end: ${row} (expected ${last[index]})`);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('Enter pressed right after the first frame opens the selected article', async () => {
		const term = startFolio([archive], {rows});
		await term.waitFor(screen => listRows(screen).length > 0 && header(screen).includes('loading'), 15_000);
		term.write('\r');
		const reader = await term.waitFor('Body text of story 0.', 15_000);
		assert.equal(lines(reader)[0], 'Story 0');
		term.write('q');
		await term.waitFor(screen => listRows(screen).length > 0, 15_000);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});
