// REST /api/hall-layout against a whole server: the automatic map of the demo roster, a layout stored and read
// back (also over the chair's snapshot), every bad layout refused with a bilingual reason naming the seat, and
// nothing stored changed by a refusal; only the secretariat lays the hall out.
import { autoLayout, swapSeats, type Ack, type ChairSnapshot, type HallLayout } from '@hddt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, chairSocket, staffLogin, startServer, type StaffSession, type TestServer } from '../testing/harness';

interface View {
  layout: HallLayout;
  custom: boolean;
}
interface Refusal {
  code: string;
  message: string;
  messageEn: string;
  fields?: { path: string; message: string; messageEn: string }[];
}

let server: TestServer;
let staff: StaffSession;
const seats31 = Array.from({ length: 31 }, (_, i) => i + 1);

beforeAll(async () => {
  server = await startServer();
  staff = await staffLogin(server);
});
afterAll(async () => {
  await server.dispose();
});

describe('/api/hall-layout', () => {
  it('gives the automatic layout of the roster until the hall is laid out', async () => {
    const r = await api<View>(server, 'GET', '/api/hall-layout', undefined, staff);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ layout: autoLayout(seats31), custom: false });
  });

  it('stores a layout and serves it back, to REST and to the chair console', async () => {
    const layout = swapSeats(autoLayout(seats31), 1, 31);
    const put = await api<View>(server, 'PUT', '/api/hall-layout', layout, staff);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ layout, custom: true });
    expect((await api<View>(server, 'GET', '/api/hall-layout', undefined, staff)).body).toEqual({ layout, custom: true });
    const chair = await chairSocket(server);
    try {
      const ack: Ack<ChairSnapshot> = await chair.timeout(5000).emitWithAck('session:sync', {});
      expect(ack.ok && ack.data.council?.hallLayout).toEqual(layout);
    } finally {
      chair.close();
    }
  });

  it('refuses a layout that does not match the roster, naming each seat in Vietnamese and English; the stored one stays', async () => {
    const before = (await api<View>(server, 'GET', '/api/hall-layout', undefined, staff)).body;
    const flat = autoLayout(seats31).rows.flatMap((r) => r.blocks.flat());
    const missing = { rows: [{ blocks: [flat.slice(0, 15)] }, { blocks: [flat.slice(15, 30)] }] };
    const r = await api<Refusal>(server, 'PUT', '/api/hall-layout', missing, staff);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('HALL_LAYOUT_INVALID');
    expect(r.body.message).toContain('Sơ đồ hội trường');
    expect(r.body.fields).toEqual([{ path: 'seats.31', message: 'Ghế 31 chưa được xếp vào sơ đồ.', messageEn: 'Seat 31 is not on the map.' }]);

    const twice = await api<Refusal>(server, 'PUT', '/api/hall-layout', { rows: [{ blocks: [[...flat, 5, 77]] }] }, staff);
    expect(twice.status).toBe(400);
    expect(twice.body.fields?.map((f) => f.message)).toEqual(['Hàng 1 có 33 ghế, tối đa 30.', 'Ghế 5 được xếp hai lần.', 'Ghế 77 không có đại biểu nào.']);

    for (const shape of [{}, { rows: 'x' }, { rows: [{ blocks: [[0]] }] }, { rows: [{ blocks: [] }] }, { rows: [], extra: 1 }]) {
      const bad = await api<Refusal>(server, 'PUT', '/api/hall-layout', shape, staff);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('BAD_REQUEST');
      expect(bad.body.messageEn).toBeTruthy();
    }
    expect((await api<View>(server, 'GET', '/api/hall-layout', undefined, staff)).body).toEqual(before);
  });

  it('is the secretariat’s: the chair may read the map but not change it', async () => {
    const created = await api(
      server,
      'POST',
      '/api/staff',
      { username: 'chutoa2', displayName: 'Chủ tọa Hai', role: 'chair', password: 'chu-toa-hai-2026' },
      staff,
    );
    expect([200, 201]).toContain(created.status);
    const chairStaff = await staffLogin(server, 'chutoa2', 'chu-toa-hai-2026');
    expect((await api(server, 'GET', '/api/hall-layout', undefined, chairStaff)).status).toBe(200);
    const put = await api<Refusal>(server, 'PUT', '/api/hall-layout', autoLayout(seats31), chairStaff);
    expect(put.status).toBe(403);
    expect(put.body.code).toBe('FORBIDDEN');
  });
});
