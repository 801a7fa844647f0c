// tiny-inflate's one function on Node's own zlib: the same raw DEFLATE bytes, decoded natively.
// The line-break tables are inflated at every start; in JavaScript that took several milliseconds.
const {inflateRawSync} = require('node:zlib');

module.exports = function inflate(source, destination) {
	const output = inflateRawSync(source);
	if (destination === undefined) return output;
	destination.set(output.subarray(0, destination.length));
	return destination;
};
