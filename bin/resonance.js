#!/usr/bin/env node
import './register-hooks.js';

await import('../cli/resonance.ts');
