/**
 * npm run reasons: writes src/data/lexicon-reasons.json, each lexicon pattern's reason by its global id, from
 * src/data/lexicons. The in-page UI words evidence from it without loading the classifier
 * (src/core/findings/sources.ts); src/core/classify/lexicon-reasons.test.ts fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexiconReasons, REASONS_COMMENT } from '../src/core/classify/lexicon.ts';

const file = path.resolve(import.meta.dirname, '../src/data/lexicon-reasons.json');
writeFileSync(file, `${JSON.stringify({ $comment: REASONS_COMMENT, reasons: lexiconReasons() }, null, 2)}\n`);
console.log(`reasons: wrote ${path.relative(process.cwd(), file)}`);
