-- 0010: the branch the first-run screen loads as a demo is marked, so the
-- window can say "示例支部" for as long as it is open (its people and records
-- are made up and must never be taken for a real branch's).
ALTER TABLE organisations ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
