-- 0003: the parts of a meeting record 0002 stored but did not yet lock or
-- date: 列席 and 议定事项 follow the record's 定稿 lock; the 落实情况 of a
-- 议定事项 becomes a dated, append-only log (it happens after the meeting);
-- an attachment of a finalised record can be added (a scanned sign-in sheet
-- comes later) but never removed.

ALTER TABLE meeting_items DROP COLUMN progress;

CREATE TABLE meeting_item_progress (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES meeting_items(id) ON DELETE RESTRICT,
    date        TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_item_progress_item ON meeting_item_progress(item_id);

CREATE TRIGGER meeting_item_progress_no_update BEFORE UPDATE ON meeting_item_progress
BEGIN
    SELECT RAISE(ABORT, '落实情况只能追加，不能修改');
END;
CREATE TRIGGER meeting_item_progress_no_delete BEFORE DELETE ON meeting_item_progress
BEGIN
    SELECT RAISE(ABORT, '落实情况只能追加，不能删除');
END;

CREATE TRIGGER meeting_guests_locked_insert BEFORE INSERT ON meeting_guests
WHEN (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改列席人员；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_guests_locked_change BEFORE UPDATE ON meeting_guests
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改列席人员；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_guests_locked_delete BEFORE DELETE ON meeting_guests
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改列席人员；如需更正，请添加补充说明');
END;

CREATE TRIGGER meeting_items_locked_insert BEFORE INSERT ON meeting_items
WHEN (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改议定事项；落实情况请在事项下登记');
END;
CREATE TRIGGER meeting_items_locked_change BEFORE UPDATE ON meeting_items
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改议定事项；落实情况请在事项下登记');
END;
CREATE TRIGGER meeting_items_locked_delete BEFORE DELETE ON meeting_items
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改议定事项；落实情况请在事项下登记');
END;

CREATE TRIGGER meeting_attachments_locked_delete BEFORE DELETE ON meeting_attachments
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，附件只能添加，不能删除');
END;
CREATE TRIGGER meeting_attachments_no_update BEFORE UPDATE ON meeting_attachments
BEGIN
    SELECT RAISE(ABORT, '附件登记后不能修改；如需更换，请在定稿前删除后重新添加');
END;
