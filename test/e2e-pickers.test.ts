/** The category picker in a real pseudo-terminal: drawn by ink-select-input, fitted to a short screen, keys typed one at a time. */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {selected, selectedRow, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';

after(closeAll);

const files: Record<string, string> = {};
for (let category = 1; category <= 12; category++) {
	for (let index = 0; index <= 12 - category; index++) {
		const name = `c${String(category).padStart(2, '0')}`;
		// Half the posts spell the category in capitals: they are still one category.
		const spelled = index % 3 === 2 ? name.toUpperCase() : name;
		files[`2024-01-${String(index + 1).padStart(2, '0')}-${name}-${index}.md`] = `---\ntitle: ${name} post ${index}\ncategories: [${spelled}]\n---\nText.\n`;
	}
}

describe('the category picker in a pseudo-terminal', {skip}, () => {
	test('fits a short screen and follows keys typed one at a time', async () => {
		const folder = makeArchive(files);
		const term = startFolio([folder], {rows: 10, cols: 60});
		await term.waitFor('78/78 posts · All');
		await waitForRawMode(term);
		term.write('c');
		let screen = await term.waitFor('Categories (12)');
		assert.match(screen, /› \* All \(78\/78\) *\n {4}c01 \(12\/12\) *\n {4}c02 \(11\/11\)/);
		assert.doesNotMatch(screen, /C01/, 'one spelling, the most common');
		for (const entry of ['c01 (12/12)', 'c02 (11/11)', 'c03 (10/10)', 'c04 (9/9)', 'c05 (8/8)', 'c06 (7/7)', 'c07 (6/6)', 'c08 (5/5)', 'c09 (4/4)']) {
			term.write(keys.down);
			screen = await term.waitFor(selected(entry));
		}
		const rows = screen.split('\n');
		assert.ok(rows.length <= 10 && rows.some(row => row.startsWith('Categories (12)')), 'the picker fits the screen');
		assert.doesNotMatch(screen, /All \(78\/78\)/, 'the window scrolled down');
		term.write('k');
		await term.waitFor(selected('c08 (5/5)'));
		term.write(keys.enter);
		await term.waitFor('5/78 posts · c08');
		term.write('c');
		screen = await term.waitFor(selected('c08 (5/5)'));
		assert.match(selectedRow(screen)!, /\* c08 \(5\/5\)/);
		term.write(keys.escape);
		await term.waitFor('5/78 posts · c08');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});
