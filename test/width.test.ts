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

test('the bundled string-width gives string-width\'s answer for styled text, links and plain text alike', async () => {
	// @ts-expect-error -- a plain JavaScript module of the build, without types.
	const {default: bundled} = (await import('../scripts/string-width-memo.js')) as {default: (text: string) => number};
	const samples = [
		'\u001B[7m› 2024-12-31 15:50 rthk  Bench post 00 · 基准测试最新文章 00\u001B[27m',
		'\u001B[1m\u001B[33m7000/7000 posts · All\u001B[39m\u001B[22m',
		'\u001B[2m2024-11-05\u001B[22m \u001B[36mdw\u001B[39m 标题',
		'\u001B]8;;https://example.com\u001B\\link\u001B]8;;\u001B\\',
		'\u001B[38;5;196mred\u001B[0m 👍',
		'\u001B[unfinished 中文',
		'plain 中文，English。',
	];
	for (const text of samples) assert.equal(bundled(text), stringWidth(text), JSON.stringify(text));
});
