-- Messages the reaction trigger answered: one digest reply per message, however many react, across restarts.
CREATE TABLE reaction_answers (
    message_id INTEGER PRIMARY KEY,
    answered_at REAL NOT NULL
);
