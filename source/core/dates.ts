/** A point in time read from a post, and whether it has a time of day. */
export type PostDate = {readonly ms: number; readonly hasTime: boolean};

const isoLike =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;
const chineseDate = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?\s*秒?$/;
const fileNameDate = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?:[^\d]|$)/;

/**
 * Reads a front-matter date: ISO 8601 and its Jekyll/Hugo variants (`2024-11-01 20:47:04.000000000 +08:00`,
 * `2017-06-15 17:32:32 -0400`, date only), a Date object, epoch seconds/milliseconds, or anything
 * `Date.parse` understands (RFC 2822). Dates without a zone are local time. Undefined when unreadable.
 */
export function parseDate(value: unknown): PostDate | undefined {
	if (value instanceof Date) {
		const ms = value.getTime();
		if (Number.isNaN(ms)) return undefined;
		const isDate = (value as unknown as {isDate?: () => boolean}).isDate;
		const dateOnly = typeof isDate === 'function' && isDate.call(value);
		if (dateOnly) return {ms: new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()).getTime(), hasTime: false};
		return {ms, hasTime: true};
	}

	if (typeof value === 'number' && Number.isFinite(value)) {
		// Epoch seconds or milliseconds.
		const ms = value < 1e11 ? value * 1000 : value;
		return validMs(ms) ? {ms, hasTime: true} : undefined;
	}

	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	const match = isoLike.exec(text);
	if (match) return fromParts(match);
	if (/^\d{9,13}$/.test(text)) return parseDate(Number(text));
	const chinese = chineseDate.exec(text);
	if (chinese) {
		const [, year, month, day, hour, minute, second] = chinese;
		const time = hour === undefined ? '' : ` ${hour.padStart(2, '0')}:${minute}${second === undefined ? '' : `:${second}`}`;
		return parseDate(`${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}${time}`);
	}

	const ms = Date.parse(text);
	if (!Number.isNaN(ms) && /\d{4}/.test(text)) return {ms, hasTime: /\d:\d\d/.test(text)};
	return undefined;
}

/**
 * The day in a path such as Zola's `path = "2024/10/02/slug"` (year, month, day as folders), as a
 * local calendar day; undefined when there is none.
 */
export function dateFromPath(value: string | undefined): PostDate | undefined {
	if (value === undefined) return undefined;
	const match = /(?:^|\/)(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(value);
	if (!match) return undefined;
	return dateFromFileName(`${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`);
}

/** Labels of a date line at the top of a body (`日期：…`, `Date: …`, `发布时间：…`). */
const dateLine =
	/^(?:日期|发布时间|發布時間|發佈時間|发布日期|發布日期|发表时间|發表時間|时间|時間|date|published|posted(?: on)?|pubdate)\s*[:：]\s*(.+)$/i;
const bodyLinesSearched = 12;

/**
 * The date of a labelled date line among the first lines of a body (markup and emphasis around
 * it ignored), for posts that give their date nowhere else. Undefined when none reads as a date.
 */
export function dateInBody(body: string): PostDate | undefined {
	let seen = 0;
	for (const raw of body.slice(0, 4096).split(/\r\n|\r|\n|<br\s*\/?>|<\/p>|<\/div>/i)) {
		const line = raw.replace(/<[^>]*>/g, '').replace(/[*_`]/g, '').replace(/&nbsp;|\u00A0|\u3000/g, ' ').trim();
		if (line === '') continue;
		if (++seen > bodyLinesSearched) break;
		const match = dateLine.exec(line);
		if (match) {
			const date = parseDate(match[1]!.trim());
			if (date) return date;
		}
	}

	return undefined;
}

/** The `YYYY-MM-DD` found in a file name, as a local calendar day. */
export function dateFromFileName(name: string): PostDate | undefined {
	const match = fileNameDate.exec(name);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const ms = localTime(year, month, day, 0, 0, 0, 0);
	return validMs(ms) ? {ms, hasTime: false} : undefined;
}

function fromParts(match: RegExpExecArray): PostDate | undefined {
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const hasTime = match[4] !== undefined;
	const hour = Number(match[4] ?? 0);
	const minute = Number(match[5] ?? 0);
	const second = Number(match[6] ?? 0);
	const milli = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
	if (hour > 24 || minute > 59 || second > 60) return undefined;
	const zone = match[8];
	let ms: number;
	if (zone === undefined) ms = localTime(year, month, day, hour, minute, second, milli);
	else {
		ms = utcTime(year, month, day, hour, minute, second, milli) - zoneOffsetMinutes(zone) * 60_000;
	}

	return validMs(ms) ? {ms, hasTime} : undefined;
}

function zoneOffsetMinutes(zone: string): number {
	if (/^(?:z|utc|gmt)$/i.test(zone)) return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, -2));
	const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
	return sign * (hours * 60 + minutes);
}

function localTime(year: number, month: number, day: number, hour: number, minute: number, second: number, milli: number): number {
	const date = new Date(2000, month - 1, day, hour, minute, second, milli);
	date.setFullYear(year);
	return date.getTime();
}

function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number, milli: number): number {
	const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, milli));
	date.setUTCFullYear(year);
	return date.getTime();
}

function validMs(ms: number): boolean {
	return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `YYYY-MM-DD` in local time (years padded to four digits). */
export function formatDay(ms: number): string {
	const date = new Date(ms);
	const year = date.getFullYear();
	const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
	return `${yearText}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `HH:MM` in local time. */
export function formatTime(ms: number): string {
	const date = new Date(ms);
	return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `Thu 2021-11-25 19:34` (time only when the post has one). */
export function formatLongDate(ms: number, hasTime: boolean): string {
	const day = `${weekdays[new Date(ms).getDay()]} ${formatDay(ms)}`;
	return hasTime ? `${day} ${formatTime(ms)}` : day;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
