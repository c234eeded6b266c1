-- 0011: the 工作台 (start page) lists what is due; the clerk may put an item
-- aside with a reason (暂缓: "已口头提醒，本人下周回村交"). A snooze is
-- kept as written — the item stays on the list, greyed, with the reason
-- beside it — so nothing due is hidden from an inspector. Item keys carry
-- their period (a month, a step, a level of arrears), so a snooze ends by
-- itself when the next one comes due.
CREATE TABLE todo_snoozes (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    item_key    TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 200),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    snoozed_at  TEXT NOT NULL,
    UNIQUE (org_id, item_key)
) STRICT;
CREATE TRIGGER todo_snoozes_no_update BEFORE UPDATE ON todo_snoozes
BEGIN
    SELECT RAISE(ABORT, '暂缓的记录只能追加，不能修改');
END;
CREATE TRIGGER todo_snoozes_no_delete BEFORE DELETE ON todo_snoozes
BEGIN
    SELECT RAISE(ABORT, '暂缓的记录只能追加，不能删除');
END;
