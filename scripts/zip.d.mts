/** Types for scripts/zip.mjs (a plain Node script, imported by the tests). */
export interface ZipInput {
  path: string;
  data: Buffer | Uint8Array | string;
}
export interface ZipEntry {
  path: string;
  data: Buffer;
  compressedSize: number;
}
export function writeZip(entries: readonly ZipInput[]): Buffer;
export function readZip(buffer: Buffer): ZipEntry[];
