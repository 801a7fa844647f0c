/**
 * folio's options as data, and a fast reading of a command line that only uses them plainly
 * (`--print`, `-w 60`, `--width=60`, `--no-cache`, paths). Such a line means the same to meow;
 * anything else (help, version, a mistake, `--`, an option given twice) is left to meow
 * (arguments.ts), which then loads: most starts never pay for it.
 */
import {parseArgs} from 'node:util';

/** The options, as meow reads them (`--no-cache` is the negation of `cache`). */
export const options = {
	print: {type: 'boolean', shortFlag: 'p'},
	list: {type: 'boolean', shortFlag: 'l'},
	json: {type: 'boolean'},
	width: {type: 'string', shortFlag: 'w'},
	category: {type: 'string', shortFlag: 'c'},
	search: {type: 'string', shortFlag: 's'},
	since: {type: 'string'},
	until: {type: 'string'},
	cache: {type: 'boolean', default: true},
	rescan: {type: 'boolean'},
	starred: {type: 'boolean'},
	followLinks: {type: 'boolean'},
	verbose: {type: 'boolean'},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean'},
} as const;

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
	/** --starred: only posts starred in the state database. */
	readonly starred: boolean;
	/** --rescan: every file is stat'ed, not only those in changed folders. */
	readonly rescan: boolean;
	/** --follow-links: links to folders outside the archive are followed too. */
	readonly followLinks: boolean;
	/** --verbose: every note on a post read anyway, one line each. */
	readonly verbose: boolean;
	readonly help: boolean;
	readonly version: boolean;
};

/** An option's name on the command line: `followLinks` is `--follow-links`. */
export const kebabCase = (name: string): string => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

const names = Object.keys(options) as Array<keyof typeof options>;
const parseOptions = Object.fromEntries(
	names.map(name => {
		const option: {readonly type: 'boolean' | 'string'; readonly shortFlag?: string} = options[name];
		return [kebabCase(name), option.shortFlag === undefined ? {type: option.type} : {type: option.type, short: option.shortFlag}];
	}),
);

/**
 * The flags and paths of a command line written plainly, or undefined for any other (including
 * --help and --version), which meow must read. Never an error: a mistake is meow's to report.
 */
export function readPlainArguments(argv: readonly string[]): {readonly flags: Flags; readonly input: readonly string[]} | undefined {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options: parseOptions, strict: true, allowPositionals: true, allowNegative: true, tokens: true});
	} catch {
		return undefined;
	}

	const seen = new Set<string>();
	for (const token of parsed.tokens) {
		if (token.kind === 'option-terminator') return undefined;
		if (token.kind === 'positional') {
			// meow would read an option-like path differently.
			if (token.value.startsWith('-') && token.value !== '-') return undefined;
			continue;
		}
		const option = options[camelCase(token.name) as keyof typeof options];
		const negated = token.rawName.startsWith('--no-');
		// Only --no-cache is a negation meow knows; only once each; a value is never empty or option-like.
		if (option === undefined || (negated && token.name !== 'cache') || seen.has(token.name)) return undefined;
		if (option.type === 'boolean' && token.value !== undefined) return undefined;
		if (option.type === 'string' && (token.value === undefined || token.value === '' || token.value.startsWith('-'))) return undefined;
		seen.add(token.name);
	}

	const values = parsed.values as Record<string, string | boolean | undefined>;
	const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
	if (values['help'] === true || values['version'] === true) return undefined;
	return {
		input: parsed.positionals,
		flags: {
			print: values['print'] === true,
			list: values['list'] === true,
			json: values['json'] === true,
			width: text('width'),
			category: text('category'),
			search: text('search'),
			since: text('since'),
			until: text('until'),
			cache: values['cache'] !== false,
			rescan: values['rescan'] === true,
			starred: values['starred'] === true,
			followLinks: values['follow-links'] === true,
			verbose: values['verbose'] === true,
			help: false,
			version: false,
		},
	};
}

function camelCase(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
