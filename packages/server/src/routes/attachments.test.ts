import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gifHeader, jpegHeader, onePixelPng, phonePhotoWithGps } from '../test-images.js';
import { exampleConfig, orgId, requestData } from '../test-support.js';
import { maxAttachmentBytes, sniffImageType } from './attachments.js';

const upload = (c: TestClient, body: Buffer | string, type = 'image/png') => c.request('POST', '/api/attachments', body, { 'content-type': type });

describe('sniffImageType', () => {
  it('recognises the three accepted formats by their signature and nothing else', () => {
    expect(sniffImageType(onePixelPng())).toBe('image/png');
    expect(sniffImageType(jpegHeader())).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImageType(gifHeader())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

for (const backend of testBackends()) {
  describe(`photos (随手拍) on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let resident: TestClient;
    let grid: TestClient;
    let otherGrid: TestClient;
    let otherResident: TestClient;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
      hepan = await orgId(server, 'hepan');
      resident = await server.login('resident.hepan');
      grid = await server.login('grid.yongfu1');
      otherGrid = await server.login('grid.shuguang1');
      otherResident = await server.login('resident.shuguang');
    });
    afterAll(() => server?.close());

    it('stores an uploaded photo under the type its bytes prove and gives it back to the uploader', async () => {
      const png = onePixelPng();
      // The header claims JPEG; the bytes are a PNG, and that is what is stored and served.
      const res = await upload(resident, png, 'image/jpeg');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9]+$/), contentType: 'image/png', size: expect.any(Number) });
      const back = await resident.request('GET', `/api/attachments/${res.body.id}`);
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      const raw = await server.app.inject({ method: 'GET', url: `/api/attachments/${res.body.id}`, headers: { authorization: `Bearer ${resident.token}` } });
      expect(raw.rawPayload.length).toBe(res.body.size);
      expect(await sharp(raw.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    });

    it('strips the EXIF block of a phone photo, GPS position included, and keeps it upright', async () => {
      const photo = await phonePhotoWithGps();
      const before = await sharp(photo).metadata();
      expect(before.exif?.includes(Buffer.from('PhoneCo'))).toBe(true);
      expect(before.orientation).toBe(6);
      const res = await upload(resident, photo, 'image/jpeg');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const raw = await server.app.inject({ method: 'GET', url: `/api/attachments/${res.body.id}`, headers: { authorization: `Bearer ${resident.token}` } });
      const meta = await sharp(raw.rawPayload).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(raw.rawPayload.includes(Buffer.from('PhoneCo'))).toBe(false);
      // Orientation 6 (turned on its side) is applied before the metadata goes: a 4×2 photo comes back 2×4.
      expect([meta.width, meta.height]).toEqual([2, 4]);
    });

    it('refuses a file that only starts like an image', async () => {
      const fake = await upload(resident, Buffer.concat([jpegHeader(), Buffer.from('<script>alert(1)</script>')]), 'image/jpeg');
      expect(fake.status).toBe(415);
      expect(fake.body.code).toBe('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses what is not a JPEG, PNG or WebP photo, and photos over 5 MB', async () => {
      const gif = await upload(resident, gifHeader(), 'image/png');
      expect(gif.status).toBe(415);
      expect(gif.body.code).toBe('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE');
      expect((await upload(resident, gifHeader(), 'image/gif')).body.code).toBe('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE');
      expect((await resident.post('/api/attachments', { photo: 'not an image' })).body.code).toBe('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE');
      const big = Buffer.concat([onePixelPng(), Buffer.alloc(maxAttachmentBytes)]);
      const tooBig = await upload(resident, big);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toMatchObject({ code: 'LINLI_ERR_PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${maxAttachmentBytes} bytes.` });
      expect((await upload(resident, Buffer.alloc(0))).status).toBe(400);
      expect((await upload(server.anonymous(), onePixelPng())).status).toBe(401);
    });

    it('shows a photo to the staff who can see the ticket it was filed with, and to nobody else', async () => {
      const { body: photo } = await upload(resident, onePixelPng());
      // Before it is filed with anything, only the uploader sees it.
      expect((await grid.get(`/api/attachments/${photo.id}`)).status).toBe(404);
      const ticket = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { ...requestData(), photos: [photo.id] } });
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
      expect((await grid.get(`/api/attachments/${photo.id}`)).status).toBe(200);
      expect((await otherGrid.get(`/api/attachments/${photo.id}`)).status).toBe(404);
      expect((await otherResident.get(`/api/attachments/${photo.id}`)).status).toBe(404);
      expect((await grid.get('/api/attachments/99999999')).status).toBe(404);
      expect((await grid.get('/api/attachments/abc')).status).toBe(404);
    });

    it('does not let anyone reach a stranger\'s photo by listing its id in a ticket of their own', async () => {
      const { body: photo } = await upload(resident, onePixelPng());
      const xincun = await orgId(server, 'shuguang-xincun');
      const own = await otherResident.post('/api/tickets', { workflow: 'grid-request', orgId: xincun, data: { ...requestData(), photos: [photo.id] } });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      expect((await otherResident.get(`/api/attachments/${photo.id}`)).status).toBe(404);
      expect((await otherGrid.get(`/api/attachments/${photo.id}`)).status).toBe(404);
    });

    it('shows photos a handler adds at a later step to those who see the ticket', async () => {
      const t = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() });
      const sorted = await grid.post(`/api/tickets/${t.body.id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' } });
      const { body: photo } = await upload(grid, onePixelPng());
      const solved = await grid.post(`/api/tickets/${t.body.id}/transitions`, { action: 'solve-in-grid', version: sorted.body.version, data: { result: '已修好', photos: [photo.id] } });
      expect(solved.status, JSON.stringify(solved.body)).toBe(200);
      expect((await resident.get(`/api/attachments/${photo.id}`)).status).toBe(200);
      expect((await otherResident.get(`/api/attachments/${photo.id}`)).status).toBe(404);
    });

    it('needs the CSRF header when uploading with the session cookie', async () => {
      const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'resident.hepan', password: 'test-password' } });
      const cookie = login.cookies.find((c) => c.name === 'linli_session')!;
      const { csrfToken } = JSON.parse(login.body) as { csrfToken: string };
      const post = (headers: Record<string, string>) =>
        server.app.inject({ method: 'POST', url: '/api/attachments', payload: onePixelPng(), headers: { 'content-type': 'image/png', cookie: `linli_session=${cookie.value}`, ...headers } });
      const without = await post({});
      expect(without.statusCode).toBe(403);
      expect(JSON.parse(without.body).code).toBe('LINLI_ERR_CSRF');
      expect((await post({ 'x-linli-csrf': csrfToken })).statusCode).toBe(201);
    });

    // Last in this file: it moves the clock a day on, past every session's expiry.
    it("stops one person at the day's upload quota, without a trace in the database, and lets them go on a day later", async () => {
      const volunteer = await server.login('volunteer.yongfu');
      const png = onePixelPng();
      for (let i = 0; i < 190; i++) expect((await upload(volunteer, png)).status).toBe(201);
      // The last ten places, raced for by twenty uploads at once: exactly ten are stored.
      const raced = await Promise.all(Array.from({ length: 20 }, () => upload(volunteer, png)));
      expect(raced.filter((r) => r.status === 201)).toHaveLength(10);
      expect(raced.filter((r) => r.status === 429)).toHaveLength(10);
      const count = async () => Number((await server.database.db.selectFrom('linli_attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const over = await upload(volunteer, png);
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ code: 'LINLI_ERR_UPLOAD_QUOTA', message: expect.stringContaining('200 photos') });
      expect(await count()).toBe(before);
      // Someone else's quota is their own.
      expect((await upload(resident, png)).status).toBe(201);
      server.clock.set(new Date(server.clock.now().getTime() + 86_400_001));
      expect((await upload(await server.login('volunteer.yongfu'), png)).status).toBe(201);
    });
  });
}
