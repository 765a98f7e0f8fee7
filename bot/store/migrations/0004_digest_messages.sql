-- What each digest message was made from, so its Refresh and Longer buttons work after a restart.
CREATE TABLE digest_messages (
    message_id INTEGER PRIMARY KEY,  -- the bot's message carrying the digest
    kind TEXT NOT NULL,              -- "link", "text" or "file"
    value TEXT NOT NULL,             -- the link, or the text itself
    label TEXT NOT NULL,
    file_kind TEXT,
    stored_at REAL NOT NULL,
    refreshed_at REAL                -- the last Refresh, for its once-a-minute limit
);
