import yaml from 'js-yaml';
import {parse as parseToml} from 'smol-toml';

/** A post's text split at its front matter. */
export type SplitPost = {
	/** Parsed front matter (a plain object), empty when there is none or it could not be read. */
	readonly data: Record<string, unknown>;
	/** Everything after the front matter. */
	readonly body: string;
	/** Problems met, one line each. */
	readonly warnings: readonly string[];
	/** True when the text starts with a front-matter fence. */
	readonly hasFrontMatter: boolean;
	/** True when the front matter was opened but its closing fence was not found in the text given. */
	readonly unclosed: boolean;
};

const fence = /^(---|\+\+\+)([A-Za-z]*)[ \t]*\r?$/;

/** True when the text opens with a YAML `---` or TOML `+++` fence (after an optional BOM). */
export function startsWithFrontMatter(text: string): boolean {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
	return fence.test(firstLine);
}

/**
 * Splits YAML (`---`) or TOML (`+++`) front matter from the body and parses it without running code:
 * `---js` front matter is refused, YAML uses the core schema (no `!!js/*` tags), and a YAML
 * document that does not parse is read leniently line by line (`key: value`).
 */
export function splitFrontMatter(input: string): SplitPost {
	const text = input.replace(/^\uFEFF/, '');
	const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
	const opening = fence.exec(lines[0] ?? '');
	if (!opening) return {data: {}, body: text, warnings: [], hasFrontMatter: false, unclosed: false};

	const marker = opening[1]!;
	const language = opening[2]!.toLowerCase() || (marker === '+++' ? 'toml' : 'yaml');
	let close = -1;
	for (let index = 1; index < lines.length; index++) {
		const line = lines[index]!.trimEnd();
		if (line === marker || (marker === '---' && line === '...')) {
			close = index;
			break;
		}
	}

	const unclosed = close === -1;
	const rawEnd = unclosed ? lines.length : close;
	const raw = lines.slice(1, rawEnd).join('\n');
	const body = unclosed ? '' : lines.slice(close + 1).join('\n');
	const warnings: string[] = [];
	if (unclosed) warnings.push(`front matter opened with ${marker} is never closed`);

	let data: Record<string, unknown> = {};
	if (language === 'yaml' || language === 'yml') data = readYaml(raw, warnings);
	else if (language === 'toml') data = readToml(raw, warnings);
	else warnings.push(`front matter in ${language} is not read (only YAML and TOML)`);

	return {data, body, warnings, hasFrontMatter: true, unclosed};
}

function readYaml(raw: string, warnings: string[]): Record<string, unknown> {
	try {
		const value = yaml.load(raw, {schema: yaml.CORE_SCHEMA, json: true});
		if (isRecord(value)) return value;
		if (value === undefined || value === null) return {};
		warnings.push('front matter is not a set of fields');
		return {};
	} catch (error) {
		const reason = error instanceof yaml.YAMLException ? (error.reason ?? 'syntax error') : 'syntax error';
		const line = error instanceof yaml.YAMLException && error.mark ? ` at line ${error.mark.line + 2}` : '';
		warnings.push(`front matter is not valid YAML (${reason}${line}); read leniently`);
		return readLeniently(raw);
	}
}

function readToml(raw: string, warnings: string[]): Record<string, unknown> {
	try {
		return parseToml(raw) as Record<string, unknown>;
	} catch (error) {
		const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
		warnings.push(`front matter is not valid TOML (${first.slice(0, 80)}); read leniently`);
		return readLeniently(raw);
	}
}

/** `key: value` / `key = value` per line; quotes around the value are dropped. */
function readLeniently(raw: string): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const line of raw.split('\n')) {
		const match = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(line);
		if (!match) continue;
		const key = match[1]!;
		let value = match[2]!.trim();
		if (value.length >= 2 && /^["'].*["']$/.test(value)) value = value.slice(1, -1);
		const list = /^\[(.*)\]$/.exec(value);
		if (!(key in data)) data[key] = list ? list[1]!.split(',').map(item => item.trim().replace(/^["']|["']$/g, '')).filter(Boolean) : value;
	}

	return data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
