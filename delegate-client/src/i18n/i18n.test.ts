import { describe, expect, it } from 'vitest';
import { vi } from './vi';
import { en } from './en';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe('translations', () => {
  it('English has exactly the Vietnamese keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const k of keys(en)) expect(k).not.toBe('');
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (o: object, k: string) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string;
    for (const k of keys(vi)) expect(vars(get(en, k)), k).toEqual(vars(get(vi, k)));
  });
});
