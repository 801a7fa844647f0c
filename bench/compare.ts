/**
 * `npm run bench:compare -- REV`: measures folio as it is now and as it was at a git revision, in
 * the same run, and prints both side by side with their ratio.
 *
 *   node --import tsx bench/compare.ts REV [--rounds N] [--quick] [--only NAME[,NAME...]]
 *
 * REV       a commit, tag or branch (e.g. HEAD~3, main): the figures "before"
 * --rounds  how many times each group is measured for each side (default 2); the sides take turns,
 *           and the order flips every round, so a machine that slows down mid-run burdens both
 * --quick, --only   passed to bench/run.ts (see its header)
 *
 * The revision is unpacked (git archive) into bench/.baselines/<commit>/ and built there once, with
 * this checkout's node_modules when its package.json lists the same dependencies (otherwise with an
 * npm install of its own). Both sides are measured by this checkout's bench/run.ts, so they go
 * through the same scenarios; a scenario the old revision cannot play shows n/a on its side.
 *
 * Results: the table on stdout, JSON in bench/results/compare-<time>.json.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {median} from './measure.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const baselines = path.join(repoRoot, 'bench', '.baselines');

type Options = {readonly revision: string; readonly rounds: number; readonly benchArgs: readonly string[]; readonly groups: readonly string[]};

function fail(message: string): never {
	console.error(`bench:compare: ${message}`);
	process.exit(2);
}

function parseOptions(argv: readonly string[]): Options {
	let revision: string | undefined;
	let rounds = 2;
	const benchArgs: string[] = [];
	const groups: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--rounds') rounds = Number(argv[++index]);
		else if (arg === '--quick') benchArgs.push(arg);
		else if (arg === '--only') groups.push(...(argv[++index] ?? '').split(',').filter(Boolean));
		else if (arg === '--help' || arg === '-h') {
			console.log('Usage: npm run bench:compare -- REV [--rounds N] [--quick] [--only print,first-frame,keys,...]');
			process.exit(0);
		} else if (!arg.startsWith('-') && revision === undefined) revision = arg;
		else fail(`unknown argument ${arg} (try --help)`);
	}
	if (revision === undefined) fail('which revision to compare with? (e.g. npm run bench:compare -- HEAD~1)');
	if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds wants a whole number, 1 or more');
	return {revision, rounds, benchArgs, groups: groups.length > 0 ? groups : ['print', 'first-frame', 'keys', 'enter']};
}

/** Runs a command to its end; its output goes to stderr; fails with one line when it fails. */
function run(command: string, args: readonly string[], cwd: string, what: string, env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(command, args, {cwd, env, stdio: ['ignore', process.stderr, process.stderr]});
	if (result.status !== 0) fail(`${what} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}

function git(args: readonly string[]): string {
	const result = spawnSync('git', args, {cwd: repoRoot, encoding: 'utf8'});
	if (result.status !== 0) fail(`git ${args.join(' ')}: ${(result.stderr || '').trim().split('\n')[0]}`);
	return result.stdout.trim();
}

/** The dependencies a package.json asks for, as one comparable string. */
function dependenciesOf(packageFile: string): string {
	const data = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as {dependencies?: object; devDependencies?: object};
	return JSON.stringify([data.dependencies ?? {}, data.devDependencies ?? {}]);
}

/** The revision unpacked and built (once): the path of its bin/folio. */
function baselineCli(commit: string): string {
	const folder = path.join(baselines, commit);
	const cli = path.join(folder, 'bin', 'folio');
	if (fs.existsSync(path.join(folder, '.built'))) return cli;
	fs.rmSync(folder, {recursive: true, force: true});
	fs.mkdirSync(folder, {recursive: true});
	console.error(`bench:compare: unpacking ${commit.slice(0, 12)} into ${path.relative(repoRoot, folder)}`);
	const archive = spawnSync('git', ['archive', '--format=tar', commit], {cwd: repoRoot, maxBuffer: 1024 ** 3});
	if (archive.status !== 0) fail(`git archive ${commit} failed`);
	const unpack = spawnSync('tar', ['-x', '-C', folder], {input: archive.stdout});
	if (unpack.status !== 0) fail('tar could not unpack the revision');
	if (dependenciesOf(path.join(folder, 'package.json')) === dependenciesOf(path.join(repoRoot, 'package.json'))) {
		fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
	} else {
		console.error('bench:compare: the revision lists other dependencies: installing them (this takes a few minutes)');
		run('npm', ['install', '--no-audit', '--no-fund'], folder, 'npm install of the revision');
	}
	run('npm', ['run', 'build', '--silent'], folder, 'the build of the revision');
	fs.writeFileSync(path.join(folder, '.built'), `${new Date().toISOString()}\n`);
	return cli;
}

type Measurement = {id: string; label: string; unit: string; value: number | null; error?: string};

/** One run of bench/run.ts for one group against one build; its measurements. */
function measure(cli: string, group: string, benchArgs: readonly string[]): Measurement[] {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-compare-')), 'results.json');
	try {
		const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'run.ts'), '--only', group, ...benchArgs], {
			cwd: repoRoot,
			env: {...process.env, FOLIO_BENCH_CLI: cli, FOLIO_BENCH_RESULTS: file},
			stdio: ['ignore', 'ignore', process.stderr],
		});
		if (!fs.existsSync(file)) fail(`bench/run.ts --only ${group} wrote no results (exit ${result.status ?? result.signal})`);
		return (JSON.parse(fs.readFileSync(file, 'utf8')) as {results: Measurement[]}).results;
	} finally {
		fs.rmSync(path.dirname(file), {recursive: true, force: true});
	}
}

/** An error as a short line for the table (the JSON of bench/run.ts keeps it whole). */
function oneLine(error: string): string {
	const line = error.replace(/\s+/g, ' ').trim();
	return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

type Row = {id: string; label: string; unit: string; before: number[]; after: number[]; errors: Set<string>};

function formatValue(values: readonly number[], unit: string): string {
	if (values.length === 0) return 'n/a';
	const value = median(values);
	if (unit === 'x') return `${value.toFixed(2)}x`;
	return `${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`;
}

/** All values of one side, to show the spread: "12.1 13.4". */
function formatRounds(values: readonly number[]): string {
	return values.map(value => (value >= 100 ? value.toFixed(0) : value.toFixed(1))).join(' ');
}

function table(rows: readonly Row[]): string {
	const header = ['measurement', 'what', 'before', 'after', 'after/before', 'rounds before', 'rounds after', 'note'];
	const lines = rows.map(row => {
		const ratio = row.before.length > 0 && row.after.length > 0 && median(row.before) !== 0 ? `${(median(row.after) / median(row.before)).toFixed(2)}` : '';
		return [row.id, row.label, formatValue(row.before, row.unit), formatValue(row.after, row.unit), ratio, formatRounds(row.before), formatRounds(row.after), [...row.errors].join('; ')];
	});
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map(line => [...line[column]!].length)));
	const format = (line: string[]) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
	return [format(header), widths.map(width => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

function main(): void {
	const options = parseOptions(process.argv.slice(2));
	const commit = git(['rev-parse', '--verify', `${options.revision}^{commit}`]);
	const head = git(['rev-parse', 'HEAD']);
	const before = baselineCli(commit);
	const after = path.join(repoRoot, 'bin', 'folio');
	const rows = new Map<string, Row>();
	for (let round = 0; round < options.rounds; round++) {
		for (const group of options.groups) {
			// The order flips every round: neither side is always measured on a fresher machine.
			const sides = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
			for (const side of sides) {
				console.error(`bench:compare: round ${round + 1} of ${options.rounds}, ${group}, ${side}`);
				for (const measurement of measure(side === 'before' ? before : after, group, options.benchArgs)) {
					const row = rows.get(measurement.id) ?? {id: measurement.id, label: measurement.label, unit: measurement.unit, before: [], after: [], errors: new Set<string>()};
					if (typeof measurement.value === 'number') row[side].push(measurement.value);
					else if (measurement.error) row.errors.add(`${side}: ${oneLine(measurement.error)}`);
					rows.set(measurement.id, row);
				}
			}
		}
	}

	console.log(`\nfolio benchmark, before ${commit.slice(0, 12)} (${options.revision}) and after ${head.slice(0, 12)} (this checkout), ${options.rounds} rounds each\n`);
	console.log(table([...rows.values()]));
	const resultsFolder = path.join(repoRoot, 'bench', 'results');
	fs.mkdirSync(resultsFolder, {recursive: true});
	const file = path.join(resultsFolder, `compare-${new Date().toISOString().replace(/:/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify({before: {revision: options.revision, commit}, after: {commit: head}, rounds: options.rounds, rows: [...rows.values()].map(row => ({...row, errors: [...row.errors]}))}, null, '\t') + '\n');
	console.log(`\nresults: ${path.relative(repoRoot, file)}`);
}

main();
