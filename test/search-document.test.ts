/** The text search looks at: what a reader sees of a post, nothing hidden in markup. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../source/core/parse.js';
import {matchesDocument, parseQuery} from '../source/core/query.js';
import {bodyText, searchDocument} from '../source/core/search-document.js';

function documentOf(text: string, file = 'post.html') {
	const post = parsePost(text, file, {size: text.length, mtimeMs: 0});
	return searchDocument(post, text);
}

function finds(text: string, query: string, file = 'post.html'): boolean {
	return matchesDocument(documentOf(text, file), undefined, parseQuery(query));
}

describe('searchDocument', () => {
	test('holds the title, body, categories, tags and author', () => {
		const doc = documentOf('---\ntitle: Rain &amp; wind\ncategories: [rthk]\ntags: [天氣]\nauthor: Zoë\n---\n<p>Heavy <b>rain</b> today.</p>');
		assert.deepEqual(doc, {title: 'Rain & wind', body: 'Heavy rain today.', categories: ['rthk'], tags: ['天氣'], author: 'Zoë'});
	});

	test('decodes entities, so Café finds Caf&eacute;', () => {
		assert.ok(finds('---\ntitle: x\n---\n<p>Caf&eacute; de Flore &#x4E2D;&#25991;</p>', 'Café'));
		assert.ok(finds('---\ntitle: x\n---\nCaf&eacute; in Markdown', 'cafe', 'post.md'));
		assert.ok(finds('---\ntitle: x\n---\n<p>中&#25991;</p>', '中文'));
	});

	test('leaves out comments, scripts, styles and attributes', () => {
		const html = '---\ntitle: x\n---\n<!-- secretcomment --><p title="secretattr"><a href="https://secretlink.example">shown</a><img alt="secretalt" src="secretsrc.jpg"></p><script>secretscript()</script><style>.secretstyle{}</style>';
		for (const word of ['secretcomment', 'secretattr', 'secretlink', 'secretalt', 'secretsrc', 'secretscript', 'secretstyle']) {
			assert.ok(!finds(html, word), word);
		}
		assert.ok(finds(html, 'shown'));
		assert.ok(!finds('---\ntitle: x\n---\n<!-- 隐藏 -->\n\n正文', '隐藏', 'post.md'));
	});

	test('leaves out Hugo shortcodes, Liquid and Go template syntax, keeping the text between them', () => {
		const markdown = '---\ntitle: x\n---\n{{< figure src="secretfigure.jpg" caption="secretcaption" >}}\n{{% notice secretnotice %}}Visible words{{% /notice %}}\n{% include secretinclude.html %}\n{{ .Params.secretparam }}\n{% comment %}secretliquid{% endcomment %}\n{# secretjinja #}';
		for (const word of ['secretfigure', 'secretcaption', 'secretnotice', 'secretinclude', 'secretparam', 'secretliquid', 'secretjinja', 'figure', 'include']) {
			assert.ok(!finds(markdown, word, 'post.md'), word);
		}
		assert.ok(finds(markdown, '"visible words"', 'post.md'));
	});

	test('leaves out ads and paywall blocks the reader leaves out', () => {
		const html = '---\ntitle: x\n---\n<div id="div-gpt-ad-1">secretad</div><div class="paywall">secretpaywall</div><p>story</p>';
		assert.ok(!finds(html, 'secretad'));
		assert.ok(!finds(html, 'secretpaywall'));
		assert.ok(finds(html, 'story'));
	});

	test('Markdown markup is not text: link targets and emphasis markers are left out', () => {
		const markdown = '---\ntitle: x\n---\nSee **the [report](https://secret.example/path)** and `code`.';
		assert.equal(bodyText(markdown.split('---\n')[2]!, 'markdown'), 'See the report and code.');
		assert.ok(!finds(markdown, 'secret', 'post.md'));
	});

	test('blocks do not run together; inline markup inside a word does not split it', () => {
		assert.equal(bodyText('<p>one</p><p>two</p><div>three<br>four</div>', 'html'), 'one\ntwo\nthree\nfour');
		assert.equal(bodyText('<p>Caf<b>é</b> au <i>lait</i></p>', 'html'), 'Café au lait');
	});

	test('no control character or escape sequence survives', () => {
		const body = bodyText('<p>a\u001B]52;c;SGVsbG8=\u0007b &#27;[31m c\u009b31m</p>', 'html');
		// eslint-disable-next-line no-control-regex
		assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(body), JSON.stringify(body));
	});
});
