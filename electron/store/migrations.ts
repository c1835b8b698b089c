/**
 * Numbered schema migrations, applied in order on PRAGMA user_version. Never edit a shipped
 * migration: add the next one. Each runs inside one transaction with the version bump.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'maps and their elements',
    sql: `
      CREATE TABLE maps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        rules TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX maps_by_updated ON maps (updated_at DESC);

      -- One id space per map: ids are unique across element kinds, and a connection can
      -- reference a touchpoint or a handoff through this table.
      CREATE TABLE elements (
        map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('team', 'stage', 'touchpoint', 'handoff', 'connection', 'note')),
        PRIMARY KEY (map_id, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE teams (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('marketing', 'sales', 'other')),
        color TEXT,
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stages (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention', 'growth', 'other')),
        goal TEXT,
        kpi TEXT,
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE touchpoints (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        stage_id TEXT NOT NULL,
        title TEXT NOT NULL,
        channel TEXT,
        promises TEXT NOT NULL DEFAULT '[]',
        description TEXT,
        kpi TEXT,
        sort_order REAL,
        -- The team lists again, as JSON in card order, so opening a map reads one row per card;
        -- touchpoint_teams below keeps them referentially checked.
        owner_ids TEXT NOT NULL DEFAULT '[]',
        support_ids TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE,
        FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX touchpoints_by_stage ON touchpoints (map_id, stage_id);
      CREATE INDEX touchpoints_by_position ON touchpoints (map_id, position);

      -- Which teams lead ('owner') or support a touchpoint, in the order the map lists them.
      CREATE TABLE touchpoint_teams (
        map_id TEXT NOT NULL,
        touchpoint_id TEXT NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('owner', 'support')),
        team_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (map_id, touchpoint_id, team_id),
        FOREIGN KEY (map_id, touchpoint_id) REFERENCES touchpoints (map_id, id) ON DELETE CASCADE,
        FOREIGN KEY (map_id, team_id) REFERENCES teams (map_id, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX touchpoint_teams_by_team ON touchpoint_teams (map_id, team_id);

      CREATE TABLE handoffs (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        stage_id TEXT NOT NULL,
        from_team_id TEXT NOT NULL,
        to_team_id TEXT NOT NULL,
        criteria TEXT,
        sla_hours REAL,
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE,
        FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (map_id, from_team_id) REFERENCES teams (map_id, id) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (map_id, to_team_id) REFERENCES teams (map_id, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX handoffs_by_stage ON handoffs (map_id, stage_id);
      CREATE INDEX handoffs_by_from_team ON handoffs (map_id, from_team_id);
      CREATE INDEX handoffs_by_to_team ON handoffs (map_id, to_team_id);

      CREATE TABLE connections (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        label TEXT,
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE,
        FOREIGN KEY (map_id, source) REFERENCES elements (map_id, id) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (map_id, target) REFERENCES elements (map_id, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX connections_by_source ON connections (map_id, source);
      CREATE INDEX connections_by_position ON connections (map_id, position);
      CREATE INDEX connections_by_target ON connections (map_id, target);

      CREATE TABLE notes (
        map_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        stage_id TEXT,
        x REAL NOT NULL,
        y REAL NOT NULL,
        PRIMARY KEY (map_id, id),
        FOREIGN KEY (map_id, id) REFERENCES elements (map_id, id) ON DELETE CASCADE,
        FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) DEFERRABLE INITIALLY DEFERRED
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX notes_by_stage ON notes (map_id, stage_id);
    `,
  },
  {
    version: 2,
    description: 'named versions of a map',
    sql: `
      -- A version is a snapshot of the whole map as a format v1 document, so it can be opened, compared
      -- and restored even after the map's structure has changed; counts are kept for the list.
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        document TEXT NOT NULL,
        stage_count INTEGER NOT NULL,
        touchpoint_count INTEGER NOT NULL,
        handoff_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX versions_by_map ON versions (map_id, created_at DESC);
    `,
  },
  {
    version: 3,
    description: 'live map sessions: a revision per map and the log of stored changes',
    sql: `
      -- Every stored change bumps its map's revision; windows name the revision they are based on
      -- and catch up from the log after a gap. batch_id makes a re-sent change count once.
      ALTER TABLE maps ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE map_changes (
        map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        ops TEXT NOT NULL,
        conflicts TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        PRIMARY KEY (map_id, revision)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX map_changes_by_batch ON map_changes (map_id, batch_id);

      -- A card's team lists are kept once, as JSON on the card; the store checks their references.
      DROP TABLE touchpoint_teams;
    `,
  },
  {
    version: 4,
    description: 'dot votes on touchpoints and notes',
    sql: `
      -- How many dots the room put on a card or a note; NULL when none (the format never stores 0).
      ALTER TABLE touchpoints ADD COLUMN votes INTEGER CHECK (votes IS NULL OR votes BETWEEN 1 AND 10000);
      ALTER TABLE notes ADD COLUMN votes INTEGER CHECK (votes IS NULL OR votes BETWEEN 1 AND 10000);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
