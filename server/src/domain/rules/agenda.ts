// The agenda (chương trình kỳ họp) and the session's documents (tài liệu).

import type { AgendaItem, Motion, Session, SessionDocument } from '@hddt/protocol';
import { table } from '../batch';
import { agendaOf, requireActiveOpenSession } from '../queries';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';

type AgendaCommand =
  'agenda.add' | 'agenda.update' | 'agenda.remove' | 'agenda.reorder' | 'agenda.current' | 'document.add' | 'document.update' | 'document.remove';
type AgendaEvent =
  'agenda.added' | 'agenda.updated' | 'agenda.removed' | 'agenda.reordered' | 'agenda.current-set' | 'document.added' | 'document.updated' | 'document.removed';

export const agendaDeciders: Deciders<AgendaCommand> = {
  'agenda.add': (state, command, ctx) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status === 'closed') return fail('SESSION_CLOSED');
    const order = agendaOf(state, s.id).reduce((m, a) => Math.max(m, a.order), 0) + 1;
    const item: AgendaItem = { id: ctx.newId(), sessionId: s.id, order, title: command.title, presenter: command.presenter };
    return ok([{ type: 'agenda.added', item }], { result: { itemId: item.id } });
  },

  'agenda.update': (state, command) => {
    const item = state.agenda[command.itemId];
    if (!item) return fail('AGENDA_ITEM_NOT_FOUND');
    if (state.sessions[item.sessionId]?.status === 'closed') return fail('SESSION_CLOSED');
    return ok(
      [
        {
          type: 'agenda.updated',
          itemId: item.id,
          ...(command.title !== undefined ? { title: command.title } : {}),
          ...(command.presenter !== undefined ? { presenter: command.presenter } : {}),
        },
      ],
      { result: { itemId: item.id } },
    );
  },

  'agenda.remove': (state, command) => {
    const item = state.agenda[command.itemId];
    if (!item) return fail('AGENDA_ITEM_NOT_FOUND');
    const s = state.sessions[item.sessionId];
    if (s && s.status !== 'draft') return fail('SESSION_NOT_DRAFT');
    return ok([{ type: 'agenda.removed', itemId: item.id }], { result: { itemId: item.id } });
  },

  'agenda.reorder': (state, command) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status === 'closed') return fail('SESSION_CLOSED');
    const current = agendaOf(state, s.id).map((a) => a.id);
    const proposed = [...command.itemIds];
    if (current.length !== proposed.length || [...current].sort().join() !== [...proposed].sort().join()) {
      return fail('CONFLICT');
    }
    return ok([{ type: 'agenda.reordered', sessionId: s.id, itemIds: proposed }], { result: { sessionId: s.id } });
  },

  'agenda.current': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    if (command.itemId !== null) {
      const item = state.agenda[command.itemId];
      if (!item || item.sessionId !== s.id) return fail('AGENDA_ITEM_NOT_FOUND');
    }
    if (s.currentItemId === command.itemId) return ok([], { result: { sessionId: s.id } });
    return ok([{ type: 'agenda.current-set', sessionId: s.id, itemId: command.itemId }], { result: { sessionId: s.id } });
  },

  'document.add': (state, command, { clock, newId }) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (command.itemId !== null && state.agenda[command.itemId]?.sessionId !== s.id) return fail('AGENDA_ITEM_NOT_FOUND');
    const document = {
      id: newId(),
      sessionId: s.id,
      itemId: command.itemId,
      title: command.title,
      docType: command.docType,
      confidential: command.confidential,
      // A confidential document is never published.
      published: command.confidential ? false : command.published,
      ...command.file,
      uploadedAt: clock.now,
    };
    return ok([{ type: 'document.added', document }], { result: { documentId: document.id } });
  },

  'document.update': (state, command) => {
    const d = state.documents[command.documentId];
    if (!d) return fail('DOCUMENT_NOT_FOUND');
    const itemId = command.patch.itemId;
    if (itemId !== undefined && itemId !== null && state.agenda[itemId]?.sessionId !== d.sessionId) {
      return fail('AGENDA_ITEM_NOT_FOUND');
    }
    const confidential = command.patch.confidential ?? d.confidential;
    const patch = { ...command.patch, ...(confidential ? { published: false } : {}) };
    return ok([{ type: 'document.updated', documentId: d.id, patch }], { result: { documentId: d.id } });
  },

  'document.remove': (state, command) => {
    const d = state.documents[command.documentId];
    if (!d) return fail('DOCUMENT_NOT_FOUND');
    return ok([{ type: 'document.removed', documentId: d.id }], { result: { documentId: d.id } });
  },
};

export const agendaEvolvers: Evolvers<AgendaEvent> = {
  'agenda.added': (b, d, event) => {
    table<AgendaItem>(b, d, 'agenda')[event.item.id] = { ...event.item };
  },
  'agenda.updated': (b, d, event) => {
    const item = d.agenda[event.itemId];
    if (!item) return;
    table<AgendaItem>(b, d, 'agenda')[item.id] = {
      ...item,
      ...(event.title !== undefined ? { title: event.title } : {}),
      ...(event.presenter !== undefined ? { presenter: event.presenter } : {}),
    };
  },
  'agenda.removed': (b, d, event) => {
    const item = d.agenda[event.itemId];
    if (!item) return;
    const s = d.sessions[item.sessionId];
    if (s && s.currentItemId === item.id) table<Session>(b, d, 'sessions')[s.id] = { ...s, currentItemId: null };
    for (const doc of Object.values(d.documents)) {
      if (doc.itemId === item.id) table<SessionDocument>(b, d, 'documents')[doc.id] = { ...doc, itemId: null };
    }
    for (const m of Object.values(d.motions)) {
      if (m.itemId === item.id) table<Motion>(b, d, 'motions')[m.id] = { ...m, itemId: null };
    }
    delete table<AgendaItem>(b, d, 'agenda')[item.id];
  },
  'agenda.reordered': (b, d, event) => {
    const agenda = table<AgendaItem>(b, d, 'agenda');
    event.itemIds.forEach((id, index) => {
      const item = agenda[id];
      if (item) agenda[id] = { ...item, order: index + 1 };
    });
  },
  'agenda.current-set': (b, d, event) => {
    const x = d.sessions[event.sessionId];
    if (x) table<Session>(b, d, 'sessions')[x.id] = { ...x, currentItemId: event.itemId };
  },
  'document.added': (b, d, event) => {
    table<SessionDocument>(b, d, 'documents')[event.document.id] = { ...event.document };
  },
  'document.updated': (b, d, event) => {
    const doc = d.documents[event.documentId];
    if (doc) table<SessionDocument>(b, d, 'documents')[doc.id] = { ...doc, ...event.patch };
  },
  'document.removed': (b, d, event) => {
    delete table<SessionDocument>(b, d, 'documents')[event.documentId];
  },
};
