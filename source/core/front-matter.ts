import matter from 'gray-matter';
import yaml from 'js-yaml';
import {parse as parseToml} from 'smol-toml';
import {readMetadataHeader} from './metadata-header.js';
import {sanitizeLine} from './sanitize.js';

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
 * Splits YAML (`---`) or TOML (`+++`, `---toml`) front matter from the body and parses it with
 * gray-matter, given its engines explicitly so that no code runs: YAML through js-yaml's core
 * schema (no `!!js/*` tags), TOML through smol-toml, and `js`, `javascript`, `coffee` refused with
 * a one-line warning. A YAML document that does not parse is read leniently line by line
 * (`key: value`). A post without a fence may open with a Pelican / MultiMarkdown header
 * (`Title: …` lines ended by a blank line), read as its fields.
 */
export function splitFrontMatter(input: string): SplitPost {
	const text = input.replace(/^\uFEFF/, '');
	const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
	const opening = fence.exec(lines[0] ?? '');
	if (!opening) return readMetadataHeader(lines) ?? {data: {}, body: text, warnings: [], hasFrontMatter: false, unclosed: false};

	const marker = opening[1]!;
	let close = -1;
	for (let index = 1; index < lines.length; index++) {
		const line = lines[index]!.trimEnd();
		if (line === marker || (marker === '---' && line === '...')) {
			close = index;
			break;
		}
	}

	const warnings: string[] = [];
	const engines = safeEngines(warnings);
	const defaultLanguage = marker === '+++' ? 'toml' : 'yaml';
	if (close === -1) {
		warnings.push(`front matter opened with ${marker} is never closed`);
		const language = opening[2]!.toLowerCase() || defaultLanguage;
		return {data: parseWith(engines, language, lines.slice(1).join('\n'), warnings), body: '', warnings, hasFrontMatter: true, unclosed: true};
	}

	const body = lines.slice(close + 1).join('\n');
	// gray-matter splits at the first line starting with the fence; folio's own reading of the fence
	// lines (whole lines only, `...` closing YAML) decides where that would cut a line in two.
	const fenced = lines.slice(0, close).join('\n');
	const file = grayMatter(`${fenced}\n${marker}\n${body}`, {delimiters: marker, language: defaultLanguage, engines}, warnings);
	if (file.content !== body) {
		return {data: parseWith(engines, opening[2]!.toLowerCase() || defaultLanguage, lines.slice(1, close).join('\n'), warnings), body, warnings, hasFrontMatter: true, unclosed: false};
	}
	return {data: isRecord(file.data) ? file.data : {}, body, warnings, hasFrontMatter: true, unclosed: false};
}

type Engine = {readonly parse: (raw: string) => Record<string, unknown>};

/** gray-matter with its errors (a language it has no engine for, JSON that does not parse) turned into a warning. */
function grayMatter(text: string, options: {delimiters: string; language: string; engines: Record<string, Engine>}, warnings: string[]): {data: unknown; content: string} {
	try {
		return matter(text, options as never);
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		const engine = /engine "([^"]*)" is not registered/.exec(message);
		warnings.push(
			engine
				? `front matter in ${sanitizeLine(engine[1]!).slice(0, 20)} is not read (only YAML and TOML)`
				: `front matter could not be read (${sanitizeLine(message.split('\n')[0] ?? '').slice(0, 80)})`,
		);
		return {data: {}, content: text.slice(text.indexOf(`\n${options.delimiters}\n`) + options.delimiters.length + 2)};
	}
}

function parseWith(engines: Record<string, Engine>, language: string, raw: string, warnings: string[]): Record<string, unknown> {
	const engine = engines[language];
	if (engine) return engine.parse(raw);
	warnings.push(`front matter in ${language.slice(0, 20)} is not read (only YAML and TOML)`);
	return {};
}

/** The engines gray-matter is given: YAML and TOML read as data, code languages refused. */
function safeEngines(warnings: string[]): Record<string, Engine> {
	const refuse = (name: string): Engine => ({
		parse() {
			warnings.push(`front matter in ${name} is not read: code in a post never runs`);
			return {};
		},
	});
	return {
		yaml: {parse: raw => readYaml(raw, warnings)},
		yml: {parse: raw => readYaml(raw, warnings)},
		toml: {parse: raw => readToml(raw, warnings)},
		js: refuse('javascript'),
		javascript: refuse('javascript'),
		coffee: refuse('coffee'),
		coffeescript: refuse('coffee'),
		cson: refuse('coffee'),
	};
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
