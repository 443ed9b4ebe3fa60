-- Mirrors Orleans 10.4.2's PostgreSQL-Main.sql (src/AdoNet/Shared), made idempotent: SyncHire runs it at every silo
-- start, inside one transaction holding an advisory lock (see PostgresOrleansSchema.cs).

-- Orleans' ADO.NET providers read every statement they issue from this table, by key
-- ("SELECT QueryKey, QueryText FROM OrleansQuery"); the other scripts fill it.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY(QueryKey)
);
