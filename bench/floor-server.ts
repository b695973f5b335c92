// The floor: a bare Socket.IO server on the same transport settings, with no application behind it. It
// answers `vote:cast` at once with a receipt of the same shape, so `npm run bench -- --floor` measures what
// Socket.IO and this machine cost by themselves, with the same generator. The real server's figures are
// best read against these (see docs/architecture.md).
//   tsx bench/floor-server.ts <port>
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer();
// The settings of server/src/app.ts.
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000, serveClient: false });
io.of('/delegate').on('connection', (socket) => {
  socket.on('vote:cast', (payload: { roundId: string; choice: unknown }, ack: (answer: unknown) => void) => {
    ack({ ok: true, data: { roundId: payload.roundId, choice: payload.choice, secret: false, at: new Date().toISOString() } });
  });
});
http.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
