#!/usr/bin/env node
// Prints the confusion table per capability for both halves of the ground-truth corpus, from the
// built scanner (run `npm run build` first). Usage: node scripts/corpus-confusion.mjs [CORPUS_DIR]
import { existsSync } from 'node:fs';
import { CORPUS, formatConfusion, scoreCorpus } from './corpus-port.mjs';

const dist = new URL('../dist/index.js', import.meta.url);
if (!existsSync(dist)) throw new Error('run `npm run build` first');
const { evaluateProbes } = await import(dist.href);
const facts = await scoreCorpus(async (port) => (await evaluateProbes(port, { questions: [] }, { capabilities: true })).capabilities, process.argv[2] ?? CORPUS);
process.stdout.write(formatConfusion(facts));
