/**
 * End-to-end: while a heavy post is being prepared for the reader, the reader says "Loading…"
 * and q, Esc, Ctrl+C and SIGTERM still act at once, leaving the terminal as it was.
 */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {assertRestored, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {slowPostText} from './helpers/heavy-posts.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys, type TerminalSession} from './helpers/terminal.js';

after(closeAll);

// Preparing the post takes seconds (more on a busy machine); a key must act long before that.
// A generous bound that still tells a key that waited for the layout from one that did not.
const answerMs = 2000;
const folder = makeArchive({'slow.md': slowPostText()});

/** Rows the reader counts for the article on screen (0 while it says Loading…). */
const rowsShown = (screen: string) => Number((/^line 1\/([\d,]+)/m.exec(screen)?.[1] ?? '0').replaceAll(',', ''));
/** The whole slow post is thousands of rows; its beginning, shown while the rest is laid out, a hundred or so. */
const wholeRows = 1000;

/** Opens the slow post in the reader and resolves once it says Loading…. */
async function loading(): Promise<TerminalSession> {
	// The folder, not the file: a file given alone opens on its article, with no list to go back to.
	const term = startFolio([folder]);
	await term.waitFor('1/1 posts · All');
	await waitForRawMode(term);
	term.write(keys.enter);
	await term.waitFor([/^All the heavy posts/m, 'Loading…']);
	return term;
}

/** Opens the slow post and resolves once the reader shows its beginning, the rest still being laid out. */
async function preparing(): Promise<TerminalSession> {
	const term = await loading();
	await term.waitFor(screen => rowsShown(screen) > 0 && rowsShown(screen) < wholeRows, 30_000);
	return term;
}

describe('a heavy post being prepared never freezes the reader', {skip}, () => {
	test('q while it says Loading… goes back to the list at once, and q again quits', async () => {
		const term = await loading();
		const pressed = performance.now();
		term.write('q');
		const list = await term.waitFor('1/1 posts · All', answerMs);
		assert.ok(performance.now() - pressed < answerMs);
		assert.ok(!list.includes('Loading…'), list);
		term.write('q');
		assert.deepEqual(await term.waitForExit(answerMs), {exitCode: 0});
		assertRestored(term);
	});

	test('q while its beginning is shown and the rest laid out goes back at once', async () => {
		const term = await preparing();
		term.write('q');
		const list = await term.waitFor('1/1 posts · All', answerMs);
		assert.ok(!/^line \d+\//m.test(list), list);
		term.write('q');
		assert.deepEqual(await term.waitForExit(answerMs), {exitCode: 0});
		assertRestored(term);
	});

	test('Esc goes back to the list at once', async () => {
		const term = await preparing();
		term.write(keys.escape);
		const list = await term.waitFor('1/1 posts · All', answerMs);
		assert.ok(!/^line \d+\//m.test(list), list);
		term.write('q');
		assert.deepEqual(await term.waitForExit(answerMs), {exitCode: 0});
		assertRestored(term);
	});

	test('Ctrl+C quits at once: exit status 130', async () => {
		const term = await preparing();
		term.write(keys.ctrlC);
		assert.deepEqual(await term.waitForExit(answerMs), {exitCode: 130});
		assertRestored(term);
	});

	test('SIGTERM ends folio at once: exit status 143', async () => {
		const term = await preparing();
		term.kill('SIGTERM');
		assert.deepEqual(await term.waitForExit(answerMs), {exitCode: 143});
		assertRestored(term);
	});

	test('left alone, the article replaces Loading…, its text kept', async () => {
		const term = await loading();
		const article = await term.waitFor(screen => rowsShown(screen) > wholeRows, 60_000);
		assert.ok(!article.includes('Loading…'), article);
		term.write('G');
		await term.waitFor('Closing words of the post.', 10_000);
		term.write('qq');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assertRestored(term);
	});
});
