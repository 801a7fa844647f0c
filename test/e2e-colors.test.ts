/**
 * End-to-end: colours on screen follow the environment. NO_COLOR (no-color.org) and a terminal
 * that claims no colours (TERM=dumb) get no colour codes; the selected row stays marked.
 */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {fixtures, selectedRow, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';
import type {TerminalSession} from './helpers/terminal.js';

after(closeAll);

/** SGR colour parameters: foreground/background, normal and bright, 256-colour and RGB. */
function colourCodes(raw: string): string[] {
	const found: string[] = [];
	// eslint-disable-next-line no-control-regex
	for (const [sequence, parameters] of raw.matchAll(/\u001B\[([\d;]*)m/g)) {
		if (parameters!.split(';').some(code => /^(?:3\d|4\d|9[0-7]|10[0-7])$/.test(code))) found.push(sequence);
	}
	return found;
}

async function listThenQuit(term: TerminalSession): Promise<string> {
	const screen = await term.waitFor('14/14 posts · All');
	await waitForRawMode(term);
	assert.match(selectedRow(screen)!, /^› .*Tiny robot fish/, 'the selected row is marked without colour');
	term.write('\r');
	await term.waitFor(/^line 1\//m);
	term.write('q');
	await term.waitFor('14/14 posts · All');
	term.write('q');
	assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	return term.raw();
}

describe('colours follow NO_COLOR and the terminal', {skip}, () => {
	test('a colour terminal gets colours', async () => {
		const raw = await listThenQuit(startFolio([fixtures]));
		assert.notDeepEqual(colourCodes(raw), [], 'the list uses colour (so the tests below can see it missing)');
	});

	test('NO_COLOR=1: no colour codes', async () => {
		const raw = await listThenQuit(startFolio([fixtures], {env: {NO_COLOR: '1'}}));
		assert.deepEqual(colourCodes(raw), []);
	});

	test('TERM=dumb: no colour codes', async () => {
		const raw = await listThenQuit(startFolio([fixtures], {term: 'dumb'}));
		assert.deepEqual(colourCodes(raw), []);
	});
});
