-- Mirrors Orleans 10.4.2's Sqlite-Main.sql (src/AdoNet/Shared), made idempotent: SyncHire runs it at every silo
-- start, inside one BEGIN IMMEDIATE transaction (see SqliteOrleansSchema.cs).

-- Orleans' ADO.NET grain storage reads its statements from this table, by key.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
);
