/**
 * End-to-end: `o` in the built folio, with $BROWSER pointing at a script that records the
 * arguments it was started with. Only http(s) links reach it, always as one argument, never
 * through a shell.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fixtures, selected, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';
import type {TerminalSession} from './helpers/terminal.js';

after(closeAll);

const made: string[] = [];
after(() => {
	for (const folder of made) fs.rmSync(folder, {recursive: true, force: true});
});

type Recorder = {
	/** Value for $BROWSER. */
	readonly browser: string;
	/** Every call so far: one array of arguments per start. */
	calls(): string[][];
	/** Waits until the recorder was started `count` times in all. */
	waitForCalls(count: number, timeoutMs?: number): Promise<string[][]>;
};

/** Writes an executable script that appends its arguments, as JSON, to a log file. */
function makeRecorder(): Recorder {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-browser-'));
	made.push(folder);
	const log = path.join(folder, 'calls.jsonl');
	const script = path.join(folder, 'record-browser.cjs');
	fs.writeFileSync(
		script,
		`#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
	);
	fs.chmodSync(script, 0o755);
	const calls = (): string[][] =>
		fs.existsSync(log)
			? fs
					.readFileSync(log, 'utf8')
					.split('\n')
					.filter(Boolean)
					.map(line => JSON.parse(line) as string[])
			: [];
	return {
		browser: script,
		calls,
		async waitForCalls(count, timeoutMs = 5000) {
			const started = Date.now();
			while (calls().length < count) {
				if (Date.now() - started > timeoutMs) assert.fail(`the browser was started ${calls().length} times, not ${count}`);
				await new Promise(resolve => setTimeout(resolve, 20));
			}
			return calls();
		},
	};
}

async function quit(term: TerminalSession, fromReader = false): Promise<void> {
	if (fromReader) {
		term.write('q');
		await term.waitFor('posts · All');
	}
	term.write('q');
	assert.deepEqual(await term.waitForExit(), {exitCode: 0});
}

describe('opening links from folio in a pseudo-terminal', {skip}, () => {
	test("o starts $BROWSER with the post's URL as its only argument, from the reader and the list", async () => {
		const recorder = makeRecorder();
		const term = startFolio([fixtures], {env: {BROWSER: recorder.browser}});
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);
		term.write(keys.enter);
		await term.waitFor(/^line 1\//m);
		term.write('o');
		await term.waitFor('Opened https://example.org/science/robot-fish');
		assert.deepEqual(await recorder.waitForCalls(1), [['https://example.org/science/robot-fish']]);

		term.write('q');
		await term.waitFor(selected('Tiny robot fish'));
		term.write('j');
		await term.waitFor(selected('港珠澳大桥'));
		term.write('o');
		await term.waitFor('Opened https://example.cn/news/bridge-record');
		assert.deepEqual(await recorder.waitForCalls(2), [['https://example.org/science/robot-fish'], ['https://example.cn/news/bridge-record']]);
		await quit(term);
		assert.equal(recorder.calls().length, 2, 'one start per key press');
	});

	test('a post without a link and a javascript: link show a message; the browser is never started', async () => {
		const recorder = makeRecorder();
		const term = startFolio([fixtures], {env: {BROWSER: recorder.browser}});
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);

		term.write('jj');
		await term.waitFor(selected('Council minutes'));
		term.write('o');
		await term.waitFor(/^This post has no link$/m);
		term.write(keys.enter);
		await term.waitFor(/^line 1\/.*post 3\/14/m);
		term.write('o');
		await term.waitFor(/^line 1\/\S+ +\d+% +post 3\/14 +This post has no link$/m);
		term.write('q');
		await term.waitFor(selected('Council minutes'));

		term.write('j');
		await term.waitFor(selected('A post whose link is a script'));
		term.write('o');
		await term.waitFor(/^Not opened: only http\(s\) links open, not javascript: javascript:alert\(document\.cookie\)$/m);
		term.write(keys.enter);
		await term.waitFor(/post 4\/14/);
		term.write('o');
		await term.waitFor(/post 4\/14 +Not opened: only http\(s\) links open/);
		assert.deepEqual(recorder.calls(), [], 'the browser was not started');

		// The same session still opens a web link, and that is the only start recorded.
		term.write('K');
		await term.waitFor(/post 3\/14/);
		term.write('K');
		await term.waitFor(/post 2\/14/);
		term.write('o');
		await term.waitFor('Opened https://example.cn/news/bridge-record');
		assert.deepEqual(await recorder.waitForCalls(1), [['https://example.cn/news/bridge-record']]);
		await quit(term, true);
		assert.equal(recorder.calls().length, 1);
	});

	test('a URL with $(...), ;, |, backticks, quotes and spaces is one argument and no shell runs it', async () => {
		const recorder = makeRecorder();
		const archive = makeArchive({});
		const markers = ['subst', 'semicolon', 'pipe', 'and', 'backtick'].map(name => path.join(archive, `${name}-ran`));
		const [subst, semicolon, pipe, and, backtick] = markers as [string, string, string, string, string];
		// ${IFS} instead of spaces: the URL parser percent-encodes spaces, and these commands must
		// survive that, so that a shell, if one ran the URL, would really create the marker files.
		const run = (marker: string) => `touch\${IFS}${marker}`;
		const link = `https://example.com/search?q=$(${run(subst)});${run(semicolon)}|${run(pipe)}&&${run(and)}&x=\`${run(backtick)}\`&s='single' "double" spaces`;
		const yamlQuoted = `'${link.replaceAll("'", "''")}'`;
		fs.writeFileSync(path.join(archive, 'injection.md'), `---\ntitle: Shell injection through a link\ndate: 2024-05-01\nlink: ${yamlQuoted}\n---\nBody.\n`);
		fs.writeFileSync(path.join(archive, 'dash.md'), `---\ntitle: A link that looks like an option\ndate: 2024-04-30\nlink: "--help"\n---\nBody.\n`);

		const term = startFolio([archive], {env: {BROWSER: recorder.browser}});
		await term.waitFor('2/2 posts · All');
		await waitForRawMode(term);
		term.write('j');
		await term.waitFor(selected('A link that looks like an option'));
		term.write('o');
		await term.waitFor(/^Not opened: not a web address: --help$/m);
		assert.deepEqual(recorder.calls(), []);

		term.write('k');
		await term.waitFor(selected('Shell injection'));
		term.write('o');
		await term.waitFor('Opened https://example.com/search?q=$(touch');
		const calls = await recorder.waitForCalls(1);
		assert.equal(calls.length, 1);
		assert.equal(calls[0]!.length, 1, `one argument: ${JSON.stringify(calls[0])}`);
		assert.equal(calls[0]![0], new URL(link).href, 'the URL itself (spaces and quotes percent-encoded)');
		assert.ok(calls[0]![0]!.includes(`$(${run(subst)});${run(semicolon)}|`), 'the commands a shell would run are in the argument');
		for (const marker of markers) assert.ok(!fs.existsSync(marker), `no shell ran ${path.basename(marker)}`);
		await quit(term);
		for (const marker of markers) assert.ok(!fs.existsSync(marker), `no shell ran ${path.basename(marker)}`);
	});

	test('a $BROWSER that cannot start shows why, and folio keeps running', async () => {
		const missing = path.join(os.tmpdir(), 'folio-no-such-browser', 'browser');
		const term = startFolio([fixtures], {env: {BROWSER: missing}});
		await term.waitFor('14/14 posts · All');
		await waitForRawMode(term);
		term.write('o');
		await term.waitFor(/^Could not start \$BROWSER .*ENOENT$/m);
		term.write('j');
		await term.waitFor(selected('港珠澳大桥'));
		await quit(term);
	});
});
