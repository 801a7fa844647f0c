/**
 * The command line: the help text and the parsing of options (Node's own `util.parseArgs`, which
 * costs nothing at start-up). Pure: returns what was asked for or a one-line usage error.
 */
import {parseArgs} from 'node:util';

/** The text of `folio --help`, below the package's one-line description. */
export const usage = `Usage
  $ folio [path] [options]

  path is a folder of posts (searched recursively), one post file,
  or - to read one post from stdin. Default: the current folder.
  In a terminal, folio opens the reader; in a pipe, it prints.

Options
  --print, -p          Print one article as plain text
  --list, -l           Print the list of posts, newest first, tab-separated:
                       date, categories, title, path; the path names
                       the file exactly, a backslash, tab, newline or
                       control character in it written as a C escape
                       (\\\\ \\t \\n \\xHH \\uHHHH; printf %b reverses it)
  --json               Print the list as one JSON object a line
  --width, -w N        Wrap printed articles at N columns
                       (default: the terminal's width, else 80)
  --category, -c NAME  Only posts in this category
  --search, -s TEXT    Only posts whose text, title, categories, tags or
                       author contain TEXT (any case for Latin letters);
                       --list adds the matching line as a fifth column,
                       --json a "match" field; on screen, the list opens
                       on the results
  --since DATE         Only posts from this day on (YYYY-MM-DD)
  --until DATE         Only posts up to and including this day
  --follow-links       Also search folders that links lead to outside the
                       given folder (/proc, /sys and /dev never)
  --no-cache           Read every post file again instead of using the index
                       cache (kept in the user's cache folder, e.g.
                       ~/.cache/folio; $FOLIO_CACHE_DIR overrides it)
  --help               Show this help
  --version            Show the version

Environment
  BROWSER              The program that opens links (o, L in the reader)
  FOLIO_STATE_DIR      Where read posts are remembered (default:
                       $XDG_STATE_HOME/folio, ~/.local/state/folio)
  FOLIO_NO_HYPERLINKS  Set it to turn off clickable (OSC 8) links

Examples
  $ folio ~/news/_posts
  $ folio _posts/2021-11-25-defence.md --print --width 60 | less
  $ folio _posts --list --category dw | head
  $ folio _posts --json | jq -r .link
  $ folio _posts --list --search typhoon | cut -f4 | xargs -d '\\n' ls -l
  $ folio _posts --since 2024-11-01 --until 2024-11-07 --search typhoon --list
  $ cat post.md | folio -`;

/** The whole `--help` output for a package description. */
export function helpText(description: string): string {
	const indent = (text: string) => text.replaceAll(/^(?=.)/gm, '  ');
	return `\n${indent(description)}\n\n${indent(usage)}\n`;
}

/** The options as folio uses them. */
export type Flags = {
	readonly print: boolean;
	readonly list: boolean;
	readonly json: boolean;
	readonly width: string | undefined;
	readonly category: string | undefined;
	readonly search: string | undefined;
	readonly since: string | undefined;
	readonly until: string | undefined;
	/** False with --no-cache. */
	readonly cache: boolean;
	/** --follow-links: links to folders outside the archive are followed too. */
	readonly followLinks: boolean;
	readonly help: boolean;
	readonly version: boolean;
};

/** Parsed arguments, or the usage error to report. */
export type Arguments = {readonly flags: Flags; readonly input: readonly string[]} | {readonly error: string};

const options = {
	print: {type: 'boolean', short: 'p'},
	list: {type: 'boolean', short: 'l'},
	json: {type: 'boolean'},
	width: {type: 'string', short: 'w'},
	category: {type: 'string', short: 'c'},
	search: {type: 'string', short: 's'},
	since: {type: 'string'},
	until: {type: 'string'},
	'no-cache': {type: 'boolean'},
	'follow-links': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean'},
} as const;

/**
 * Reads folio's arguments (without `node` and the script). `-` stays a path (stdin); `--` ends the
 * options, so a file whose name starts with `-` can still be given.
 */
export function parseArguments(argv: readonly string[]): Arguments {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
	} catch (error) {
		return {error: usageError(error)};
	}

	const {values, positionals} = parsed;
	return {
		input: positionals,
		flags: {
			print: values.print ?? false,
			list: values.list ?? false,
			json: values.json ?? false,
			width: values.width,
			category: values.category,
			search: values.search,
			since: values.since,
			until: values.until,
			cache: !(values['no-cache'] ?? false),
			followLinks: values['follow-links'] ?? false,
			help: values.help ?? false,
			version: values.version ?? false,
		},
	};
}

/** One line for what parseArgs refused. */
function usageError(error: unknown): string {
	const {code, message} = error as {code?: string; message?: string};
	const quoted = /'([^']*)'/.exec(message ?? '')?.[1];
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			return `unknown option${quoted === undefined ? '' : ` ${quoted}`} (see folio --help)`;
		}

		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			const option = /--[\w-]+/.exec(message ?? '')?.[0] ?? 'an option';
			if (message?.includes('ambiguous')) return `${option} wants a value; write ${option}=VALUE for one that starts with -`;
			return message?.includes('argument missing') ? `${option} wants a value (see folio --help)` : `${option} takes no value (see folio --help)`;
		}

		default: {
			return (message ?? 'bad arguments').split('\n')[0]!;
		}
	}
}
