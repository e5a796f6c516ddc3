import sharp from 'sharp';

/** Small real images for upload tests: the server checks signatures, so the bytes must be genuine. */
export const onePixelPng = (): Buffer => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

/** A JPEG's first bytes are all the server reads to recognise one. */
export const jpegHeader = (): Buffer => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** A GIF: an image, but not one of the accepted types. */
export const gifHeader = (): Buffer => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1');

/** A 4×2 JPEG as a phone writes it: turned on its side (EXIF orientation 6) and with a GPS position in its EXIF block. */
export const phonePhotoWithGps = (): Promise<Buffer> =>
  sharp({ create: { width: 4, height: 2, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 41/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 0/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
