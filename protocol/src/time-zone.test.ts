// The council's time zone is an IANA name the runtime knows; anything else is refused before it is stored.
import { describe, expect, it } from 'vitest';
import { CouncilPatchSchema, isTimeZoneName } from './schemas';

describe('council time zone', () => {
  it('accepts IANA names and refuses offsets, unknown names and junk', () => {
    for (const tz of ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires']) expect(isTimeZoneName(tz), tz).toBe(true);
    for (const tz of ['+07:00', 'GMT+7', 'Asia/Hanoi', 'Giờ Việt Nam', 'Asia/../etc', '', 'Asia/Ho Chi Minh']) expect(isTimeZoneName(tz), tz).toBe(false);
  });

  it('refuses a council patch with an unknown zone under the field timeZone, with a message the console translates', () => {
    const bad = CouncilPatchSchema.safeParse({ timeZone: 'Asia/Hanoi' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['timeZone', 'unknown time zone']]);
    expect(CouncilPatchSchema.parse({ timeZone: ' Asia/Ho_Chi_Minh ' }).timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
