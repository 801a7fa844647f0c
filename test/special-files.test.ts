/**
 * Named pipes, sockets and devices where posts are expected: reported in one line each, never
 * opened for reading, so nothing waits on them; the real posts beside them are still listed.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {after, describe, test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {isolatedRun, skip as e2eSkip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';
import {closeAll, keys} from './helpers/terminal.js';

after(closeAll);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A generous bound: a run that blocks on a pipe never ends by itself, so this only detects hangs. */
const hangBound = 20_000;

const post = (title: string, body = 'Body text.') => `---\ntitle: ${title}\ndate: 2024-01-02\n---\n${body}\n`;

function folio(args: readonly string[]) {
	const result = spawnSync(folioCommand, args, {cwd: root, encoding: 'utf8', timeout: hangBound, env: {...process.env, PATH: pathWithThisNode, ...isolatedRun()}});
	assert.equal(result.error, undefined, `folio ended by itself within ${hangBound} ms`);
	return result;
}

/** Makes a named pipe with mkfifo(1). */
function mkfifo(file: string): void {
	execFileSync('mkfifo', [file]);
}

/** Leaves a Unix socket file at `file` (the listening server is closed; the file stays). */
async function makeSocket(file: string): Promise<void> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(file, resolve));
	// Closing unlinks the socket in some Node versions: keep the server until the tests end.
	after(() => server.close());
}


/**
 * Links to system files and folders, removed when the test ends: the temporary folders' clean-up
 * changes the mode of what it finds, through links too, and must never reach these.
 */
function linkToSystem(target: string, file: string, t: TestContext): void {
	fs.symlinkSync(target, file);
	t.after(() => fs.rmSync(file, {force: true}));
}

describe('special files in an archive', () => {
	test('a named pipe, a socket and devices named like posts are each reported in one line; the posts are listed', async t => {
		const folder = makeArchive({'good.md': post('Good post'), 'notes/other.md': post('Other post')});
		mkfifo(path.join(folder, 'pipe.md'));
		await makeSocket(path.join(folder, 'socket.md'));
		linkToSystem('/dev/zero', path.join(folder, 'zero.md'), t); // endless if read
		linkToSystem('/dev/null', path.join(folder, 'notes', 'null.html'), t);
		const result = folio([folder, '--list', '--no-cache']);
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(result.stdout.trim().split('\n').map(line => line.split('\t')[2]).sort(), ['Good post', 'Other post']);
		assert.deepEqual(result.stderr.trim().split('\n').sort(), [
			`folio: skipped ${path.join(folder, 'notes', 'null.html')}: a device, not a regular file`,
			`folio: skipped ${path.join(folder, 'pipe.md')}: a named pipe (FIFO), not a regular file`,
			`folio: skipped ${path.join(folder, 'socket.md')}: a socket, not a regular file`,
			`folio: skipped ${path.join(folder, 'zero.md')}: a device, not a regular file`,
		]);
	});

	test('a named pipe given as the post to print: one line, status 1, no wait for a writer', () => {
		const folder = makeArchive({});
		const pipe = path.join(folder, 'post.md');
		mkfifo(pipe);
		for (const args of [[pipe], [pipe, '--print'], [pipe, '--list']]) {
			const result = folio(args);
			assert.equal(result.status, 1, args.join(' '));
			assert.equal(result.stderr, `folio: ${pipe}: a named pipe (FIFO), not a regular file\n`);
			assert.equal(result.stdout, '');
		}
	});

	test('the readers of post files refuse a named pipe at once instead of blocking in open(2)', () => {
		// Run in a child: a read that blocked would freeze this process, and its own timers with it.
		const folder = makeArchive({});
		const pipe = path.join(folder, 'post.md');
		mkfifo(pipe);
		const script = `
			import {readPostHead} from ${JSON.stringify(path.join(root, 'source/core/parse.ts'))};
			import {readPostText} from ${JSON.stringify(path.join(root, 'source/core/post-text.ts'))};
			console.log(JSON.stringify(readPostHead(process.argv[1])));
			try { readPostText(process.argv[1]); } catch (error) { console.log(error.message); }`;
		const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, pipe], {cwd: root, encoding: 'utf8', timeout: hangBound});
		assert.equal(result.error, undefined, 'the child ended by itself');
		assert.equal(result.stderr, '');
		assert.deepEqual(result.stdout.split('\n'), [
			JSON.stringify({path: pipe, reason: 'a named pipe (FIFO), not a regular file'}),
			`Cannot read ${pipe}: a named pipe (FIFO), not a regular file`,
			'',
		]);
	});
});

describe('a post replaced by a named pipe after it was listed', {skip: e2eSkip}, () => {
	test('opening it shows why it cannot be read, and q, then SIGTERM, still end folio', async () => {
		const folder = makeArchive({'2024-01-02-first.md': post('First post', 'First body.'), '2024-01-01-second.md': post('Second post', 'Second body.')});
		for (const ending of ['q', 'SIGTERM'] as const) {
			const target = path.join(folder, '2024-01-02-first.md');
			// The archive is watched: should the watch take the pipe off the list before Enter
			// reaches folio, what is opened is the other post, and the run is made again.
			let term = startFolio([folder, '--no-cache'], {cols: 100, rows: 20});
			for (let attempt = 1; ; attempt++) {
				await term.waitFor(/› 2024-01-02 .*First post/);
				await waitForRawMode(term);
				fs.rmSync(target, {force: true});
				mkfifo(target);
				term.write(keys.enter);
				// The message is wrapped to the terminal, where a long temporary path may break it.
				const showsWhy = (screen: string) => screen.replaceAll(/\s+/g, ' ').includes('named pipe (FIFO), not a regular file');
				const opened = await term.waitFor(screen => showsWhy(screen) || /^Second post$/m.test(screen), hangBound);
				if (showsWhy(opened)) break;
				assert.ok(attempt < 5, 'the pipe was opened in one of five tries');
				term.write('qq');
				await term.waitForExit(hangBound);
				fs.rmSync(target, {force: true});
				fs.writeFileSync(target, post('First post', 'First body.'));
				term = startFolio([folder, '--no-cache'], {cols: 100, rows: 20});
			}
			if (ending === 'q') {
				term.write('q');
				// Back on the list; the archive being watched, the pipe may already have left it.
				await term.waitFor(/^› 2024-01-0[12] .*(?:First|Second) post/m, hangBound);
				term.write('q');
			} else term.kill('SIGTERM');
			const exit = await term.waitForExit(hangBound);
			// 143: ended by SIGTERM, after restoring the terminal.
			assert.deepEqual(exit, {exitCode: ending === 'q' ? 0 : 143}, ending);
			assert.equal(term.state().alternateScreen, false, 'the terminal is back on its normal screen');
			fs.rmSync(target, {force: true});
			fs.writeFileSync(target, post('First post', 'First body.'));
		}
	});
});
