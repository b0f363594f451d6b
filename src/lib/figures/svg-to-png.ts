import { m } from '../i18n/messages';

/**
 * A PNG of a standalone SVG document at 1, 2 or 4 device pixels per SVG pixel. Browser only (Image and
 * canvas); the SVG's own width and height attributes give the size, and the SVG is drawn from a blob URL,
 * so nothing leaves the page.
 */
export async function svgToPng(svg: string, scale: 1 | 2 | 4 = 2): Promise<Blob> {
	const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
	const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
	const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
	if (!(width > 0 && height > 0)) throw new Error(m.png_needs_size());
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error(m.png_no_canvas());
		context.fillStyle = 'white';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(m.png_not_encoded()))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
