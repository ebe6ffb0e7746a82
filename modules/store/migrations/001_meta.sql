-- The store's own bookkeeping. The commit counter is bumped inside every committed write
-- transaction, so a higher layer can anchor it and notice a database file that was rolled back.
CREATE TABLE mdp_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value
);
INSERT INTO mdp_meta (key, value) VALUES ('commit_counter', 0);
