/** Articles: the header above the body, and the beginning of a long post laid out on its own. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {renderArticle, renderArticleHead} from '../source/core/article.js';
import {parsePost} from '../source/core/parse.js';

const facts = {size: 0, mtimeMs: 0};

describe('articles', () => {
	test('the header shows title, weekday date, source with domain, author, tags and link; tags equal to the categories are not repeated', () => {
		const text = '---\ntitle: Night trains\ndate: 2024-11-12 06:30\ncategories: [travel]\ntags: [rail, europe]\nauthor: Luca\nlink: https://www.example.net/a\n---\nText.\n';
		const rows = renderArticle(parsePost(text, 'a.md', facts), text, 60).lines.map(line => line.text);
		assert.deepEqual(rows.slice(0, 6), [
			'Night trains',
			'Date:     Tue 2024-11-12 06:30',
			'Source:   travel (example.net)',
			'Author:   Luca',
			'Tags:     rail, europe',
			'Link:     https://www.example.net/a',
		]);
		const same = '---\ntitle: T\ncategories: [联合早报]\ntags: [联合早报]\n---\nText.\n';
		assert.ok(!renderArticle(parsePost(same, 'b.md', facts), same, 60).lines.some(line => line.text.startsWith('Tags:')));
	});

	test('without a category, Source: is the domain alone, with no empty brackets', () => {
		const text = '---\ntitle: T\nlink: https://chinadigitaltimes.net/2024/a\n---\nText.\n';
		const rows = renderArticle(parsePost(text, 'c.md', facts), text, 60).lines.map(line => line.text);
		assert.ok(rows.includes('Source:   chinadigitaltimes.net'), rows.join('\n'));
		const none = '---\ntitle: T\n---\nText.\n';
		assert.ok(!renderArticle(parsePost(none, 'd.md', facts), none, 60).lines.some(line => line.text.startsWith('Source:')));
	});

	test('a long post is first laid out from its beginning: the same first rows, then a note', () => {
		const paragraphs = Array.from({length: 2000}, (_, index) => `<p>Paragraph ${index} of a long report, with <a href="https://example.org/${index % 7}">a link</a>.</p>`);
		const text = `---\ntitle: Long report\n---\n${paragraphs.join('')}`;
		const post = parsePost(text, 'long.html', facts);
		const whole = renderArticle(post, text, 50);
		const head = renderArticleHead(post, text, 50)!;
		assert.ok(head.lines.length < whole.lines.length / 3, `${head.lines.length} rows of ${whole.lines.length}`);
		const shown = head.lines.slice(0, -2);
		assert.deepEqual(shown, whole.lines.slice(0, shown.length), 'the head is the start of the whole article');
		assert.deepEqual(head.lines.slice(-2).map(line => line.text), ['', 'Laying out the rest of this long post…']);
		assert.deepEqual(head.links, whole.links, 'links keep their numbers');
		const short = '---\ntitle: Short\n---\n<p>Short.</p>';
		assert.equal(renderArticleHead(parsePost(short, 's.html', facts), short, 50), undefined);
	});
});
