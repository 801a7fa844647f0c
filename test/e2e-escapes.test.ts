/**
 * End-to-end: posts whose titles, categories, file names, bodies, link text and links carry
 * terminal escape sequences (raw ESC/CSI/OSC 52/OSC 8/DCS, C1 controls, `&#27;` entities,
 * YAML "\e", bidi overrides). None of it may reach the terminal or a pipe as an escape; the
 * text around it still shows. The posts are written at test time, as they hold raw control bytes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {assertRestored, bidiControls, c1Controls, foreignEscapes, lines, listRows, runCli, selected, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';

after(closeAll);

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const osc52 = (base64: string) => `${ESC}]52;c;${base64}${BEL}`;
const osc8 = (url: string, text: string) => `${ESC}]8;;${url}${ST}${text}${ESC}]8;;${ST}`;

/** The hostile posts, by file name; raw control bytes included. */
function hostilePosts(): Record<string, string | Uint8Array> {
	return {
		// Raw escapes in the front matter (YAML refuses them, so it is read leniently) and the body.
		'raw-escapes.md': [
			'---',
			`title: Raw ${ESC}[31mRED${ESC}[0m alert ${osc52('SGFja2Vk')}${osc8('https://evil.example/', 'title')} \u202Etxt.exe\u202C end`,
			'date: 2024-05-03 10:00:00 +00:00',
			`categories: [ "${ESC}[5mblink${ESC}[0m-cat" ]`,
			'link: https://example.com/raw',
			'---',
			`<p>Body ${ESC}[31mred body${ESC}[0m and ${osc52('Ym9keQ==')} clipboard, C1 \u009B31mcsi\u009B0m \u009D52;c;YzE=\u009C done \u0085 next.</p>`,
			`<p>Entities &#27;[31mentity red&#27;[0m and &#x1b;]52;c;ZW50aXR5&#x07; and &#x9b;31m end.</p>`,
			`<p>Bidi \u202Egnp.exe\u202C and \u2066isolate\u2069 and \u202Dlro\u202C.</p>`,
			`<p><a href="https://example.com/target">${osc8('https://evil.example/', 'link text')}</a> after.</p>`,
			`<p>DCS ${ESC}P1$r0m${ST} and APC ${ESC}_hidden${ST} and 256 ${ESC}[38;5;196mcolour${ESC}[8m hidden ok.</p>`,
			'',
		].join('\n'),
		// YAML double-quoted escapes: "\e" is ESC, "\a" BEL, "\x9b" a C1 CSI.
		'yaml-escapes.md': [
			'---',
			String.raw`title: "YAML \e[31mred\e[0m \e]52;c;eWFtbA==\a escape \x9b31m c1 \u202Eevil\u202C"`,
			'date: 2024-05-02 10:00:00 +00:00',
			String.raw`categories: [ "\e]8;;https://evil.example/\e\\cat\e]8;;\e\\" ]`,
			String.raw`author: "\e[31mAuthor\e[0m"`,
			String.raw`link: "https://example.com/yaml\e]52;c;bGluaw==\a"`,
			'---',
			'',
			`# Heading &#27;[31mred&#27;[0m`,
			'',
			`Markdown [link ${osc8('https://evil.example/', 'text')}](https://example.com/md) and ${ESC}[31mred${ESC}[0m words.`,
			'',
		].join('\n'),
		// Entities in an HTML body that decode to ESC; the title keeps them as plain text.
		'entities.md': [
			'---',
			'title: "Entity &#27;[31mtitle&#27;[0m"',
			'date: 2024-05-01 10:00:00 +00:00',
			'categories: [ news ]',
			'---',
			`<h2>&#27;[31mEntity heading</h2><p>&#x1b;]8;;https://evil.example/&#x1b;\\entity link&#x1b;]8;;&#x1b;\\ done &#x1b;]52;c;ZQ==&#x1b;\\ end</p>`,
			'',
		].join('\n'),
		// No front matter: the title comes from a file name full of escapes.
		[`name ${ESC}[31mred${ESC}]52;c;bmFtZQ==${BEL} file.md`]: 'A body under a file name with escapes.\n',
		// Eight-bit C1 bytes (not valid UTF-8) in the title and the body.
		'c1-bytes.md': Buffer.concat([
			Buffer.from('---\ntitle: "Eight-bit '),
			Buffer.from([0x9b, 0x33, 0x31, 0x6d]),
			Buffer.from(' C1 bytes"\ndate: 2024-04-30\n---\nbody '),
			Buffer.from([0x9d]),
			Buffer.from('52;c;Yg=='),
			Buffer.from([0x07]),
			Buffer.from(' end\n'),
		]),
	};
}

