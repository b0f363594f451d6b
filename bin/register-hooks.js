// `node --import ./bin/register-hooks.js file.ts`: TypeScript (tsx), `.sql?raw` and `.svelte` imports in Node,
// the way Vite reads them, so the CLI and scripts run the browser's own modules.
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
register('./raw-import-hooks.js', import.meta.url);
