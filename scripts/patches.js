// The changes the build makes to libraries on their way into the bundle (see build.js).
/** Why a patch cannot be applied to the file it was given. */
export class PatchError extends Error {}

/**
 * The patches: `file` picks the library file, `apply` returns its new text or throws a
 * PatchError saying why it cannot, and `mark` is a property name the new text holds (minifying
 * keeps property names), by which test/build.test.ts finds each patch in dist/.
 */
export const patches = [
	{
		// ink measures and splits every line of every frame again (its caches live for one frame).
		// The results depend only on the line, so one bounded cache serves all frames: a key press
		// that changes two rows of the list no longer re-parses the other forty.
		name: 'ink-frame-cache',
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		mark: 'folioFrameCaches',
		apply(source) {
			const field = '    caches = new OutputCaches();';
			const classStart = 'export default class Output {';
			if (!source.includes(field) || !source.includes(classStart)) throw new PatchError("ink's output.js no longer creates its OutputCaches per frame");
			const shared = `const sharedCachesLimit = 5000;
function frameCaches() {
    const shared = (OutputCaches.folioFrameCaches ??= new OutputCaches());
    if (shared.styledChars.size > sharedCachesLimit || shared.widths.size > sharedCachesLimit * 4 || shared.blockWidths.size > sharedCachesLimit) {
        shared.styledChars.clear();
        shared.widths.clear();
        shared.blockWidths.clear();
    }
    return shared;
}
${classStart}`;
			return source.replace(classStart, shared).replace(field, '    caches = frameCaches();');
		},
	},
	{
		// yoga (ink's layout engine) carries its WebAssembly as a data: URL and reads it with fetch
		// when fetch exists; in Node the first use of fetch loads the whole HTTP client (undici,
		// ~25 ms before the first frame). Told that fetch is missing, it decodes the same bytes
		// directly, here with Node's Buffer (native) instead of atob and a loop over every byte.
		name: 'yoga-without-fetch',
		file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		mark: 'folioWasmBytes',
		apply(source) {
			const loop = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
			if (!source.includes('typeof fetch')) throw new PatchError('yoga-layout no longer asks whether fetch exists');
			if (!source.includes(loop)) throw new PatchError('yoga-layout no longer decodes its wasm with atob and a loop');
			return source
				.replaceAll('typeof fetch', '"undefined"')
				.replace(loop, 'var d=new Uint8Array({folioWasmBytes:Buffer.from(a.slice(37),"base64")}.folioWasmBytes)');
		},
	},
	{
		// entities turns its HTML decoding table from a string into numbers with split("") and
		// map(), one string a character: ~25 ms of every print that decodes HTML. A loop over
		// charCodeAt makes the same table in under a millisecond.
		name: 'entities-decode-table',
		file: /[\\/]entities[\\/]lib[\\/]esm[\\/]generated[\\/]decode-data-(?:html|xml)\.js$/,
		mark: 'folioCharCodes',
		apply(source) {
			const head = 'export default new Uint16Array(';
			const tail = /\s*\.split\(""\)\s*\.map\(\(c\) => c\.charCodeAt\(0\)\)\);\s*(\/\/# sourceMappingURL=.*)?\s*$/;
			if (!source.includes(head) || !tail.test(source)) throw new PatchError('entities no longer makes its decoding table with split("") and map()');
			const codes = '({folioCharCodes(text){const codes=new Uint16Array(text.length);for(let index=0;index<text.length;index++)codes[index]=text.charCodeAt(index);return codes}}).folioCharCodes(';
			return source.replace(head, `export default ${codes}`).replace(tail, ');\n');
		},
	},
];
