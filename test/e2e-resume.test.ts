/**
 * End-to-end: resume. A post left partway opens where reading stopped, in the next run too (the
 * state database); the list marks it `~` until it is read to its end.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {listRows, readerPosition, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll} from './helpers/terminal.js';
import {makeArchive} from './helpers/temp-archive.js';

after(closeAll);

const state = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-resume-'));
after(() => fs.rmSync(state, {recursive: true, force: true}));

const paragraphs = Array.from({length: 120}, (_, index) => `Paragraph number ${index + 1} of the long read.`).join('\n\n');
const rows = 30;
/** The list row of the long post carries the half-read marker. */
const halfRead = (screen: string) => listRows(screen).some(row => /^(?:› | {2})\S+(?: \S+)? [• ]~ .*Long read/.test(row));

describe('resume', {skip}, () => {
	test('a post left partway reopens where reading stopped, across two runs, and the list marks it', async () => {
		const folder = makeArchive({
			'2024-03-02-long.md': `---\ntitle: "Long read"\ndate: 2024-03-02 09:00:00 +00:00\n---\n\n${paragraphs}\n`,
			'2024-03-01-short.md': `---\ntitle: "Short note"\ndate: 2024-03-01 09:00:00 +00:00\n---\n\nShort.\n`,
		});
		const env = {FOLIO_STATE_DIR: state};
		const first = startFolio([folder], {env, rows});
		await first.waitFor('2/2 posts');
		await waitForRawMode(first);
		first.write('\r');
		await first.waitFor(/^line 1\//m);
		first.write('  ');
		const reading = await first.waitFor(screen => /^line (\d+)\//m.exec(screen)?.[1] !== '1' && screen.includes('Paragraph number'));
		const stopped = readerPosition(reading, rows).line;
		assert.ok(stopped > 1, 'two pages down');
		first.write('q');
		const list = await first.waitFor(screen => screen.includes('2/2 posts') && halfRead(screen));
		assert.ok(!listRows(list).some(row => /[• ]~ .*Short note/.test(row)), 'the other post is not marked');
		first.write('q');
		assert.deepEqual(await first.waitForExit(), {exitCode: 0});

		const second = startFolio([folder], {env, rows});
		await second.waitFor(screen => screen.includes('2/2 posts') && halfRead(screen));
		await waitForRawMode(second);
		second.write('\r');
		const resumed = await second.waitFor(['Back where reading stopped', /^line \d+\//m]);
		assert.equal(readerPosition(resumed, rows).line, stopped, `opens on the line where reading stopped:\n${resumed}`);
		// Read to the end: the post is no longer half-read, and opens at its top next time.
		second.write('G');
		await second.waitFor(screen => readerPosition(screen, rows).percent === 100);
		second.write('q');
		await second.waitFor(screen => screen.includes('2/2 posts') && listRows(screen).length === 2 && !halfRead(screen));
		second.write('\r');
		const top = await second.waitFor(/^line 1\//m);
		assert.ok(!top.includes('Back where reading stopped'));
		second.write('q');
		await second.waitFor('2/2 posts');
		second.write('q');
		assert.deepEqual(await second.waitForExit(), {exitCode: 0});
	});
});
