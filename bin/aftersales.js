#!/usr/bin/env node
// The command-line entry: loads the TypeScript CLI through tsx in this process, so no build step is
// needed and signals (Ctrl-C, SIGTERM to this PID) reach the command itself.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
