import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * A hash of everything the database holds: every row of every table, in primary-key order, plus the
 * schema version. Used to tell, at start, whether the database differs from its newest backup.
 *
 * Why a hash of the rows and not, say, the newest maps.updated_at plus counts: it cannot miss a change
 * (an edit that forgets to touch updated_at, a saved version, a deleted map whose count another map
 * made up for), needs no extra table or marker file that could drift from the data, and a backup can be
 * fingerprinted the same way as the database it came from. It reads the database once, only at start:
 * about 30 ms for a 3.6 MB database of 1,500 maps on the 2-core build machine.
 */
export function contentFingerprint(db: Database.Database): string {
  const hash = crypto.createHash('sha256');
  hash.update(`user_version ${String(db.pragma('user_version', { simple: true }))}\n`);
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  for (const { name } of tables) {
    // Rows are rendered and joined inside SQLite (quote() keeps types apart: 1 vs '1' vs NULL), which
    // is several times faster than handing every row to JavaScript.
    const columns = db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${quoteName(name)})`).all();
    const row = columns.map((c) => `quote(${quoteName(c.name)})`).join(" || ',' || ");
    const text = db
      .prepare<[], string | null>(`SELECT group_concat(${row}, char(10) ORDER BY ${orderOf(columns)}) FROM ${quoteName(name)}`)
      .pluck()
      .get();
    hash.update(`table ${name}\n${text ?? ''}\n`);
  }
  return hash.digest('hex');
}

/** Primary-key columns in key order, or the rowid for a table without a declared key. */
function orderOf(columns: { name: string; pk: number }[]): string {
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return keys.length > 0 ? keys.map((c) => quoteName(c.name)).join(', ') : 'rowid';
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

