/**
 * What folio reads from stdin and writes to stdout when they misbehave: stdin is read up to a
 * stated limit; a full disk or a closed stdout gives one line and status 1; a pipe closed by
 * its reader is a quiet, successful end.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {isolatedRun} from './helpers/e2e.js';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = () => ({...process.env, PATH: pathWithThisNode, ...isolatedRun()});
const mb = 1024 * 1024;

/** Runs a bash command line (folio is `$FOLIO`) and returns what it printed and its status (with pipefail). */
function shell(script: string, args: readonly string[] = []) {
	const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`, 'bash', ...args], {cwd: root, encoding: 'utf8', timeout: 60_000, env: {...env(), FOLIO: folioCommand}});
	assert.equal(result.error, undefined, 'the command ended by itself');
	return result;
}

const post = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
const oneLineNoStack = (stderr: string) => {
	assert.equal(stderr.split('\n').length, 2, `one line on stderr: ${JSON.stringify(stderr)}`);
	assert.doesNotMatch(stderr, /\bat |node:|\.js:\d/, 'no stack trace, no source line');
};

describe('stdin', () => {
	test('more than 64 MB on stdin: one line, status 1', () => {
		const result = shell(`head -c ${65 * mb} /dev/zero | tr '\\0' a | "$FOLIO" -`);
		assert.equal(result.status, 1);
		assert.equal(result.stdout, '');
		assert.equal(result.stderr, 'folio: stdin holds more than 64 MB, the most folio reads from it; save it to a file and open that\n');
	});

	test('a post on stdin under the limit is printed, its text kept', () => {
		const body = `Start of the body. ${'word '.repeat(200_000)}End of the body.`;
		const result = spawnSync(folioCommand, ['-', '--width', '60'], {cwd: root, input: post('From stdin', body), encoding: 'utf8', timeout: 60_000, env: env(), maxBuffer: 64 * mb});
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stdout, /^From stdin\n/);
		assert.match(result.stdout, /Start of the body\./);
		assert.match(result.stdout, /End of the body\.\n/);
	});
});

describe('stdout that cannot be written', () => {
	const folder = makeArchive({'post.md': post('A post', 'Some text.')});
	const file = path.join(folder, 'post.md');
	const runs: Array<[string, string[]]> = [
		['an article', [file]],
		['the list', [folder, '--list', '--no-cache']],
		['the JSON list', [folder, '--json', '--no-cache']],
		['--help', ['--help']],
		['--version', ['--version']],
	];

	test('on a full disk (> /dev/full): one line on stderr, status 1', {skip: fs.existsSync('/dev/full') ? false : 'no /dev/full here'}, () => {
		for (const [what, args] of runs) {
			const result = shell('"$FOLIO" "$@" > /dev/full', args);
			assert.equal(result.status, 1, `${what}: ${result.stderr}`);
			assert.equal(result.stderr, 'folio: cannot write the output: no space left on the device\n', what);
			oneLineNoStack(result.stderr);
		}
	});

	test('closed (>&-): one line on stderr, status 1', () => {
		for (const [what, args] of runs) {
			const result = shell('"$FOLIO" "$@" >&-', args);
			assert.equal(result.status, 1, `${what}: ${result.stderr}`);
			assert.equal(result.stderr, 'folio: cannot write the output: stdout is closed\n', what);
		}
	});

	test('a pipe closed by its reader (| head -1) ends folio quietly with status 0', () => {
		const long = makeArchive({'long.md': post('Long', Array.from({length: 20_000}, (_, index) => `Paragraph ${index} with some words in it.`).join('\n\n'))});
		const result = shell('"$FOLIO" "$1" --print | head -1', [path.join(long, 'long.md')]);
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.stdout, 'Long\n');
		assert.equal(result.stderr, '');
	});
});
