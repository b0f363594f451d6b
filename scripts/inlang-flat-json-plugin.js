// Reads messages/{locale}.json from disk, so compiling the catalogues needs no plugin downloaded at build time,
// as inlang's own message-format plugin would be. A catalogue is a flat object: key → text with {placeholder}s,
// or key → { "one": text, "other": text }, chosen by the plural category of the input `count` in that locale.
const SETTINGS_KEY = 'plugin.resonance.flatJson';

function pattern(text) {
	return text
		.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
		.filter((part) => part !== '')
		.map((part) =>
			/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(part)
				? { type: 'expression', arg: { type: 'variable-reference', name: part.slice(1, -1) } }
				: { type: 'text', value: part }
		);
}

export default {
	key: SETTINGS_KEY,
	toBeImportedFiles: ({ settings }) =>
		settings.locales.map((locale) => ({ locale, path: settings[SETTINGS_KEY].pathPattern.replace('{locale}', locale) })),
	importFiles: ({ files }) => {
		const bundles = new Map();
		const messages = [];
		const variants = [];
		for (const file of files) {
			const catalogue = JSON.parse(new TextDecoder().decode(file.content));
			for (const [key, value] of Object.entries(catalogue)) {
				if (key.startsWith('$')) continue;
				const bundle = bundles.get(key) ?? { inputs: new Set(), plural: false };
				bundles.set(key, bundle);
				const texts = typeof value === 'string' ? { '*': value } : value;
				const plural = typeof value !== 'string';
				if (plural) {
					bundle.plural = true;
					bundle.inputs.add('count');
				}
				messages.push({ bundleId: key, locale: file.locale, selectors: plural ? [{ type: 'variable-reference', name: 'countPlural' }] : [] });
				for (const [category, text] of Object.entries(texts)) {
					const parts = pattern(text);
					for (const part of parts) if (part.type === 'expression') bundle.inputs.add(part.arg.name);
					const matches = !plural
						? []
						: category === 'other'
							? [{ type: 'catchall-match', key: 'countPlural' }]
							: [{ type: 'literal-match', key: 'countPlural', value: category }];
					variants.push({ messageBundleId: key, messageLocale: file.locale, matches, pattern: parts });
				}
			}
		}
		return {
			bundles: [...bundles].map(([id, { inputs, plural }]) => ({
				id,
				declarations: [
					...[...inputs].map((name) => ({ type: 'input-variable', name })),
					...(plural
						? [
								{
									type: 'local-variable',
									name: 'countPlural',
									value: {
										type: 'expression',
										arg: { type: 'variable-reference', name: 'count' },
										annotation: { type: 'function-reference', name: 'plural', options: [] }
									}
								}
							]
						: [])
				]
			})),
			messages,
			variants
		};
	},
	exportFiles: () => []
};