/** Asserts text holds no escape: no ESC, no C0 control but newline (and tab when allowed), no C1, no bidi override. */
function assertNoEscapes(text: string, what: string, allowTab = false): void {
	const esc = text.indexOf(ESC);
	assert.equal(esc, -1, `${what} has an ESC byte: ${JSON.stringify(text.slice(Math.max(0, esc - 20), esc + 20))}`);
	// eslint-disable-next-line no-control-regex
	const control = allowTab ? /[\u0000-\u0008\u000B-\u001F\u007F]/ : /[\u0000-\u0009\u000B-\u001F\u007F]/;
	assert.doesNotMatch(text, control, `${what} has a control character`);
	assert.doesNotMatch(text, c1Controls, `${what} has a C1 control`);
	assert.doesNotMatch(text, bidiControls, `${what} has a bidi override`);
}

/** The web links in the hostile posts: the only targets folio may make clickable. */
const postLinks = new Set(['https://example.com/raw', 'https://example.com/target', 'https://example.com/yaml', 'https://example.com/md']);

/**
 * Asserts the raw terminal output holds nothing from the posts that a terminal would act on:
 * with `hyperlinks`, folio may write OSC 8 links, but only to the posts' checked web links.
 */
function assertOnlyFolioEscapes(raw: string, hyperlinks = false): void {
	assert.deepEqual(foreignEscapes(raw, hyperlinks ? postLinks : new Set()), [], 'every escape sequence is one folio writes itself');
	assert.ok(!raw.includes('evil.example'), 'no link target from the posts\' text');
	if (hyperlinks) assert.ok(raw.includes(`${ESC}]8;;https://example.com/target${ESC}\\`), 'folio made the post\'s own link clickable');
	else assert.ok(!raw.includes(`${ESC}]8;`), 'no OSC 8 where folio writes no links');
	for (const payload of [`${ESC}]52`, `${ESC}[31m`, `${ESC}[5m`, `${ESC}[8m`, `${ESC}[38;5`, `${ESC}P`, `${ESC}_`, BEL]) {
		assert.ok(!raw.includes(payload), `the output holds ${JSON.stringify(payload)}`);
	}
	assert.doesNotMatch(raw, c1Controls, 'the output holds a C1 control');
	assert.doesNotMatch(raw, bidiControls, 'the output holds a bidi override');
}

const folderName = `hostile ${ESC}[31mfolder${ESC}]52;c;Zm9sZGVy${BEL}`;

function hostileArchive(): string {
	const root = makeArchive({});
	const folder = path.join(root, folderName);
	fs.mkdirSync(folder);
	for (const [name, content] of Object.entries(hostilePosts())) fs.writeFileSync(path.join(folder, name), content);
	return folder;
}

