#!/usr/bin/env node
// runs the TypeScript CLI through tsx, so `npm install` is the only setup step
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
