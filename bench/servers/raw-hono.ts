import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';

/**
 * The floor for the edge-stack benchmark: bare Hono on @hono/node-server and a bare
 * @libsql/client doing the same read as GET /api/events for a staff user, with no
 * middleware, auth, ORM or response validation. Started as a child process by the bench.
 */
const EVENTS_SQL = `
  SELECT e.id, e.code, e.name, e.event_type AS eventType, e.status, e.start_date AS startDate,
         e.end_date AS endDate, e.city, e.venue, e.guest_count AS guestCount, c.name AS clientName
  FROM events e LEFT JOIN clients c ON c.id = e.client_id
  ORDER BY e.start_date ASC`;

const client = createClient({ url: process.env.DATABASE_URL!, timeout: 5000 });
const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));
app.get('/api/events', async (c) => {
  const rs = await client.execute(EVENTS_SQL);
  // libSQL rows are array-like; build plain objects so the JSON matches the full app's.
  const events = rs.rows.map((row) => Object.fromEntries(rs.columns.map((col, i) => [col, row[i]])));
  return c.json({ events });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
// Exit on SIGTERM (rather than die of it) so a --cpu-prof profile is written.
process.on('SIGTERM', () => process.exit(0));
