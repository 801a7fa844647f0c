/**
 * End-to-end: the article's text through $PAGER and the post's file in $EDITOR. Both run in the
 * foreground with the terminal (checked by the scripts themselves), without a shell, the path
 * as one argument; folio's screen comes back after them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {selected, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';
import {makeArchive} from './helpers/temp-archive.js';

after(closeAll);

const scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-tools-'));
after(() => fs.rmSync(scripts, {recursive: true, force: true}));

/** Writes an executable shell script and returns its path. */
function script(name: string, body: string): string {
	const file = path.join(scripts, name);
	fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
	fs.chmodSync(file, 0o755);
	return file;
}

const post = (title: string, day: string, body: string) => `---\ntitle: "${title}"\ndate: ${day} 09:00:00 +00:00\n---\n\n${body}\n`;

describe('pager and editor', {skip}, () => {
	const folder = makeArchive({
		'2024-03-02 beta; post $(x).md': post('Beta report', '2024-03-02', 'The beta text goes to the pager.'),
		'2024-03-01-alpha.md': post('Alpha report', '2024-03-01', 'Alpha text.'),
	});

	test('| shows the article text in $PAGER, with the terminal as its output', async () => {
		const marker = path.join(scripts, 'pager-saw');
		const pager = script('test-pager', `if [ -t 1 ]; then tty=stdout-terminal; else tty=stdout-not-terminal; fi
{ echo "$tty"; cat; } > '${marker}'
echo "PAGER RUNNING"`);
		const term = startFolio([folder], {env: {PAGER: pager}});
		await term.waitFor('2/2 posts');
		await waitForRawMode(term);
		term.write('\r');
		await term.waitFor('The beta text goes to the pager.');
		term.write('|');
		await term.waitFor(screen => screen.includes('Shown in test-pager') && screen.includes('The beta text goes to the pager.'), 8000);
		const saw = fs.readFileSync(marker, 'utf8');
		assert.match(saw, /^stdout-terminal\n/, 'the pager writes to the terminal');
		assert.match(saw, /Beta report/, 'it gets the article as the reader lays it out');
		assert.match(saw, /The beta text goes to the pager\./);
		assert.ok(term.raw().includes('PAGER RUNNING'));
		await waitForRawMode(term);
		term.write('q');
		await term.waitFor('2/2 posts');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('e opens the post file in $EDITOR with a terminal, its path as one argument; a failing editor is reported', async () => {
		const marker = path.join(scripts, 'editor-saw');
		const editor = script('test-editor', `if [ -t 0 ] && [ -t 1 ]; then tty=terminal; else tty=no-terminal; fi
printf '%s\\n' "$tty" "$#" "$1" > '${marker}'`);
		const term = startFolio([folder], {env: {EDITOR: editor, VISUAL: undefined}});
		await term.waitFor(selected('Beta report'));
		await waitForRawMode(term);
		term.write('e');
		await term.waitFor('Edited in test-editor', 8000);
		assert.deepEqual(fs.readFileSync(marker, 'utf8').split('\n').slice(0, 3), ['terminal', '1', path.join(folder, '2024-03-02 beta; post $(x).md')]);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});

		const failing = startFolio([folder], {env: {EDITOR: script('failing-editor', 'exit 4'), VISUAL: undefined}});
		await failing.waitFor('2/2 posts');
		await waitForRawMode(failing);
		failing.write('e');
		await failing.waitFor(/\$EDITOR \(failing-editor\) exited with code 4/, 8000);
		failing.write('q');
		assert.deepEqual(await failing.waitForExit(), {exitCode: 0});
	});
});
