/**
 * End-to-end: a folder opened again with its index filled shows its newest posts from the index,
 * then every post; a file added since the index was written comes in with the background check.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {lines, listRows, runCli, skip, startFolio} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll} from './helpers/terminal.js';

after(closeAll);

const count = 3000;
const rows = 30;
const homes = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-first-screen-'));
after(() => fs.rmSync(homes, {recursive: true, force: true}));
// One cache and state folder for every run here: the second run finds the index the first one wrote.
const env = {FOLIO_CACHE_DIR: path.join(homes, 'cache'), FOLIO_STATE_DIR: path.join(homes, 'state')};

function archiveOfStories(): string {
	const files: Record<string, string> = {};
	for (let index = 0; index < count; index++) {
		const date = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString();
		files[`news/part-${index % 7}/story-${index}.md`] = `---\ntitle: Story ${index}\ndate: ${date}\ncategories: [${index % 3 === 0 ? 'world' : 'sport'}]\n---\nBody of story ${index}.\n`;
	}

	return makeArchive(files);
}

const archive = skip ? '' : archiveOfStories();
const header = (screen: string) => lines(screen)[0] ?? '';

describe('an indexed archive opened again', {skip}, () => {
	test('lists its newest posts and then all of them; a post added since comes in with the check', async () => {
		const listed = await runCli([archive, '--list'], env);
		assert.equal(listed.code, 0);
		fs.writeFileSync(path.join(archive, 'news', 'part-0', 'added.md'), '---\ntitle: Added since\ndate: 2030-01-01\ncategories: [world]\n---\nNew.\n');

		const term = startFolio([archive], {rows, env});
		const shown = (title: string) => (screen: string) => listRows(screen).some(row => row.startsWith('› ') && row.trimEnd().endsWith(` ${title}`));
		// The newest post of the index is selected at first; the one added since comes with the check.
		await term.waitFor(screen => /[\d,]+\/[\d,]+ posts · All · [\d,]+ unread/.test(header(screen)) && (shown(`Story ${count - 1}`)(screen) || shown('Added since')(screen)), 15_000);
		const all = (count + 1).toLocaleString('en-US');
		await term.waitFor(screen => header(screen).endsWith(`${all}/${all} posts · All · ${all} unread`) && listRows(screen)[0]!.trimEnd().endsWith(' Added since'), 60_000);
		term.write('G');
		await term.waitFor(shown('Story 0'), 10_000);
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});
