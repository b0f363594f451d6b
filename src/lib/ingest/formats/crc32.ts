const TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
	let value = index;
	for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
	return value;
});

/** CRC-32 (IEEE 802.3, as zip stores it) of `bytes`, unsigned; `previous` is the CRC-32 of the bytes before them. */
export function crc32(bytes: Uint8Array, previous = 0): number {
	let crc = (previous ^ 0xffffffff) >>> 0;
	for (let index = 0; index < bytes.length; index++) crc = TABLE[(crc ^ bytes[index]) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}
