-- SyncHire's own: Orleans 10.4.2 has no SQLite reminder script (its ADO.NET reminders have no SQLite dialect), so the
-- embedded single node keeps reminders in this table of the same file, read and written by SqliteReminderTable.cs.
-- Idempotent like the scripts it runs with (one BEGIN IMMEDIATE transaction, see SqliteOrleansSchema.cs).

CREATE TABLE IF NOT EXISTS SyncHireReminders
(
    -- ClusterOptions.ServiceId: a deployment's reminders survive a new cluster id, as with Orleans' own tables.
    ServiceId    TEXT    NOT NULL,
    -- GrainId.ToString(), parsed back with GrainId.Parse.
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    -- UTC ticks and TimeSpan ticks: exact round trips, no text date formats.
    StartAtTicks INTEGER NOT NULL,
    PeriodTicks  INTEGER NOT NULL,
    -- GrainId.GetUniformHashCode(), the position on the ring (0 .. 2^32-1; SQLite integers are 64-bit).
    GrainHash    INTEGER NOT NULL,
    -- A fresh value on every upsert, so an ETag from before a delete and re-insert never matches again.
    ETag         TEXT    NOT NULL,

    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The reminder service of a silo reads the ring range it owns.
CREATE INDEX IF NOT EXISTS IX_SyncHireReminders_GrainHash ON SyncHireReminders (ServiceId, GrainHash);
