/**
 * The two ways `folio` starts: bin/folio runs the start-up snapshot (dist/folio.blob) when the
 * node on PATH made it, and the plain bundle (dist/cli.js) otherwise. Both must behave the same.
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {assertRestored, fixtures, folioPid, isolatedRun, skip as noTerminal, startFolio} from './helpers/e2e.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';
import {startTerminal} from './helpers/terminal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Result = {stdout: string; stderr: string; status: number | null};

/** Runs `start` (bin/folio of some copy, or node with the plain bundle) with pipes. */
function run(start: readonly string[], args: readonly string[], options: {input?: string; env?: Record<string, string | undefined>} = {}): Result {
	const result = spawnSync(start[0]!, [...start.slice(1), ...args], {
		cwd: root,
		input: options.input ?? '',
		encoding: 'utf8',
		env: {...process.env, PATH: pathWithThisNode, FORCE_COLOR: '0', ...options.env},
		timeout: 30_000,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

const bin = [folioCommand];
const plain = [process.execPath, path.join(root, 'dist', 'cli.js')];

/** A copy of the built package (bin, dist, package.json) in a temporary folder. */
function copyOfPackage(): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-package-'));
	for (const part of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(root, part), path.join(copy, part), {recursive: true});
	return copy;
}

/** The command line of the node that `bin/folio -` runs, read while it waits for stdin (Linux). */
async function nodeCommandLine(folio: string, env: Record<string, string> = {}): Promise<string[]> {
	const child = spawn(folio, ['-'], {env: {...process.env, NODE_OPTIONS: '', PATH: pathWithThisNode, ...env}, stdio: ['pipe', 'pipe', 'pipe']});
	try {
		for (let tries = 0; tries < 100; tries++) {
			const commandLine = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
			// Until exec, the process is the shell running bin/folio.
			if (path.basename(commandLine[0] ?? '') === 'node' || commandLine[0] === process.execPath) return commandLine;
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		throw new Error('bin/folio never started node');
	} finally {
		child.stdin.end('---\ntitle: t\n---\nx\n');
		await new Promise(resolve => child.once('close', resolve));
	}
}

const messy = makeArchive({
	'2024-11-01-html.html': '---\ntitle: "HTML <b>post</b>"\ndate: 2024-11-01T08:30:00+08:00\ncategories: [dw, world]\ntags: [climate]\nlink: https://example.org/a\n---\n<h2>Heading</h2><p>Para with <a href="https://example.org/b">a link</a> and <b>bold</b>.</p><blockquote><p>Quoted</p></blockquote><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\n',
	'2024-11-02-markdown.md': '---\ntitle: Markdown 中文\ndate: 2024-11-02 23:59\ncategories: 联合早报\n---\n# 标题\n\n中文段落，包含标点符号「引号」和数字2024年。Emoji 👍🏽 and e\u0301.\n\n```\ncode  block\n```\n',
	'2024-11-03-toml.md': '+++\ntitle = "TOML post"\ndate = 2024-11-03T10:00:00Z\n+++\nBody.\n',
	'2024-11-04-gbk.md': Buffer.from('2d2d2d0a7469746c653a20c4e3bac30a2d2d2d0ac4e3bac3cac0bde70a', 'hex'),
	'2024-11-05-utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: UTF-16 post\n---\nText\n', 'utf16le')]),
	'2024-11-06-escapes.md': '---\ntitle: "Evil \\e[31mred\\e]0;x\\a"\nlink: "javascript:alert(1)"\n---\nText \u001B[2J with \u202E bidi.\n',
	'broken.md': '---\ntitle: [unclosed\n---\nText\n',
	'binary.md': Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
	'no-front-matter.txt': 'Just some text\n',
});

