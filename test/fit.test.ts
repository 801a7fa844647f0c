import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatCount} from '../source/core/count.js';
import {cutToWidth, graphemeClusters, textWidth, wrapWords} from '../source/core/fit.js';

test('wrapWords wraps a message at spaces, splits only words wider than a row, and keeps every character', () => {
	assert.deepEqual(wrapWords('No post files were found in this folder.', 16), ['No post files', 'were found in', 'this folder.']);
	assert.deepEqual(wrapWords('folio: /a/very/long/folder/name/here', 12), ['folio:', '/a/very/long', '/folder/name', '/here']);
	assert.deepEqual(wrapWords('中文标题很长很长', 6), ['中文标', '题很长', '很长']);
	assert.deepEqual(wrapWords('', 10), ['']);
	for (const width of [1, 2, 5, 9]) {
		const rows = wrapWords('Cannot read 報道.md: permission denied', width);
		for (const row of rows) assert.ok(textWidth(row) <= Math.max(width, 2), `${JSON.stringify(row)} fits ${width}`);
		assert.equal(rows.join('').replaceAll(' ', ''), 'Cannot read 報道.md: permission denied'.replaceAll(' ', ''));
	}
});

test('counts are written with a comma every three digits, as en-US writes them', () => {
	assert.equal(formatCount(0), '0');
	assert.equal(formatCount(999), '999');
	assert.equal(formatCount(1000), '1,000');
	assert.equal(formatCount(7188), '7,188');
	assert.equal(formatCount(100_000), '100,000');
	assert.equal(formatCount(1_234_567), '1,234,567');
	for (let count = 1; count < 5e7; count = count * 3 + 7) assert.equal(formatCount(count), count.toLocaleString('en-US'));
});

test('grapheme clusters: one a character, combining marks, emoji sequences and flags kept whole', () => {
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const text of ['Plain ASCII, and more.', '中文，标点。「引号」', 'Café naïve', 'e\u0301 and 👍🏽 and 👨‍👩‍👧 and 🇭🇰', 'かﾞ ｶﾞ 한국어', '']) {
		const expected = [...segmenter.segment(text)].map(({segment, index}) => [segment, index]);
		assert.deepEqual([...graphemeClusters(text)].map(({segment, index}) => [segment, index]), expected, text);
	}
	assert.equal(cutToWidth('e\u0301e\u0301e\u0301', 2), 'e\u0301e\u0301', 'a combining mark stays with its letter');
	assert.equal(cutToWidth('中文中文', 5), '中文');
});
