// The one typed socket of the hall display.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION } from '@hddt/protocol';
import type { DisplayClientToServer, DisplayServerToClient, HandshakeAuth } from '@hddt/protocol';

export type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

/** origin: '' for the page's own server (production), or an absolute origin in tests. */
export function createDisplaySocket(token: string, origin = ''): DisplaySocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION, token };
  return io(`${origin}${NAMESPACES.display}`, {
    auth: { ...auth },
    // A hall display runs unattended for days: retry forever, quickly at first, never more than 5 s apart.
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.3,
    timeout: 8000,
  });
}