describe('bin/folio', {skip: process.platform === 'win32' ? 'bin/folio is a POSIX shell script' : false}, () => {
	test('prints, lists and reports errors exactly as the plain bundle does, in any time zone', () => {
		const files = [...fs.readdirSync(messy).map(name => path.join(messy, name)), ...fs.readdirSync(path.join(root, 'content')).map(name => path.join(root, 'content', name))];
		const cases: Array<{args: string[]; input?: string}> = [
			...files.map(file => ({args: [file, '--print', '--width', '50']})),
			{args: [messy, '--list']},
			{args: [messy, '--json', '--no-cache']},
			{args: ['content', '--list', '--category', 'rthk']},
			{args: ['content', '--list', '--search', 'ferry']},
			{args: ['content', '--json', '--since', '2024-11-10']},
			{args: ['-', '--width', '30'], input: '---\ntitle: From stdin\ndate: 2024-01-02 03:04\n---\n<p>Piped in.</p>\n'},
			{args: ['--help']},
			{args: ['--version']},
			{args: ['--bogus']},
			{args: ['content', '--print']},
			{args: ['no/such/path']},
		];
		for (const timeZone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
			for (const {args, input} of cases) {
				const options = {input, env: {TZ: timeZone}};
				assert.deepEqual(run(bin, args, options), run(plain, args, options), `TZ=${timeZone} folio ${args.join(' ')}`);
			}
		}
	});

	test('starts node with the start-up snapshot made by that node', {skip: process.platform === 'linux' ? false : 'reads /proc'}, async () => {
		assert.ok(fs.existsSync(path.join(root, 'dist', 'folio.blob')), 'npm run build made dist/folio.blob (its warning says why not)');
		const commandLine = await nodeCommandLine(bin[0]!);
		assert.equal(commandLine[1], '--snapshot-blob');
		assert.equal(path.resolve(commandLine[2]!), path.join(root, 'dist', 'folio.blob'));
	});

	test('with a snapshot made by another node, or none, starts the plain bundle and works the same', {skip: process.platform === 'linux' ? false : 'reads /proc'}, async () => {
		const copy = copyOfPackage();
		try {
			const folio = path.join(copy, 'bin', 'folio');
			const seed = path.join(root, 'content', '2021-11-25-china-russia-military-ties.md');
			const expected = run(plain, [seed, '--print', '--width', '40']);
			// Another node: another size on record.
			fs.writeFileSync(path.join(copy, 'dist', 'folio.blob.node'), '12345 v0.0.0 /elsewhere/node\n');
			assert.deepEqual(run([folio], [seed, '--print', '--width', '40']), expected);
			assert.equal(path.resolve((await nodeCommandLine(folio))[1]!), path.join(copy, 'dist', 'cli.js'));
			// No snapshot at all (the build could not make one).
			fs.rmSync(path.join(copy, 'dist', 'folio.blob'), {force: true});
			fs.rmSync(path.join(copy, 'dist', 'folio.blob.node'), {force: true});
			assert.deepEqual(run([folio], [seed, '--print', '--width', '40']), expected);
			assert.equal(path.resolve((await nodeCommandLine(folio))[1]!), path.join(copy, 'dist', 'cli.js'));
		} finally {
			fs.rmSync(copy, {recursive: true, force: true});
		}
	});

	test('with V8 flags in NODE_OPTIONS (which a snapshot refuses), starts the plain bundle', {skip: process.platform === 'linux' ? false : 'reads /proc'}, async () => {
		const nodeOptions = {NODE_OPTIONS: '--max-old-space-size=300'};
		const seed = path.join(root, 'content', '2021-11-25-china-russia-military-ties.md');
		const result = run(bin, [seed, '--print', '--width', '40'], {env: nodeOptions});
		assert.deepEqual(result, run(plain, [seed, '--print', '--width', '40']));
		assert.equal(path.resolve((await nodeCommandLine(bin[0]!, nodeOptions))[1]!), path.join(root, 'dist', 'cli.js'));
	});

	test('works through the links a package manager makes to it, from any folder', () => {
		const links = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-links-'));
		try {
			fs.symlinkSync(path.join(root, 'bin', 'folio'), path.join(links, 'absolute'));
			fs.symlinkSync(path.relative(links, path.join(root, 'bin', 'folio')), path.join(links, 'relative'));
			fs.symlinkSync('relative', path.join(links, 'chained'));
			const version = run(plain, ['--version']).stdout;
			for (const name of ['absolute', 'relative', 'chained']) {
				const result = spawnSync(`./${name}`, ['--version'], {cwd: links, encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode}});
				assert.equal(result.stdout, version, name);
				assert.equal(result.status, 0);
			}
		} finally {
			fs.rmSync(links, {recursive: true, force: true});
		}
	});

	test('finds the index cache under the home folder of the person running it, not of whoever built it', () => {
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-home-'));
		try {
			const result = run(bin, [messy, '--list'], {env: {HOME: home, XDG_CACHE_HOME: undefined, FOLIO_CACHE_DIR: undefined}});
			assert.equal(result.status, 0, result.stderr);
			assert.ok(fs.readdirSync(path.join(home, '.cache', 'folio', 'index')).length > 0, 'an index was written under $HOME/.cache/folio');
		} finally {
			fs.rmSync(home, {recursive: true, force: true});
		}
	});

	test('without node on PATH: one line that says so', () => {
		const result = spawnSync('/bin/sh', [path.join(root, 'bin', 'folio'), '--version'], {encoding: 'utf8', env: {PATH: '/nonexistent'}});
		assert.equal(result.status, 1);
		assert.equal(result.stderr, 'folio: needs Node.js 20 or later (node) on PATH\n');
	});
});

describe('bin/folio in a terminal', {skip: noTerminal || (process.platform === 'linux' ? false : 'reads /proc')}, () => {
	/** The command line of the node a session runs, once bin/folio has handed over to it. */
	async function commandLineOf(term: ReturnType<typeof startFolio>): Promise<string[]> {
		for (let tries = 0; tries < 100; tries++) {
			const pid = folioPid(term);
			const commandLine = pid === undefined ? [] : fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
			if (commandLine[0] === process.execPath || path.basename(commandLine[0] ?? '') === 'node') return commandLine;
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		throw new Error('bin/folio never started node');
	}

	test('the reader starts from the plain bundle; a print asked for starts from the snapshot', async () => {
		const reader = startFolio([fixtures], {env: {NODE_OPTIONS: ''}});
		await reader.waitFor('14/14 posts');
		assert.equal(path.resolve((await commandLineOf(reader))[1]!), path.join(root, 'dist', 'cli.js'));
		reader.write('q');
		assert.deepEqual(await reader.waitForExit(), {exitCode: 0});

		const print = startFolio(['-', '--print'], {env: {NODE_OPTIONS: ''}});
		// It waits for the post on stdin (the terminal) meanwhile.
		assert.equal((await commandLineOf(print))[1], '--snapshot-blob');
		print.write('---\ntitle: Typed in\n---\nHello\n\u0004');
		await print.waitFor('Typed in');
		assert.deepEqual(await print.waitForExit(), {exitCode: 0});
	});

	test('the snapshot opens the reader too, when a run it was chosen for asks for it', async () => {
		const term = startTerminal({
			command: process.execPath,
			args: ['--snapshot-blob', path.join(root, 'dist', 'folio.blob'), '--', fixtures],
			cols: 100,
			rows: 30,
			cwd: root,
			env: {TZ: 'UTC', NODE_OPTIONS: '', ...isolatedRun()},
		});
		await term.waitFor('14/14 posts');
		term.write('\r');
		await term.waitFor(/^line 1\/.*post 1\/14/m);
		term.write('q');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assertRestored(term);
	});
});
