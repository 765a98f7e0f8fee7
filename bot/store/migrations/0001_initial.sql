-- The schema of the first release, which had no version table. IF NOT EXISTS:
-- a file written by that release already has these tables and keeps its rows.
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS unfurl_settings (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,  -- 0: the whole guild
    enabled INTEGER NOT NULL,
    updated_by INTEGER,
    updated_at REAL NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
CREATE TABLE IF NOT EXISTS digest_cache (
    url TEXT NOT NULL,      -- canonical URL of the page
    variant TEXT NOT NULL,  -- the digest options and models, e.g. "sentences=auto;lang=auto;models=3f2a..."
    digest TEXT NOT NULL,   -- JSON
    stored_at REAL NOT NULL,
    PRIMARY KEY (url, variant)
);
