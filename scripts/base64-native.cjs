// base64-js's functions on Node's own Buffer: the same bytes, decoded natively. The line-break
// tables are decoded from base64 at every start; the JavaScript loop took several milliseconds.
exports.toByteArray = text => {
	const bytes = Buffer.from(text, 'base64');
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
};

exports.fromByteArray = bytes => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');

exports.byteLength = text => Buffer.byteLength(text, 'base64');