describe('escape sequences from posts never reach the terminal', {skip}, () => {
	for (const hyperlinks of [false, true]) {
	test(`in the list, the category picker and every article, only folio writes escapes; the text still shows${hyperlinks ? ' (clickable links on)' : ''}`, async () => {
		const folder = hostileArchive();
		const term = startFolio([folder], {env: {FORCE_HYPERLINK: hyperlinks ? '1' : undefined}});
		let screen = await term.waitFor('5/5 posts · All');
		await waitForRawMode(term);
		assert.match(lines(screen)[0]!, /hostile folder\s+5\/5 posts · All · 5 unread$/, 'the folder name is shown sanitized');
		const rows = listRows(screen).map(row => row.trimEnd());
		assert.equal(rows.length, 5);
		assert.match(rows[0]!, /2024-05-03 10:00 • {2}blink-cat +Raw RED alert title txt\.exe end$/);
		assert.match(rows[1]!, /2024-05-02 10:00 • {2}cat +YAML red escape c1 evil$/);
		assert.match(rows[2]!, /2024-05-01 10:00 • {2}news +Entity &#27;\[31mtitle&#27;\[0m$/);
		assert.match(rows[3]!, /2024-04-30 +• +Eight-bit \uFFFD31m C1 bytes$/);
		assert.match(rows[4]!, /-{10} +• +name red file$/);

		term.write('c');
		screen = await term.waitFor('Categories (3)');
		for (const name of ['blink-cat (1/1)', 'cat (1/1)', 'news (1/1)', '(no category) (2/2)']) assert.ok(screen.includes(name), screen);
		term.write(keys.escape);
		await term.waitFor('5/5 posts · All');

		// Every article, from top to bottom.
		term.write(keys.enter);
		screen = await term.waitFor(/^line 1\/.*post 1\/5/m);
		assert.equal(lines(screen)[0], 'Raw RED alert title txt.exe end');
		for (const text of [
			'Body red body and clipboard, C1 csi done next.',
			'Entities entity red and and',
			'Bidi gnp.exe and isolate and lro.',
			'link text[1] after.',
			'DCS and APC and 256 colour hidden ok.',
			'[1] https://example.com/target',
		]) {
			assert.ok(screen.includes(text), `the reader shows ${JSON.stringify(text)}:\n${screen}`);
		}
		term.write('J');
		screen = await term.waitFor(/^line \d+\/.*post 2\/5/m);
		assert.equal(lines(screen)[0], 'YAML red escape c1 evil');
		assert.match(screen, /^Author: +Author$/m);
		assert.match(screen, /^Link: +https:\/\/example\.com\/yaml$/m);
		assert.match(screen, /^Markdown link text\[1\] and red words\.$/m);
		term.write('J');
		screen = await term.waitFor(/^line \d+\/.*post 3\/5/m);
		assert.match(screen, /^Entity heading$/m);
		assert.match(screen, /entity link.* done .*end$/m);
		term.write('J');
		screen = await term.waitFor(/^line \d+\/.*post 4\/5/m);
		assert.match(screen, /^body \uFFFD52;c;Yg== end$/m);
		term.write('J');
		screen = await term.waitFor(/^line \d+\/.*post 5\/5/m);
		assert.equal(lines(screen)[0], 'name red file');
		assert.match(screen, /^A body under a file name with escapes\.$/m);
		term.write('q');
		await term.waitFor(selected('name red file'));

		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assertRestored(term);
		assertOnlyFolioEscapes(term.raw(), hyperlinks);
	});
	}

	test('--print of each hostile post writes no escape to stdout or stderr', async () => {
		const folder = hostileArchive();
		const files = fs.readdirSync(folder);
		assert.equal(files.length, 5);
		const outputs = await Promise.all(files.map(file => runCli([path.join(folder, file), '--print', '--width', '70'])));
		for (const [index, {code, stdout, stderr}] of outputs.entries()) {
			const name = JSON.stringify(files[index]);
			assert.equal(code, 0, `${name}: ${stderr}`);
			assert.ok(!stdout.includes(0x1b), `${name}: no ESC byte in stdout`);
			assertNoEscapes(stdout.toString('utf8'), `${name} --print stdout`);
			assertNoEscapes(stderr, `${name} --print stderr`);
		}
		const raw = outputs[files.indexOf('raw-escapes.md')]!.stdout.toString('utf8');
		assert.match(raw, /^Raw RED alert title txt\.exe end$/m);
		assert.match(raw, /^Body red body and clipboard, C1 csi done next\.$/m);
	});

	test('--list and --json write no escape; JSON fields hold none either', async () => {
		const folder = hostileArchive();
		const list = await runCli([folder, '--list']);
		assert.equal(list.code, 0, list.stderr);
		assert.ok(!list.stdout.includes(0x1b), 'no ESC byte in --list stdout');
		const listText = list.stdout.toString('utf8');
		assertNoEscapes(listText, '--list stdout', true);
		assertNoEscapes(list.stderr, '--list stderr');
		assert.equal(listText.trimEnd().split('\n').length, 5);
		assert.match(listText, /\tRaw RED alert title txt\.exe end\t/);

		const json = await runCli([folder, '--json']);
		assert.equal(json.code, 0, json.stderr);
		assert.ok(!json.stdout.includes(0x1b), 'no ESC byte in --json stdout');
		assertNoEscapes(json.stdout.toString('utf8'), '--json stdout');
		assertNoEscapes(json.stderr, '--json stderr');
		const posts = json.stdout
			.toString('utf8')
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		assert.equal(posts.length, 5);
		for (const post of posts) {
			// `path` is the file's real name, so a program can open it; what is shown is sanitized.
			const {path: _path, ...shown} = post;
			for (const value of Object.values(shown).flat()) {
				if (typeof value === 'string') assertNoEscapes(value, `JSON value ${JSON.stringify(value)}`);
			}
		}
		assert.deepEqual(
			posts.map(post => post.title),
			['Raw RED alert title txt.exe end', 'YAML red escape c1 evil', 'Entity &#27;[31mtitle&#27;[0m', 'Eight-bit \uFFFD31m C1 bytes', 'name red file'],
		);
	});
});
