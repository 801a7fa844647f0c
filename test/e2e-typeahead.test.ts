/**
 * End-to-end: keys typed the moment the list appears are read as keys. The terminal is already in
 * raw mode when the first frame is drawn, so nothing is echoed and Ctrl+C is a key, not a signal.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {assertRestored, canSeeTerminalMode, fixtures, selected, skip, startFolio, terminalMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

const folder = path.relative(path.resolve(fixtures, '../../..'), fixtures);

describe('keys typed as soon as the list shows', {skip}, () => {
	test('the first frame is drawn in raw mode; keys typed at once move the selection and are not echoed', {skip: !canSeeTerminalMode && 'stty cannot read the terminal mode here'}, async () => {
		const term = startFolio([folder]);
		await term.waitFor('14/14 posts · All');
		assert.match(terminalMode(term), /(?:^|\s)-icanon\s[\s\S]*(?:^|\s)-echo\s/m, 'raw mode, no echo, with the first frame');
		term.write('jjj');
		const screen = await term.waitFor(selected('A post whose link is a script'));
		assert.doesNotMatch(screen, /jjj/);
		term.write('\u0003');
		assert.deepEqual(await term.waitForExit(), {exitCode: 130});
		assertRestored(term);
	});
});
