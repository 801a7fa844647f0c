/** Posts written to attack the reader: code in front matter, memory bombs, escape sequences, bad links. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {renderArticle} from '../source/core/article.js';
import {checkLink} from '../source/core/links.js';
import {loadArchive} from '../source/core/load.js';
import {parsePost} from '../source/core/parse.js';
import {openLink} from '../source/open-link.js';
import {formatJsonLine, formatListLine} from '../source/output.js';
import {makeArchive} from './helpers/temp-archive.js';

const facts = {size: 0, mtimeMs: 0};
// eslint-disable-next-line no-control-regex
const terminalControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every string a person or a pipe would get from a post: its fields, list lines, JSON and article rows. */
function everythingShown(text: string, name = 'post.md'): string[] {
	const post = parsePost(text, name, facts);
	const article = renderArticle(post, text, 60);
	return [
		post.title,
		...post.categories,
		...post.tags,
		post.author ?? '',
		...post.warnings,
		formatListLine(post),
		...article.lines.map(line => line.text),
		...article.links,
	];
}

describe('hostile posts', () => {
	test('---js and ---javascript front matter never runs', () => {
		const marker = path.join(os.tmpdir(), `folio-js-ran-${process.pid}`);
		const code = `{title: (function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); globalThis.folioPwned = true; return 'owned'; })()}`;
		for (const fence of ['---js', '---javascript']) {
			const post = parsePost(`${fence}\n${code}\n---\nBody text.\n`, '2024-02-03-js-post.md', facts);
			assert.notEqual(post.title, 'owned');
			assert.equal(post.title, 'js post');
			assert.match(post.warnings.join('\n'), /not read/);
			assert.equal(renderArticle(post, `${fence}\n${code}\n---\nBody text.\n`, 40).lines.at(-1)!.text, 'Body text.');
		}
		assert.equal((globalThis as {folioPwned?: boolean}).folioPwned, undefined);
		assert.equal(fs.existsSync(marker), false);
	});

	test('YAML tags that would build functions or regexps are refused', () => {
		const post = parsePost('---\ntitle: !!js/function "function () { return 1 }"\ncategories: !!js/regexp /x/\n---\nBody\n', 'tagged.md', facts);
		assert.equal(typeof post.title, 'string');
		assert.doesNotMatch(post.title, /^function/);
		assert.match(post.warnings.join('\n'), /not valid YAML/);
		for (const category of post.categories) assert.equal(typeof category, 'string');
	});

	test('a YAML alias bomb neither hangs nor explodes memory', {timeout: 20_000}, () => {
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (let level = 1; level < 12; level++) {
			const previous = String.fromCharCode(96 + level);
			const name = String.fromCharCode(97 + level);
			levels.push(`${name}: &${name} [${Array.from({length: 9}, () => `*${previous}`).join(',')}]`);
		}
		const text = `---\ntitle: Bomb\n${levels.join('\n')}\ncategories: *l\ntags: *k\nauthor: *j\n---\nBody\n`;
		const before = process.memoryUsage().rss;
		const post = parsePost(text, 'bomb.md', facts);
		assert.equal(post.title, 'Bomb');
		assert.ok(post.categories.length <= 1000, `categories bounded, got ${post.categories.length}`);
		assert.ok(post.tags.length <= 1000);
		assert.ok(formatJsonLine(post).length < 100_000, 'output stays small');
		assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stays bounded');
	});

	test('escape sequences in every field, the body, link text and URLs never come out', () => {
		const esc = '\u001B';
		const text = [
			'---',
			`title: "Title ${esc}]52;c;ZWNobyBwd25lZA==\\u0007 ${esc}[2J\\e[31mred\\e[0m \u009B31m end"`,
			`categories: ["cat${esc}[1m", "\u202Eevil"]`,
			`tags: ["tag\\x1b]8;;http://evil.example\\x07click"]`,
			`author: "A\u0085B ${esc}P1;2|payload${esc}\\\\"`,
			`link: "https://example.org/a${esc}[31m"`,
			'---',
			`<p>Body ${esc}[31mred${esc}[0m &#27;[32mgreen&#x1b;[0m &#155;2J \u202Eright-to-left \u2066isolate\u2069</p>`,
			`<p><a href="https://example.org/${esc}]52;c;eA==${esc}\\">link ${esc}[5mtext</a></p>`,
			`<pre>pre ${esc}]8;;https://evil.example${esc}\\ ${esc}[1m</pre>`,
		].join('\n');
		const shown = everythingShown(text, `2024-01-01-name-${esc}[31m-\u009B2J.md`);
		for (const line of shown) assert.doesNotMatch(line, terminalControl, JSON.stringify(line));
		const joined = shown.join('\n');
		assert.match(joined, /Title/);
		assert.match(joined, /Body/);
		assert.match(joined, /red/);
		assert.match(joined, /green/);
		assert.match(joined, /link text\[1\]/);
		const json = formatJsonLine(parsePost(text, 'x.md', facts));
		// eslint-disable-next-line no-control-regex
		assert.doesNotMatch(json, /\u001B|\\u001b|\\u009b|\u009B/i, 'JSON output carries no escape either');
	});

	test('only http(s) links open; everything else gets a clear reason', () => {
		const refused: Array<[string, RegExp]> = [
			['javascript:alert(1)', /only http\(s\) links open, not javascript:/],
			['file:///etc/passwd', /not file:/],
			['data:text/html,<script>alert(1)</script>', /not data:/],
			['-oProxyCommand=touch /tmp/x', /not a web address/],
			['--help', /not a web address/],
			['$(touch /tmp/pwned)', /not a web address/],
			['http://', /not a web address|no host/],
			['https://exa\u001Bmple.org', /control characters/],
			['', /no link/],
		];
		for (const [link, reason] of refused) {
			const check = checkLink(link);
			assert.equal(check.ok, false, link);
			assert.match((check as {reason: string}).reason, reason, link);
			assert.doesNotMatch((check as {reason: string}).reason, terminalControl);
		}
		const raw = 'https://example.org/a b"c\'d;e&f|g$(touch x)`h`';
		const allowed = checkLink(raw);
		assert.deepEqual(allowed, {ok: true, url: new URL(raw).href});
		assert.doesNotMatch((allowed as {url: string}).url, /[\s"`]/, 'spaces, double quotes and backticks are percent-encoded');
	});

	test('$BROWSER gets the URL as one argument, with no shell in between', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-browser-'));
		try {
			const record = path.join(folder, 'argv.json');
			const script = path.join(folder, 'browser.cjs');
			fs.writeFileSync(script, `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`, {mode: 0o755});
			const marker = path.join(folder, 'pwned');
			const url = `https://example.org/x?a=1&b=2;touch ${marker}|$(touch ${marker})'"`;
			const message = await openLink(url, {env: {BROWSER: script}});
			assert.match(message, /^Opened https:\/\/example\.org\/x/);
			await waitFor(() => fs.existsSync(record));
			const calls = fs.readFileSync(record, 'utf8').trim().split('\n').map(line => JSON.parse(line) as string[]);
			assert.deepEqual(calls, [[new URL(url).href]]);
			assert.equal(fs.existsSync(marker), false);
			await assert.rejects(openLink('javascript:alert(1)', {env: {BROWSER: script}}), /only http\(s\) links open/);
			await assert.rejects(openLink(undefined, {env: {BROWSER: script}}), /This post has no link/);
			await assert.rejects(openLink('https://example.org', {env: {BROWSER: path.join(folder, 'missing')}}), /Could not start \$BROWSER/);
			assert.equal(fs.readFileSync(record, 'utf8').trim().split('\n').length, 1, 'refused links never reach the browser');
		} finally {
			fs.rmSync(folder, {recursive: true, force: true});
		}
	});

	test('hostile file names never reach the list as escapes', () => {
		const folder = makeArchive({
			'2024-01-01-\u001B]0;title\u0007.md': '---\ntitle: One\n---\nx',
			'2024-01-02-\u009B2J\u202Ename.md': 'Body only',
		});
		const {posts, skipped} = loadArchive(folder);
		assert.equal(posts.length, 2);
		assert.equal(skipped.length, 0);
		for (const post of posts) {
			assert.doesNotMatch(post.title, terminalControl);
			assert.doesNotMatch(formatListLine(post), terminalControl);
			// eslint-disable-next-line no-control-regex
			assert.doesNotMatch(formatJsonLine(post), /\u001B|\u009B|\u202E/);
		}
	});
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('timed out');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}
