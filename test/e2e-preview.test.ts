/**
 * End-to-end: the side-by-side preview. From 160 columns the list is on the left and the selected
 * post's article on the right, following the selection; at 100 columns the list has the whole
 * width until `v` asks for the preview; a resize switches layouts and keeps the selection; Enter
 * still opens the article full width.
 */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {assertFits, fixtures, lines, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

// Lines of the newest two fixtures' bodies.
const robotFishBody = /Engineers built thumb-sized robot fish/;
const bridgeBody = /港珠澳大桥/;
const selectedRowHas = (screen: string, title: string) => lines(screen).some(line => line.startsWith('› ') && line.includes(title));
/** Whether the preview, right of the rule, shows the text. */
const rightHas = (screen: string, pattern: RegExp) => lines(screen).some(line => line.includes('│') && pattern.test(line.slice(line.indexOf('│') + 1)));

describe('side-by-side preview', {skip}, () => {
	test('at 180 columns the selected article is beside the list and follows the selection; Enter opens it full width', async () => {
		const term = startFolio([fixtures], {cols: 180});
		const screen = await term.waitFor(s => s.includes('14/14 posts') && rightHas(s, robotFishBody) && selectedRowHas(s, 'Tiny robot fish'));
		assertFits(screen, 180);
		assert.match(screen, /│/, 'a rule between the list and the article');
		await waitForRawMode(term);
		term.write('j');
		const moved = await term.waitFor(s => selectedRowHas(s, '港珠澳大桥') && rightHas(s, /post 2\/14/) && !rightHas(s, robotFishBody));
		assertFits(moved, 180);
		term.write('\r');
		const reader = await term.waitFor(s => /^line 1\/\d+ {2}\d+% {2}post 2\/14/m.test(s));
		assert.ok(!reader.includes('│'), `the reader has the whole width:\n${reader}`);
		term.write('q');
		await term.waitFor(s => selectedRowHas(s, '港珠澳大桥') && rightHas(s, /post 2\/14/));
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('at 100 columns there is no preview until v; a resize switches layouts and keeps the selection', async () => {
		const term = startFolio([fixtures], {cols: 100});
		const screen = await term.waitFor('14/14 posts');
		await waitForRawMode(term);
		term.write('j');
		const narrow = await term.waitFor(s => selectedRowHas(s, '港珠澳大桥'));
		assert.ok(!narrow.includes('│') && !/post 2\/14/.test(narrow), `no preview at 100 columns:\n${screen}`);
		term.resize(180, 30);
		const wide = await term.waitFor(s => selectedRowHas(s, '港珠澳大桥') && rightHas(s, /post 2\/14/));
		assertFits(wide, 180);
		term.resize(100, 30);
		await term.waitFor(s => selectedRowHas(s, '港珠澳大桥') && !s.includes('│') && lines(s)[0]!.includes('14/14 posts'));
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});

		const asking = startFolio([fixtures], {cols: 100});
		await asking.waitFor('14/14 posts');
		await waitForRawMode(asking);
		asking.write('jv');
		const asked = await asking.waitFor(s => selectedRowHas(s, '港珠澳大桥') && rightHas(s, bridgeBody) && /post 2\/14/.test(s));
		assertFits(asked, 100);
		asking.write('v');
		await asking.waitFor(s => !s.includes('│') && selectedRowHas(s, '港珠澳大桥'));
		asking.write('q');
		assert.deepEqual(await asking.waitForExit(), {exitCode: 0});
	});
});
