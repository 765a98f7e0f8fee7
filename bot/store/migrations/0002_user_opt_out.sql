-- Members who asked the bot to leave their messages alone (`/digest me off`), in every server.
CREATE TABLE user_opt_out (
    user_id INTEGER PRIMARY KEY,
    opted_out_at REAL NOT NULL
);
