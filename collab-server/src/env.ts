import { z } from 'zod';

/** Collab-server configuration, read once at start-up. Fails fast naming the missing or invalid variable. */
const ZCollabEnv = z.object({
  /** HS256 secret shared with the edge; verifies access tokens. Required. */
  JWT_SECRET: z.string().min(1),
  /** The edge's database (users, events, event_access), read-only here. */
  DATABASE_URL: z.string().min(1).default('file:data/mandap.db'),
  /** The collab-server's own database: the Yjs update log and snapshots. */
  COLLAB_DATABASE_URL: z.string().min(1).default('file:data/collab.db'),
  COLLAB_HOST: z.string().min(1).default('127.0.0.1'),
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  /** Largest WebSocket message accepted; a bigger one closes that peer with 1009. */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  /** How long a document with no connections stays in memory. */
  COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Log length (updates) after which a document is compacted into a snapshot. */
  COLLAB_COMPACT_AFTER: z.coerce.number().int().positive().default(2000),
  /** The edge's base URL (http://127.0.0.1:8787): open connections follow its access changes. Unset: only token expiry. */
  COLLAB_EDGE_URL: z.url().optional(),
  /** Shared secret of the edge's internal collab routes; unset: derived from JWT_SECRET on both sides. */
  COLLAB_INTERNAL_SECRET: z.string().min(32).optional(),
  /** Redis (redis://127.0.0.1:6379) for two or more instances sharing COLLAB_DATABASE_URL. Unset: one instance. */
  COLLAB_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must start with redis:// or rediss://' })
    .optional(),
  /**
   * Group-commit window: updates arriving within this many ms share one transaction. 0: commit at
   * the end of the event-loop turn; what arrives during a commit forms the next group.
   */
  COLLAB_GROUP_COMMIT_MS: z.coerce.number().nonnegative().default(0),
  /**
   * `normal`: a commit is written to the WAL without an fsync: it survives a crash of the process
   * (kill -9); power loss or an OS crash can drop the newest commits, which the peers' own copies
   * send back when they reconnect. `full`: fsync at every commit (survives power loss; about 6 ms
   * more per relay on the bench machine's disk). See log-db.ts.
   */
  COLLAB_SYNCHRONOUS: z.enum(['full', 'normal']).default('normal'),
});

export type CollabEnv = z.infer<typeof ZCollabEnv>;

export function loadEnv(source: Record<string, string | undefined> = process.env): CollabEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZCollabEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`collab-server configuration invalid: ${problems}`);
  }
  return parsed.data;
}
