-- The scan of a development document is checked against the checksum taken
-- when it was added, as meeting attachments are (a file changed or lost on
-- disk is reported, not shown).
ALTER TABLE dev_documents ADD COLUMN sha256 TEXT
    CHECK (sha256 IS NULL OR length(sha256) = 64);
