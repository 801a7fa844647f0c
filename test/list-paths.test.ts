/**
 * The path column of `--list` names the file exactly, so `cut -f4 | xargs` finds every file;
 * a path with a tab, newline, backslash or control character is written with C escapes, which
 * bash's `printf %b` reverses. `--json` gives the path exactly too.
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
import {escapePath} from '../source/output.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const post = (title: string) => `---\ntitle: ${title}\n---\nBody.\n`;

function shell(script: string, folder: string) {
	const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`, 'bash', folder], {
		cwd: root,
		encoding: 'utf8',
		timeout: 30_000,
		env: {...process.env, PATH: pathWithThisNode, ...isolatedRun(), FOLIO: folioCommand},
	});
	assert.equal(result.error, undefined, 'the command ended by itself');
	return result;
}

// Names people's archives hold: runs of spaces, quotes, a leading space, wide text; none needs escaping.
const plainNames = ['two  spaces.md', ' leading space.md', 'quote"s \'and\' more.md', '長い名前 報道.md', 'emoji 😀.md', 'trailing space .md'];
// Names that cannot be shown as they are in one tab-separated line, or that would reach a terminal as controls.
const oddNames = ['tab\there.md', 'new\nline.md', 'back\\slash.md', 'esc\u001B[31mred.md', 'carriage\rreturn.md', 'c1 \u0085 next line.md', 'zero\u200Bwidth.md', 'bidi \u202Eevil.md', 'tag \u{E0041}.md', 'del\u007F.md'];

describe('paths in --list and --json', () => {
	test('paths that need no escape are printed as they are: cut -f4 | xargs -d "\\n" finds every file', () => {
		const folder = makeArchive(Object.fromEntries(plainNames.map((name, index) => [name, post(`Post ${index}`)])));
		const result = shell('"$FOLIO" "$1" --list --no-cache | cut -f4 | xargs -d "\\n" ls -d --', folder);
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(result.stdout.split('\n').filter(Boolean).sort(), plainNames.map(name => path.join(folder, name)).sort());
	});

	test('paths with tabs, newlines, backslashes and controls are escaped, one line each, and printf %b gives the file back', () => {
		const folder = makeArchive(Object.fromEntries([...oddNames, 'plain.md'].map((name, index) => [name, post(`Post ${index}`)])));
		const list = shell('"$FOLIO" "$1" --list --no-cache', folder);
		assert.equal(list.status, 0, list.stderr);
		const rows = list.stdout.split('\n').filter(Boolean);
		assert.equal(rows.length, oddNames.length + 1, 'one line per post');
		for (const row of rows) {
			assert.equal(row.split('\t').length, 4, `four fields: ${JSON.stringify(row)}`);
			// eslint-disable-next-line no-control-regex
			assert.doesNotMatch(row, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202E]/u, 'no control reaches the terminal');
		}

		// Each printed path, decoded by printf %b, names an existing file; all different.
		const check = shell(
			'"$FOLIO" "$1" --list --no-cache | cut -f4 | while IFS= read -r line; do name=$(printf "%b" "$line"; printf x); name=${name%x}; if [ -f "$name" ]; then printf "found\\n"; else printf "missing %s\\n" "$line"; fi; done',
			folder,
		);
		assert.equal(check.status, 0, check.stderr);
		assert.deepEqual(check.stdout.split('\n').filter(Boolean), Array.from({length: oddNames.length + 1}, () => 'found'));
		const printed = new Set(rows.map(row => row.split('\t')[3]));
		assert.equal(printed.size, rows.length, 'no two files print as the same name');
		assert.ok(printed.has(path.join(folder, 'plain.md')), 'a plain path stays plain');
		assert.ok(printed.has(path.join(folder, 'tab\\there.md')));
		assert.ok(printed.has(path.join(folder, 'back\\\\slash.md')));
	});

	test('--json gives every path exactly', () => {
		const names = [...plainNames, ...oddNames];
		const folder = makeArchive(Object.fromEntries(names.map((name, index) => [name, post(`Post ${index}`)])));
		const result = shell('"$FOLIO" "$1" --json --no-cache', folder);
		assert.equal(result.status, 0, result.stderr);
		const paths = result.stdout
			.split('\n')
			.filter(Boolean)
			.map(line => (JSON.parse(line) as {path: string}).path);
		assert.deepEqual(paths.sort(), names.map(name => path.join(folder, name)).sort());
		for (const file of paths) assert.ok(fs.existsSync(file), file);
	});

	test('the escapes are C escapes, and only what needs one is escaped', () => {
		assert.equal(escapePath('a/b c "d".md'), 'a/b c "d".md');
		assert.equal(escapePath('a\\b\tc\nd\re'), 'a\\\\b\\tc\\nd\\re');
		assert.equal(escapePath('x\u001By\u007Fz'), 'x\\x1by\\x7fz');
		assert.equal(escapePath('x\u0085y\u200Bz\u{E0041}'), 'x\\u0085y\\u200bz\\U000e0041');
	});
});
