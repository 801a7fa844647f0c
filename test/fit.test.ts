import assert from 'node:assert/strict';
import {test} from 'node:test';
import {textWidth, wrapWords} from '../source/core/fit.js';

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
