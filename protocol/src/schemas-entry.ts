// The '@hddt/protocol/schemas' entry point: everything that carries zod at run time. The server and the
// chair console import it; the tablet and the display never do (entry-points.test.ts checks it).
export * from './schemas';
export * from './socket-events';
export * from './rest-routes';
export * from './note-schemas';
