#!/usr/bin/env node
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
register('./raw-import-hooks.js', import.meta.url);
await import('../cli/resonance.ts');
