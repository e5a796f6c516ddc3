/** What the server accepts (packages/server/src/routes/attachments.ts): checked here first so nobody waits for a refusal. */
export const acceptedTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const maxPhotoBytes = 5 * 1024 * 1024;

export class PhotoRejected extends Error {
  constructor(readonly reason: 'wrongType' | 'tooLarge') {
    super(reason);
  }
}

/** Longest side a shrunken photo keeps: plenty to read a broken lamp or a crack in a wall. */
const maxSide = 2560;

/**
 * The file as it will be uploaded. Accepted types under the limit go as they
 * are; a larger phone photo is shrunk to a JPEG once, in the browser, so a
 * resident is not told "too large" for a picture their camera just took.
 */
export async function prepareForUpload(file: File): Promise<Blob> {
  if (!(acceptedTypes as readonly string[]).includes(file.type)) throw new PhotoRejected('wrongType');
  if (file.size <= maxPhotoBytes) return file;
  const shrunk = await shrink(file).catch(() => null);
  if (!shrunk || shrunk.size > maxPhotoBytes) throw new PhotoRejected('tooLarge');
  return shrunk;
}

async function shrink(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', 0.85));
}
