/** The character tables of opencc-js (each module's default export is `from to|from to|...`). */
declare module 'opencc-js/dict/*' {
	const table: string;
	export default table;
}
