-- The change log's permanent triggers (server/workers/changes.ts says who reads it and why).
-- One row per worker a write may have changed, written inside the writing transaction. Raw SQL:
-- drizzle's schema has no triggers. Times in milliseconds since 1970, like every other column.
CREATE TRIGGER change_log_quote_insert AFTER INSERT ON quotes
BEGIN
  INSERT INTO change_log (worker_id, at) VALUES (NEW.worker_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER change_log_quote_update AFTER UPDATE OF worker_id, unpublished_at, nomination_id ON quotes
BEGIN
  INSERT INTO change_log (worker_id, at)
    SELECT OLD.worker_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
    UNION SELECT NEW.worker_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER);
END;
--> statement-breakpoint
CREATE TRIGGER change_log_quote_delete AFTER DELETE ON quotes
BEGIN
  INSERT INTO change_log (worker_id, at) VALUES (OLD.worker_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER change_log_worker_update AFTER UPDATE OF name, slug, team, status, area_id, display, updated_at ON workers
BEGIN
  INSERT INTO change_log (worker_id, at) VALUES (NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER change_log_worker_delete AFTER DELETE ON workers
BEGIN
  INSERT INTO change_log (worker_id, at) VALUES (OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER change_log_nomination_update AFTER UPDATE OF submitted_at, qualities, still_involved ON nominations
BEGIN
  INSERT INTO change_log (worker_id, at)
    SELECT worker_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM quotes WHERE nomination_id = NEW.id;
END;
