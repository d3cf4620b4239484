/**
 * The reference: @y/websocket-server 0.1.1 as its README runs it (in memory, no persistence,
 * no auth). PORT from the environment; prints "listening" when ready.
 */
import { createServer } from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const wss = new WebSocketServer({ noServer: true });
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
wss.on('connection', (conn, req) => setupWSConnection(conn, req));
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
http.listen(port, '127.0.0.1', () => console.log('listening'));
