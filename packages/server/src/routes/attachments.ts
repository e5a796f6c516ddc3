import { LinliError, notFound } from '@linli/core';
import { getAttachmentFor, insertAttachment, uploadedSince, type AttachmentType } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { errorResponses, idParam } from './schemas.js';

/** Largest photo accepted: a phone photo at full resolution, well below what a form should carry. */
export const maxAttachmentBytes = 5 * 1024 * 1024;
export const attachmentTypes: readonly AttachmentType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** What the bytes are, from their signature: the Content-Type header is the sender's claim, not proof. */
export function sniffImageType(b: Uint8Array): AttachmentType | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  if (b.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (b.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** Largest picture decoded, in pixels: a 48-megapixel phone camera fits; a decompression bomb does not. */
const maxPixels = 50_000_000;

/**
 * Decodes the whole image and encodes it again in its own format, upright and
 * without metadata: a file that only starts like an image fails here, and the
 * EXIF block of a phone photo — its GPS position, the phone's serial, the
 * time — is personal data (PIPL) that nobody needs to see a broken street lamp.
 */
export async function reencodeImage(bytes: Buffer, type: AttachmentType): Promise<Buffer> {
  const format = type === 'image/jpeg' ? 'jpeg' : type === 'image/png' ? 'png' : 'webp';
  try {
    // Loaded with the first photo: libvips and its threads are not held by a server nobody uploads to.
    const { default: sharp } = await import('sharp');
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels });
    const { format: actual } = await image.metadata();
    if (actual !== format) throw new Error(`the bytes are ${actual ?? 'unknown'}, not ${format}`);
    // rotate(): apply the EXIF orientation before the EXIF block is dropped. sharp keeps no metadata unless asked.
    return await image.rotate().toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: false } : {}).toBuffer();
  } catch {
    throw unsupported('the file is not a complete, readable JPEG, PNG or WebP image');
  }
}

const unsupported = (what: string) => new LinliError('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE', [`${what}; send a JPEG, PNG or WebP photo`]);

/**
 * Photos for tickets (随手拍). The body is the raw image, not JSON or
 * multipart: a phone posts the file as it is. The image parsers are added in
 * this plugin only, so every other route still accepts JSON alone.
 */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.addContentTypeParser(attachmentTypes as string[], { parseAs: 'buffer', bodyLimit: maxAttachmentBytes }, (_req, body, done) => done(null, body));

  app.post(
    '/api/attachments',
    {
      config: { policy: 'authenticated' },
      bodyLimit: maxAttachmentBytes,
      // Name this route's own limit when a photo is too big; everything else goes to the app's handler.
      errorHandler: (err) => {
        if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', [maxAttachmentBytes]);
        throw err;
      },
      schema: {
        tags: ['attachments'],
        summary:
          'Upload a photo (raw JPEG, PNG or WebP body, at most 5 MB; 200 photos / 500 MB per person a day by default). It is decoded and stored re-encoded, without its EXIF/GPS metadata; reference its id in a form field such as data.photos',
        consumes: [...attachmentTypes],
        response: {
          201: { type: 'object', properties: { id: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' } }, required: ['id', 'contentType', 'size'] },
          ...errorResponses,
          413: { $ref: 'LinliError#' },
          415: { $ref: 'LinliError#' },
          429: { $ref: 'LinliError#' },
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // A JSON or form body reaches here parsed: it is not an image.
      if (!Buffer.isBuffer(req.body)) throw unsupported(String(req.headers['content-type'] ?? 'no content type'));
      if (req.body.length === 0) throw new LinliError('LINLI_ERR_VALIDATION', ['the photo is empty']);
      if (req.body.length > maxAttachmentBytes) throw new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', [maxAttachmentBytes]);
      // Stored under the type its bytes prove, whatever the header said.
      const type = sniffImageType(req.body);
      if (!type) throw unsupported('the file is not a JPEG, PNG or WebP image');
      const bytes = await reencodeImage(req.body, type);
      const quota = linli.options.uploadQuota ?? { photosPerDay: 200, megabytesPerDay: 500 };
      const now = linli.now();
      // The uploader's row is locked while the quota is counted and the photo stored: uploads racing on any instance queue up, and none passes the quota.
      const saved = await linli.db.transaction().execute(async (trx) => {
        await trx.selectFrom('linli_people').select('id').where('id', '=', Number(actor.personId)).forUpdate().executeTakeFirst();
        const used = await uploadedSince(trx, actor.personId, new Date(now.getTime() - 86_400_000));
        if (used.photos >= quota.photosPerDay || used.bytes + bytes.length > quota.megabytesPerDay * 1_048_576) {
          throw new LinliError('LINLI_ERR_UPLOAD_QUOTA', [`${used.photos} photos (${Math.ceil(used.bytes / 1_048_576)} MB)`]);
        }
        return insertAttachment(trx, { uploaderId: actor.personId, contentType: type, bytes, now });
      });
      return reply.status(201).send({ id: saved.id, contentType: saved.contentType, size: saved.size });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/attachments/:id',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['attachments'], summary: 'A photo: for its uploader and for whoever may see a ticket it was filed with', params: idParam, produces: [...attachmentTypes], response: errorResponses },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const a = await getAttachmentFor(linli.db, actor, req.params.id);
      if (!a) throw notFound(`Attachment ${req.params.id}`);
      return reply
        .type(a.contentType)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('content-disposition', `inline; filename="photo-${a.id}.${a.contentType.slice(6)}"`)
        .send(a.bytes);
    },
  );
}
