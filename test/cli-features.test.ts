/** --search, --since and --until as a pipe sees them: the built `folio` run as a child process. */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, test} from 'node:test';
import {folioCommand, pathWithThisNode} from './helpers/folio-command.js';
import {makeArchive} from './helpers/temp-archive.js';

/** Runs `folio` (bin/folio, as installed) with stdout and stderr as pipes. */
function folio(args: readonly string[]): {stdout: string; stderr: string; status: number | null} {
	const result = spawnSync(folioCommand, args, {encoding: 'utf8', env: {...process.env, PATH: pathWithThisNode, FORCE_COLOR: '0'}, timeout: 30_000});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

const archive = makeArchive({
	'2024-11-04-old.md': '---\ntitle: Harbour report\ndate: 2024-11-04 09:00\ncategories: [rthk]\n---\nFerries ran late after the Typhoon warning.\n',
	'2024-11-05-a.html':
		'---\ntitle: Budget day\ndate: 2024-11-05 23:30\ncategories: [dw]\ntags: [economy]\n---\n<p>The minister spoke.</p>\n<p>A typhoon is <b>not</b> expected this week.</p>\n',
	'2024-11-05-b.md': '---\ntitle: 颱風消息\ndate: 2024-11-05 00:10\ncategories: [rthk]\n---\n天文台發出八號風球。\n',
	'2024-11-06-c.md': '---\ntitle: Markets\ndate: 2024-11-06 08:00\nauthor: Typhoon Analytics\n---\nShares rose.\n',
	'undated.md': '---\ntitle: No date here\n---\nA typhoon story without a date.\n',
});

const titles = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.filter(Boolean)
		.map(line => line.split('\t')[2]);

describe('--search', () => {
	test('--list keeps posts whose text or metadata match, any case, with the matching line as a fifth column', () => {
		const result = folio([archive, '--list', '--search', 'TYPHOON']);
		assert.equal(result.status, 0, result.stderr);
		const lines = result.stdout.trim().split('\n');
		assert.deepEqual(titles(result.stdout), ['Markets', 'Budget day', 'Harbour report', 'No date here']);
		assert.deepEqual(
			lines.map(line => line.split('\t')[4]),
			['Typhoon Analytics', 'A typhoon is not expected this week.', 'Ferries ran late after the Typhoon warning.', 'A typhoon story without a date.'],
		);
	});

	test('Chinese is matched as typed; --json adds a "match" field', () => {
		const result = folio([archive, '--json', '--search', '八號風球']);
		assert.equal(result.status, 0, result.stderr);
		const rows = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {title: string; match: string});
		assert.deepEqual(
			rows.map(row => [row.title, row.match]),
			[['颱風消息', '天文台發出八號風球。']],
		);
	});

	test('no match prints nothing and still succeeds; an empty search is a usage error', () => {
		assert.deepEqual(folio([archive, '--list', '--search', 'volcano']), {stdout: '', stderr: '', status: 0});
		const empty = folio([archive, '--list', '--search', ' ']);
		assert.equal(empty.status, 2);
		assert.match(empty.stderr, /^folio: --search wants some text/);
	});
});

describe('--since and --until', () => {
	test('keep whole days, inclusive, and leave undated posts out', () => {
		assert.deepEqual(titles(folio([archive, '--list', '--since', '2024-11-05', '--until', '2024-11-05']).stdout), ['Budget day', '颱風消息']);
		assert.deepEqual(titles(folio([archive, '--list', '--since', '2024-11-05']).stdout), ['Markets', 'Budget day', '颱風消息']);
		assert.deepEqual(titles(folio([archive, '--list', '--until', '2024-11-04']).stdout), ['Harbour report']);
	});

	test('combine with --search and --category', () => {
		assert.deepEqual(titles(folio([archive, '--list', '--since', '2024-11-05', '--search', 'typhoon']).stdout), ['Markets', 'Budget day']);
		assert.deepEqual(titles(folio([archive, '--list', '--until', '2024-11-05', '--category', 'rthk']).stdout), ['颱風消息', 'Harbour report']);
	});

	test('a day that is not a day, or --since after --until, is a usage error (exit 2)', () => {
		for (const args of [['--since', 'yesterday'], ['--until', '2024-02-30'], ['--since', '2024-11-06', '--until', '2024-11-05']]) {
			const result = folio([archive, '--list', ...args]);
			assert.equal(result.status, 2, args.join(' '));
			assert.equal(result.stdout, '');
			assert.match(result.stderr, /^folio: --(since|until) /);
		}
	});

	test('the help lists the new options', () => {
		const help = folio(['--help']).stdout;
		for (const flag of ['--search, -s TEXT', '--since DATE', '--until DATE', 'FOLIO_STATE_DIR', 'FOLIO_NO_HYPERLINKS']) assert.ok(help.includes(flag), flag);
	});
});

describe('notes on posts read anyway', () => {
	const notes = makeArchive({
		'one.md': '---\ndate: 2024-01-01\n---\nNo title here.\n',
		'two.md': '---\ndate: 2024-01-02\n---\nNor here.\n',
		'three.md': '---\ntitle: "Broken\ndate: 2024-01-03\n---\nLenient.\n',
		'ok.md': '---\ntitle: Fine\ndate: 2024-01-04\n---\nFine.\n',
	});

	test('--list prints one summary line for them all by default', () => {
		const result = folio([notes, '--list', '--no-cache']);
		assert.equal(result.status, 0);
		assert.equal(titles(result.stdout).length, 4);
		const lines = result.stderr.split('\n').filter(Boolean);
		assert.equal(lines.length, 1, result.stderr);
		assert.match(lines[0]!, /^folio: 3 posts were read with notes \(2 × no title[^)]*\); --verbose lists them$/);
	});

	test('--verbose prints each note on its own line', () => {
		const result = folio([notes, '--list', '--no-cache', '--verbose']);
		assert.equal(result.status, 0);
		const lines = result.stderr.split('\n').filter(Boolean);
		assert.ok(lines.length >= 3, result.stderr);
		assert.ok(lines.some(line => line.endsWith('one.md: no title; using the file name')), result.stderr);
		assert.ok(lines.some(line => line.endsWith('two.md: no title; using the file name')), result.stderr);
		assert.ok(!lines.some(line => /--verbose/.test(line)));
	});

	test('--help says what a post read from stdin does in a terminal, and names --verbose', () => {
		const result = folio(['--help']);
		assert.match(result.stdout, /A post read from stdin\s+\(-\) is always printed, even in a terminal/);
		assert.match(result.stdout, /--verbose/);
	});
});
