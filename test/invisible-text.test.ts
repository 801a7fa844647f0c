/** Text that must not vanish, and characters that must: lone escape introducers, invisible characters. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, test} from 'node:test';
import {sanitizeLine, sanitizeText} from '../source/core/sanitize.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

function folio(...args: string[]) {
	const result = spawnSync(folioCommand, args, {encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode}, timeout: 30_000});
	assert.equal(result.status, 0, result.stderr);
	return result.stdout;
}

// eslint-disable-next-line no-control-regex
const terminalControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('a lone escape introducer loses only itself', () => {
	const introducers = {'ESC ]': '\u001B]', 'ESC P': '\u001BP', 'ESC _': '\u001B_', 'C1 0x9D': '\u009D'};
	for (const [name, introducer] of Object.entries(introducers)) {
		test(`${name} in a Markdown body`, () => {
			const folder = makeArchive({'post.md': `---\ntitle: Lone ${name}\n---\nBefore the introducer.${introducer}0;after it, still here.\n\nA last paragraph.\n`});
			const out = folio(path.join(folder, 'post.md'), '--print');
			assert.match(out, /Before the introducer\.0;after it, still here\./);
			assert.match(out, /A last paragraph\./);
			assert.doesNotMatch(out, terminalControl);
		});
	}

	test('&#x9d; in an HTML body', () => {
		const folder = makeArchive({'post.html': '---\ntitle: Entity\n---\n<p>Before &#x9d; after the entity.</p><p>A last paragraph.</p>\n'});
		const out = folio(path.join(folder, 'post.html'), '--print');
		assert.match(out, /Before after the entity\./);
		assert.match(out, /A last paragraph\./);
		assert.doesNotMatch(out, terminalControl);
	});

	test('terminated sequences still go whole, payload and all', () => {
		assert.equal(sanitizeText('a\u001B]0;evil title\u0007b\u001B]8;;https://x.test\u001B\\c\u009D52;c;payload\u009Cd'), 'abcd');
	});
});

describe('invisible characters are stripped from what is shown and searched', () => {
	const invisibles = ['\u200B', '\u2060', '\u180E', '\u3164', '\u{E0041}', '\u{E007F}', '\u200D', '\uFEFF'];

	test('titles, categories, tags, author and body in --print and --list', () => {
		const hide = (word: string) => [...word].join(invisibles.join(''));
		const folder = makeArchive({
			'post.md': `---\ntitle: ${hide('Paypal')} notice\ncategories: [${hide('news')}]\ntags: [${hide('money')}]\nauthor: ${hide('Ann')}\n---\nThe ${hide('hidden')} word.\n`,
		});
		const printed = folio(path.join(folder, 'post.md'), '--print');
		for (const word of ['Paypal notice', 'Source:   news', 'Author:   Ann', 'Tags:     money', 'The hidden word.']) assert.ok(printed.includes(word), `"${word}" not printed plainly`);
		const listed = folio(folder, '--list', '--no-cache');
		assert.match(listed, /Paypal notice/);
		for (const invisible of invisibles) {
			assert.ok(!printed.includes(invisible) && !listed.includes(invisible), `U+${invisible.codePointAt(0)!.toString(16)} shown`);
		}
		assert.match(folio(folder, '--list', '--no-cache', '--search', 'hidden'), /Paypal notice/);
	});

	test('emoji sequences keep their joiners; CJK and Indic text are untouched', () => {
		for (const text of ['👩‍💻 coder', '👨‍👩‍👧 family', '🏳️‍🌈 flag', '中文標題：「測試」', '한국어 제목', 'क्‍ष', 'می‌خواهم']) assert.equal(sanitizeLine(text), text);
		assert.equal(sanitizeLine('Pay\u200Dpal'), 'Paypal');
	});
});
