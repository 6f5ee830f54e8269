-- H2 only (Database adds this folder to Flyway's locations on H2). Version 10.1.
--
-- Every save writes an audit row, and audit_log.seq is an identity column. H2 hands out identity values from
-- a cache of 32 and, each time the cache runs out, writes the sequence's new state with a commit of its own in
-- the middle of the writer's group (JFR: 4 % of the server's CPU in `bench server`, 11 % of the writer thread).
-- A larger cache makes that 128 times rarer. Values stay increasing in H2 (one process, one sequence); a crash
-- leaves a gap, which the audit log allows (seq orders entries, nothing counts on it being dense). PostgreSQL
-- keeps its default: there a cache is per session, and entries of different connections would interleave.
ALTER TABLE audit_log ALTER COLUMN seq SET CACHE 4096;
