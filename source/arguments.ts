/**
 * The command line, read by meow: the help text, and the options as folio uses them. Pure apart
 * from meow's own (it names the process after the command): returns what was asked for, with the
 * whole `--help` text, or a one-line usage error.
 */
import meow from 'meow';
import {kebabCase, options, type Flags} from './plain-arguments.js';
import {querySyntax} from './core/query-syntax.js';

/** Terminal cells of a short text: two for a Chinese, Japanese or Korean character, one for others. */
function cells(text: string): number {
	return [...text].reduce((sum, character) => sum + (character.codePointAt(0)! >= 0x2e_80 ? 2 : 1), 0);
}

/** The text of `folio --help`, below the package's one-line description. */
export const usage = `Usage
  $ folio [path] [options]

  path is a folder of posts (searched recursively), one post file,
  or - to read one post from stdin. Default: the current folder.
  In a terminal, folio opens the reader (a post file opens on its
  article; q quits); in a pipe, it prints. A post read from stdin
  (-) is always printed, even in a terminal: to page through it,
  pipe it on (folio - | less) or save it and open the file.

Options
  --print, -p          Print one article as plain text
  --list, -l           Print the list of posts, newest first, tab-separated:
                       date, categories, title, path; the path names
                       the file exactly, a backslash, tab, newline or
                       control character in it written as a C escape
                       (\\\\ \\t \\n \\xHH \\uHHHH; printf %b reverses it)
  --json               Print the list as one JSON object a line
  --width, -w N        Wrap articles at N columns, printed or in the reader
                       (default: the terminal's width up to 100, else 80)
  --category, -c NAME  Only posts in this category
  --search, -s TEXT    Only posts whose text, title, categories, tags or
                       author match TEXT (see Search below); --list adds
                       the matching line as a fifth column, --json a
                       "match" field; on screen, the list opens on the
                       results
  --since DATE         Only posts from this day on (YYYY-MM-DD)
  --until DATE         Only posts up to and including this day
  --starred            Only starred posts (s stars a post in the reader)
  --follow-links       Also search folders that links lead to outside the
                       given folder (/proc, /sys and /dev never)
  --rescan             Check every file's size and time, so posts edited in
                       place are read again (otherwise only folders that
                       changed are read; the reader checks in the background)
  --no-cache           Read every post file again instead of using the index
                       (kept in the user's cache folder, e.g.
                       ~/.cache/folio/index; $FOLIO_CACHE_DIR overrides it)
  --verbose            With --list or --json, a line on stderr for each note
                       on a post read anyway (no title, front matter read
                       leniently, …) instead of one line for them all
  --help               Show this help
  --version            Show the version

Search (--search; / and F in the reader)
${querySyntax.map(row => `  ${row.form}${' '.repeat(Math.max(1, 13 - cells(row.form)))}${row.meaning}`).join('\n')}
  / looks in titles, categories, tags and authors; F and --search also in
  the text a reader sees (not in markup, comments or scripts).

Environment
  BROWSER              The program that opens links (o, L in the reader)
  FOLIO_STATE_DIR      Where read marks, stars and reading positions are
                       kept (default: $XDG_STATE_HOME/folio,
                       ~/.local/state/folio)
  FOLIO_CACHE_DIR      Where the index of each archive is kept (default:
                       $XDG_CACHE_HOME/folio/index, ~/.cache/folio/index)
  FOLIO_NO_HYPERLINKS  Set it to turn off clickable (OSC 8) links

Examples
  $ folio ~/news/_posts
  $ folio _posts/2021-11-25-defence.md --print --width 60 | less
  $ folio _posts --list --category dw | head
  $ folio _posts --json | jq -r .link
  $ folio _posts --list --search typhoon | cut -f4 | xargs -d '\\n' ls -l
  $ folio _posts --since 2024-11-01 --until 2024-11-07 --search typhoon --list
  $ cat post.md | folio -`;

export type {Flags} from './plain-arguments.js';

/** What package.json says about folio (for --help and --version). */
export type PackageInfo = {readonly name?: string; readonly version: string; readonly description: string; readonly bin?: unknown};

/** Parsed arguments with the `--help` text, or the usage error to report. */
export type Arguments = {readonly flags: Flags; readonly input: readonly string[]; readonly help: string} | {readonly error: string};

/** Every name an option answers to, as meow reports it back (long names, short flags). */
const knownNames = new Set<string>(
	Object.entries(options).flatMap(([name, option]) => {
		const kebab = kebabCase(name);
		return 'shortFlag' in option ? [name, kebab, option.shortFlag] : [name, kebab];
	}),
);

/**
 * Reads folio's arguments (without `node` and the script). `-` stays a path (stdin); `--` ends the
 * options, so a file whose name starts with `-` can still be given.
 */
export function parseArguments(argv: readonly string[], pkg: PackageInfo): Arguments {
	let cli;
	try {
		cli = meow(usage, {
			importMeta: import.meta,
			argv: [...argv],
			pkg: {...pkg},
			flags: options,
			// Unknown flags are reported here, in one line (meow would use two); --help and
			// --version are answered by folio wherever they are on the command line.
			allowUnknownFlags: true,
			autoHelp: false,
			autoVersion: false,
		});
	} catch (error) {
		// Such as "The flag --width can only be set once."
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^The flag /, '').replace(/\.$/, '');
		return {error: `${message} (see folio --help)`};
	}

	const {flags, unnormalizedFlags, input, help} = cli;
	const unknown = Object.keys(unnormalizedFlags).find(name => !knownNames.has(name));
	// meow reads `--print=yes` as false; folio refuses it.
	const valued = argv
		.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length)
		.map(argument => /^--((?:no-)?([\w-]+))=/.exec(argument))
		.find(match => match !== null && options[match[2] as keyof typeof options]?.type === 'boolean')?.[1];
	if (valued !== undefined) return {error: `--${valued} takes no value (see folio --help)`};
	if (unknown !== undefined) return {error: `unknown option ${flagName(unknown)} (see folio --help)`};
	for (const [name, option] of Object.entries(options)) {
		const value = flags[name as keyof typeof flags];
		if (option.type === 'string' && value === '') return {error: `--${name} wants a value (see folio --help)`};
		if (option.type === 'boolean' && typeof value !== 'boolean') return {error: `--${name} takes no value (see folio --help)`};
	}

	return {
		input: input.map(String),
		help,
		flags: {
			print: flags.print === true,
			list: flags.list === true,
			json: flags.json === true,
			width: flags.width,
			category: flags.category,
			search: flags.search,
			since: flags.since,
			until: flags.until,
			cache: flags.cache !== false,
			rescan: flags.rescan === true,
			starred: flags.starred === true,
			followLinks: flags.followLinks === true,
			verbose: flags.verbose === true,
			help: flags.help === true,
			version: flags.version === true,
		},
	};
}

/** How a flag meow reports back by its name was written: `-x`, or `--name-in-kebab-case`. */
function flagName(name: string): string {
	return name.length === 1 ? `-${name}` : `--${kebabCase(name)}`;
}
