-- 0013: a 议定事项 may name the member who carries it out (责任人). The
-- 民主评议 sheet lists the items each member owned in the year with how they
-- were carried out; the record and the minutes book print the name. NULL
-- for the items recorded before (and for work the whole branch does).
-- Like the item itself, it is part of the record and locked at 定稿 by the
-- meeting_items triggers of 0003.
ALTER TABLE meeting_items ADD COLUMN owner_id INTEGER REFERENCES members(id) ON DELETE RESTRICT;
CREATE INDEX meeting_items_owner ON meeting_items(owner_id) WHERE owner_id IS NOT NULL;
