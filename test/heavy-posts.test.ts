/** Posts built to cost time or stack: each prints promptly, whole, through the command and in the core. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, test} from 'node:test';
import {renderArticle} from '../source/core/article.js';
import {cleanBody} from '../source/core/clean.js';
import {flattenNesting, maxMarkdownNesting} from '../source/core/markdown.js';
import {parsePost} from '../source/core/parse.js';
import {displayWidth, graphemeSegments} from '../source/core/width.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {countOf, heavyPosts} from './helpers/heavy-posts.js';
import {makeArchive} from './helpers/temp-archive.js';

// A hang detector, not the figure (that is in the benchmark): each prints in well under a second when the machine is idle.
const hangMs = 20_000;

describe('heavy posts print promptly with their text kept', () => {
	const folder = makeArchive(Object.fromEntries(heavyPosts.map(post => [post.file, post.text])));
	for (const post of heavyPosts) {
		for (const way of ['--print', 'a pipe'] as const) {
			test(`${post.name}, ${way}`, () => {
				const file = path.join(folder, post.file);
				const args = way === '--print' ? [file, '--print'] : [file];
				const started = performance.now();
				const result = spawnSync(folioCommand, args, {encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode}, timeout: hangMs, maxBuffer: 64 * 1024 * 1024});
				const elapsed = performance.now() - started;
				assert.equal(result.error, undefined, `folio did not finish within ${hangMs} ms`);
				assert.equal(result.status, 0, result.stderr);
				assert.ok(elapsed < hangMs, `took ${Math.round(elapsed)} ms`);
				for (const words of post.kept) assert.ok(result.stdout.includes(words), `"${words}" missing from the output`);
				assert.ok(!result.stdout.includes('…'), 'part of the post was replaced by an ellipsis');
				if (post.count) assert.ok(countOf(result.stdout, post.count.letter) >= post.count.atLeast, `fewer than ${post.count.atLeast} "${post.count.letter}"`);
			});
		}
	}
});

describe('heavy posts in the core', () => {
	for (const post of heavyPosts) {
		test(`${post.name}: every row fits 40 cells and the text is there`, () => {
			const parsed = parsePost(post.text, post.file, {size: post.text.length, mtimeMs: 0});
			const article = renderArticle(parsed, post.text, 40);
			for (const line of article.lines) assert.ok(displayWidth(line.text) <= 40, `row wider than 40: ${line.text.slice(0, 60)}`);
			// Narrow rows may wrap or cut the words apart: read them without the rows' prefixes and spaces.
			const letters = (text: string) => text.replace(/[\s│•]+/g, '');
			const shown = letters(article.lines.map(line => line.text).join(''));
			for (const words of post.kept) assert.ok(shown.includes(letters(words)), `"${words}" missing`);
		});
	}

	test('nesting within the limits reads as before', () => {
		const text = `- one\n  - two\n    - three\n\n> quoted\n> > twice\n\n${'> '.repeat(maxMarkdownNesting)}deepest kept\n`;
		assert.equal(flattenNesting(text), text);
		const lines = cleanBody(text, 'markdown').lines;
		assert.deepEqual(
			lines.slice(0, 3).map(line => (line.prefix ?? '') + line.text),
			['• one', '  • two', '    • three'],
			'each nested item hangs under its parent item’s text',
		);
		assert.equal(lines.at(-1)!.prefix, '│ '.repeat(maxMarkdownNesting));
	});

	test('nesting beyond the limit is flattened to it, its text kept', () => {
		const lines = cleanBody(`${'> '.repeat(maxMarkdownNesting + 5)}deeper still\n`, 'markdown').lines;
		assert.deepEqual(lines.map(line => (line.prefix ?? '') + line.text), [`${'│ '.repeat(maxMarkdownNesting)}deeper still`]);
	});

	test('a list nested by indentation 2,000 deep keeps every item', () => {
		let body = '';
		for (let level = 0; level < 2_000; level++) body += `${'  '.repeat(level)}- item${level}\n`;
		const shown = cleanBody(body, 'markdown').lines.map(line => line.text).join('\n');
		for (const level of [0, 15, 16, 999, 1_999]) assert.match(shown, new RegExp(`\\bitem${level}\\b`));
	});

	test('emphasis still works in an ordinary paragraph, even after bait', () => {
		const bait = '*a '.repeat(50_000);
		const lines = cleanBody(`Some **bold** and *light* words.\n\n${bait}\n\nMore **bold** after.\n`, 'markdown').lines.map(line => line.text);
		assert.equal(lines[0], 'Some bold and light words.');
		assert.equal(countOf(lines.join(''), 'a'), 50_000 + 2);
	});
});

describe('grapheme clusters of long text', () => {
	test('are the clusters of the whole text, window edges notwithstanding', () => {
		const pieces = ['e\u0301', '👩‍👩‍👧', '🇯🇵', '🇩🇪', '中', 'a', ' ', '한', 'ก์', '👍🏽'];
		let text = '';
		for (let index = 0; index < 3_000; index++) text += pieces[(index * 7) % pieces.length]!;
		const whole = [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)].map(({segment, index}) => [index, segment]);
		assert.deepEqual([...graphemeSegments(text)].map(({segment, index}) => [index, segment]), whole);
		assert.equal(displayWidth(text), whole.reduce((sum, [, segment]) => sum + displayWidth(segment as string), 0));
	});
});
