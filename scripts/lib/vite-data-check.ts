/**
 * A Vite plugin that stops the build when the data in src/data fails its schemas or a declaration is out of date
 * (scripts/lib/data-files.ts): the message names each file, JSON path and bad value.
 */
import type { Plugin } from 'vite';
import { checkDataFiles, dataFailure } from './data-files.ts';

export function dataCheck(root: string): Plugin {
  return {
    name: 'mrc-data-check',
    buildStart() {
      const failure = dataFailure(checkDataFiles({ root }));
      if (failure) this.error(failure);
    },
  };
}
