/** The reader's text column: at most 100 cells by default, centred on a wider screen, and `w` changes it. */
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Article, Post} from '../source/core/types.js';
import {keys, renderApp} from './helpers/ui-app.js';

afterEach(cleanup);

/** An article whose first row fills the width it was laid out at, ending in `|`. */
function ruler(widths: number[]): (post: Post, width: number) => Article {
	return (_post, width) => {
		widths.push(width);
		return {lines: [{text: `${'='.repeat(width - 1)}|`}, {text: 'second row'}], links: []};
	};
}

/** The blank cells before the ruler row, and the width of the ruler itself. */
function column(row: string): {margin: number; width: number} {
	const margin = row.length - row.trimStart().length;
	return {margin, width: row.trim().length};
}

test('on a wide screen the text is laid out at 100 cells and centred; w steps through the reading widths', async () => {
	const widths: number[] = [];
	const app = await renderApp({width: 160, loadArticle: ruler(widths)});
	await app.press(keys.enter);
	assert.deepEqual(column(app.screen()[0]!), {margin: 30, width: 100});
	assert.equal(app.screen()[1], `${' '.repeat(30)}second row`);
	await app.press('w');
	assert.deepEqual(column(app.screen()[0]!), {margin: 20, width: 120});
	assert.match(app.lastFrame()!, /Reading width: 120 columns/);
	await app.press('w');
	assert.deepEqual(column(app.screen()[0]!), {margin: 0, width: 160});
	assert.match(app.lastFrame()!, /Reading width: the whole screen/);
	await app.press('w');
	assert.deepEqual(column(app.screen()[0]!), {margin: 50, width: 60});
	assert.ok(widths.includes(100) && widths.includes(120) && widths.includes(160) && widths.includes(60), widths.join(' '));
});

test('a screen narrower than the reading width uses all of it; a reading width given at start is used', async () => {
	const app = await renderApp({width: 80, loadArticle: ruler([])});
	await app.press(keys.enter);
	assert.deepEqual(column(app.screen()[0]!), {margin: 0, width: 80});
	cleanup();
	const given = await renderApp({width: 100, readingWidth: 70, loadArticle: ruler([])});
	await given.press(keys.enter);
	assert.deepEqual(column(given.screen()[0]!), {margin: 15, width: 70});
});
