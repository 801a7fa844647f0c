/** Wrapping by display width at Unicode line-break opportunities. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {layoutDocument, padToWidth, truncateToWidth, wrapText} from '../source/core/layout.js';

const closingPunctuation = /^[，。、；：？！」）』》〉】,.;:?!)]/;

function assertFits(rows: readonly string[], width: number): void {
	for (const row of rows) assert.ok(stringWidth(row) <= width, `${stringWidth(row)} > ${width}: ${JSON.stringify(row)}`);
}

describe('layout', () => {
	test('English wraps between words, never inside one, and keeps every word', () => {
		const text = 'The central library will stay open until midnight on weekdays for the next six weeks.';
		const rows = wrapText(text, 20);
		assertFits(rows, 20);
		assert.deepEqual(rows, ['The central library', 'will stay open until', 'midnight on weekdays', 'for the next six', 'weeks.']);
	});

	test('Chinese counts two cells a character and wraps without spaces', () => {
		const text = '中国国防部发言人吴谦今天（25日）说，中俄两军关系没有最好，只有更好。';
		const rows = wrapText(text, 20);
		assertFits(rows, 20);
		assert.ok(rows.length >= 3);
		assert.equal(rows.join(''), text, 'no character lost or added');
		assert.equal(stringWidth(rows[0]!), 20, 'the first row is filled to the width');
	});

	test('no row starts with closing punctuation, at any width', () => {
		const text = '他最后说，今年是《中俄睦邻友好合作条约》签署20周年，对于中俄两国具有特殊重要意义。「引号」！天星小輪公布，由下月起逢周五及周六增設夜航班次。';
		for (let width = 6; width <= 40; width++) {
			const rows = wrapText(text, width);
			assertFits(rows, width);
			for (const row of rows.slice(1)) assert.doesNotMatch(row, closingPunctuation, `width ${width}: ${JSON.stringify(row)}`);
			assert.equal(rows.join(''), text);
		}
	});

	test('mixed Chinese and English keeps English words whole', () => {
		const text = '混合 English 和中文 text，看看 performance 如何。Internationalization 是一个长单词。';
		for (let width = 22; width <= 50; width++) {
			const rows = wrapText(text, width);
			assertFits(rows, width);
			const words = rows.join(' ').match(/[A-Za-z]+/g);
			assert.deepEqual(words, ['English', 'text', 'performance', 'Internationalization']);
		}
	});

	test('a word longer than the width is split by cells; emoji and wide characters are never cut in half', () => {
		const rows = wrapText('a'.repeat(25), 10);
		assert.deepEqual(rows, ['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
		const wide = wrapText('👍👍👍👍👍中中中', 5);
		assertFits(wide, 5);
		assert.equal(wide.join(''), '👍👍👍👍👍中中中');
		const url = wrapText('https://www.zaobao.com/realtime/china/story20211125-1217060', 20);
		assertFits(url, 20);
		assert.equal(url.join(''), 'https://www.zaobao.com/realtime/china/story20211125-1217060');
	});

	test('prefixes hang: list items and quotes keep their indentation on every row', () => {
		const rows = wrapText('Quiet study carrels can be booked online, up to three hours a day.', 24, '• ', '  ');
		assertFits(rows, 24);
		assert.match(rows[0]!, /^• Quiet/);
		for (const row of rows.slice(1)) assert.match(row, /^ {2}\S/);
		const quote = wrapText('"We heard the students loud and clear," said the deputy librarian.', 24, '│ ', '│ ');
		for (const row of quote) assert.match(row, /^│ /);
	});

	test('a document never has a row wider than the width, nor leading, trailing or double blank rows', () => {
		const rows = layoutDocument(
			{
				lines: [
					{text: ''},
					{text: 'Title of a post that is rather long', style: 'title'},
					{text: ''},
					{text: ''},
					{text: '  preformatted   text keeps   its spaces but is cut to the width', style: 'pre'},
					{text: 'A paragraph 中文内容也在这里。'},
					{text: ''},
				],
				links: [],
			},
			16,
		);
		assertFits(rows.map(row => row.text), 16);
		assert.notEqual(rows[0]!.text, '');
		assert.notEqual(rows.at(-1)!.text, '');
		for (let index = 1; index < rows.length; index++) assert.ok(!(rows[index]!.text === '' && rows[index - 1]!.text === ''));
		const code = rows.filter(row => row.style === 'pre').map(row => row.text);
		assert.equal(code[0], '    preformatte↩', 'code is indented, keeps its spaces and marks the cut');
		assert.equal(code.map(row => row.slice(2).replace(/↩$/, '')).join(''), '  preformatted   text keeps   its spaces but is cut to the width');
		assert.ok(rows.filter(row => row.style === 'title').length >= 2, 'styles carry to wrapped rows');
	});

	test('truncate and pad work in cells and never split a character', () => {
		assert.equal(truncateToWidth('香港特區政府今日宣布', 9), '香港特區…');
		assert.equal(truncateToWidth('short', 9), 'short');
		assert.equal(padToWidth('中文', 6), '中文  ');
		assert.equal(stringWidth(padToWidth('中文中文中文', 7)), 7);
		assert.equal(truncateToWidth('abc', 0), '');
	});
});
