/** Display width: the code point ranges measured without string-width agree with it everywhere. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {displayWidth, rangeWidthOf} from '../source/core/width.js';

test('every character measured by range has the width string-width gives it', () => {
	let covered = 0;
	for (let code = 0; code < 0x1_0000; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const character = String.fromCharCode(code);
		const width = rangeWidthOf(character);
		if (width === undefined) continue;
		covered++;
		assert.equal(width, stringWidth(character), `U+${code.toString(16).toUpperCase()}`);
	}
	assert.ok(covered > 40_000, 'ASCII, Latin, punctuation, CJK, kana, Hangul and fullwidth forms are covered');
});

test('text outside the ranges (emoji, combining marks, controls) is measured by string-width', () => {
	for (const text of ['👍', '👨‍👩‍👧', 'e\u0301', 'a\u00ADb', '\u200B', 'ก่', '中文👍English', '\u3099']) {
		assert.equal(rangeWidthOf(text), undefined, JSON.stringify(text));
		assert.equal(displayWidth(text), stringWidth(text), JSON.stringify(text));
	}
	assert.equal(displayWidth('中文，English。'), 15);
});
