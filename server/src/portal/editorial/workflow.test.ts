import type { ContentAction, ContentState, StaffRole } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { diffLines, htmlToLines } from './diff';
import { sanitizeBody } from './sanitize';
import { checkEdit, decideTransition, isPublic } from './workflow';

const NOW = '2026-07-01T08:00:00.000Z';
const ROLES: StaffRole[] = ['secretariat', 'chair', 'editor', 'board-head'];
const ACTIONS: ContentAction[] = ['submit', 'send-back', 'publish', 'unpublish'];
const STATES: ContentState[] = ['draft', 'submitted', 'published', 'withdrawn'];

describe('editorial workflow rules', () => {
  it('only the head of the board publishes, from submitted only; no role and no state lets anyone else', () => {
    for (const role of ROLES) {
      for (const state of STATES) {
        const r = decideTransition(role, { state, confidential: false }, { action: 'publish' }, NOW);
        expect(r.ok, `${role} publishing from ${state}`).toBe(role === 'board-head' && state === 'submitted');
      }
    }
  });

  it('each action has one source state and one target', () => {
    const table: string[] = [];
    for (const action of ACTIONS) {
      for (const state of STATES) {
        const r = decideTransition('board-head', { state, confidential: false }, { action, comment: 'x' }, NOW);
        if (r.ok) table.push(`${action}:${r.value.from}>${r.value.to}`);
      }
    }
    expect(table).toEqual(['submit:draft>submitted', 'send-back:submitted>draft', 'publish:submitted>published', 'unpublish:published>withdrawn']);
  });

  it('editors submit but never send back, publish or unpublish; hall roles do nothing here', () => {
    expect(decideTransition('editor', { state: 'draft', confidential: false }, { action: 'submit' }, NOW).ok).toBe(true);
    for (const action of ['send-back', 'publish', 'unpublish'] as const) {
      expect(decideTransition('editor', { state: 'submitted', confidential: false }, { action, comment: 'x' }, NOW)).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
    expect(decideTransition('secretariat', { state: 'draft', confidential: false }, { action: 'submit' }, NOW)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkEdit('chair', { state: 'draft' })).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkEdit('editor', { state: 'withdrawn' })).toEqual({ ok: true, value: 'draft' });
    expect(checkEdit('editor', { state: 'published' })).toEqual({ ok: false, code: 'CONTENT_WRONG_STATE' });
  });

  it('confidential documents can neither be submitted nor published; sending back needs a comment', () => {
    expect(decideTransition('board-head', { state: 'draft', confidential: true }, { action: 'submit' }, NOW)).toEqual({
      ok: false,
      code: 'CONTENT_CONFIDENTIAL',
    });
    expect(decideTransition('board-head', { state: 'submitted', confidential: true }, { action: 'publish' }, NOW)).toEqual({
      ok: false,
      code: 'CONTENT_CONFIDENTIAL',
    });
    expect(decideTransition('board-head', { state: 'submitted', confidential: false }, { action: 'send-back', comment: '  ' }, NOW)).toEqual({
      ok: false,
      code: 'REVIEW_COMMENT_REQUIRED',
    });
    expect(isPublic({ state: 'published', confidential: true, publishAt: NOW }, NOW)).toBe(false);
  });

  it('schedules publishing; a time in the past means now', () => {
    const later = decideTransition(
      'board-head',
      { state: 'submitted', confidential: false },
      { action: 'publish', publishAt: '2026-07-02T08:00:00+07:00' },
      NOW,
    );
    expect(later.ok && later.value.publishAt).toBe('2026-07-02T01:00:00.000Z');
    const past = decideTransition('board-head', { state: 'submitted', confidential: false }, { action: 'publish', publishAt: '2020-01-01T00:00:00Z' }, NOW);
    expect(past.ok && past.value.publishAt).toBe(NOW);
    expect(isPublic({ state: 'published', confidential: false, publishAt: '2026-07-02T01:00:00.000Z' }, NOW)).toBe(false);
  });
});

describe('sanitising and diffs', () => {
  it('keeps the editor’s formatting and drops scripts, handlers, styles, frames and foreign images', () => {
    expect(
      sanitizeBody(
        '<h1>Tiêu đề</h1><p style="color:red" onmouseover="x()">Đoạn <strong>đậm</strong> <em>nghiêng</em></p><iframe src="https://x"></iframe><img src="/anh/1.png" alt="Ảnh"><img src="//evil/x.png"><img src="/tep/abc_DEF-1" alt=" Toàn cảnh "><img src="/tep/x/../../api" alt="x"><img src="/tep/k2">',
      ),
    ).toBe('<h2>Tiêu đề</h2><p>Đoạn <strong>đậm</strong> <em>nghiêng</em></p><img src="/tep/abc_DEF-1" alt="Toàn cảnh" /><img src="/tep/k2" alt="" />');
    expect(sanitizeBody('<a href="https://hdnd.example.vn">tỉnh</a><a href="javascript:alert(1)">x</a>')).toBe(
      '<a href="https://hdnd.example.vn" rel="noopener noreferrer">tỉnh</a><a>x</a>',
    );
    // NFD input is stored composed, so search and hashes see one spelling.
    expect(sanitizeBody('<p>Nghi\u0323 quyê\u0301t</p>')).toBe('<p>Nghị quyết</p>');
  });

  it('diffs the text lines of two bodies', () => {
    expect(htmlToLines('<p>Một &amp; hai</p><ul><li>Ba</li></ul>')).toEqual(['Một & hai', 'Ba']);
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });
});
