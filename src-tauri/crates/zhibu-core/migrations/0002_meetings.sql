-- 0002: meetings (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话): the record,
-- who was expected and who came, votes, attachments, and the 补充说明 that
-- are the only way to change a finalised (定稿) record.

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    kind           TEXT NOT NULL,
    -- 党小组会: the group; other kinds leave it NULL.
    group_id       INTEGER REFERENCES party_groups(id) ON DELETE RESTRICT,
    topic          TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    date           TEXT NOT NULL,
    start_time     TEXT,
    end_time       TEXT,
    place          TEXT,
    host           TEXT,
    recorder       TEXT,
    agenda         TEXT NOT NULL DEFAULT '',
    minutes        TEXT NOT NULL DEFAULT '',
    decisions      TEXT NOT NULL DEFAULT '',
    -- 党课: 授课人 and 题目.
    lecturer       TEXT,
    lecture_title  TEXT,
    -- 主题党日: the kinds of content held (JSON array of labels).
    day_contents   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(day_contents)),
    finalised_at   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_org_date ON meetings(org_id, date);

-- Who was expected (应到), and how each took part. Rows are written from the
-- roll on the meeting date; `can_vote` is that day's voting right.
CREATE TABLE meeting_attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    can_vote    INTEGER NOT NULL CHECK (can_vote IN (0, 1)),
    status      TEXT NOT NULL CHECK (status IN ('出席', '请假', '缺席')),
    reason      TEXT,
    PRIMARY KEY (meeting_id, member_id)
) STRICT;

-- 列席: people present without being expected (by name).
CREATE TABLE meeting_guests (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    note        TEXT
) STRICT;

CREATE TABLE meeting_votes (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    subject          TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    kind             TEXT NOT NULL,
    method           TEXT NOT NULL,
    yes              INTEGER NOT NULL CHECK (yes >= 0),
    no               INTEGER NOT NULL CHECK (no >= 0),
    abstain          INTEGER NOT NULL CHECK (abstain >= 0),
    written_yes      INTEGER NOT NULL DEFAULT 0 CHECK (written_yes >= 0),
    written_no       INTEGER NOT NULL DEFAULT 0 CHECK (written_no >= 0),
    written_abstain  INTEGER NOT NULL DEFAULT 0 CHECK (written_abstain >= 0),
    created_at       TEXT NOT NULL
) STRICT;

-- 主题党日 议定事项 and how each was carried out.
CREATE TABLE meeting_items (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item        TEXT NOT NULL CHECK (length(trim(item)) > 0),
    progress    TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Photos and scans, stored under the data directory (path relative to it).
CREATE TABLE meeting_attachments (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
    file_name   TEXT NOT NULL,
    stored_path TEXT NOT NULL UNIQUE,
    caption     TEXT NOT NULL DEFAULT '',
    bytes       INTEGER NOT NULL CHECK (bytes >= 0),
    sha256      TEXT NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

-- 补充说明: dated, append-only notes on a finalised record.
CREATE TABLE meeting_supplements (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER meeting_supplements_no_update BEFORE UPDATE ON meeting_supplements
BEGIN
    SELECT RAISE(ABORT, '补充说明只能追加，不能修改');
END;
CREATE TRIGGER meeting_supplements_no_delete BEFORE DELETE ON meeting_supplements
BEGIN
    SELECT RAISE(ABORT, '补充说明只能追加，不能删除');
END;

-- A finalised record cannot change through any path, the app's or an SQL tool's.
CREATE TRIGGER meetings_locked BEFORE UPDATE ON meetings
WHEN OLD.finalised_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改；如需更正，请添加补充说明');
END;
CREATE TRIGGER meetings_locked_delete BEFORE DELETE ON meetings
WHEN OLD.finalised_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能删除');
END;
CREATE TRIGGER meeting_attendance_locked_insert BEFORE INSERT ON meeting_attendance
WHEN (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改出席情况；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_attendance_locked_update BEFORE UPDATE ON meeting_attendance
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改出席情况；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_attendance_locked_delete BEFORE DELETE ON meeting_attendance
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改出席情况；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_votes_locked_insert BEFORE INSERT ON meeting_votes
WHEN (SELECT finalised_at FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能再添加表决；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_votes_locked_change BEFORE UPDATE ON meeting_votes
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能修改表决；如需更正，请添加补充说明');
END;
CREATE TRIGGER meeting_votes_locked_delete BEFORE DELETE ON meeting_votes
WHEN (SELECT finalised_at FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, '该会议记录已定稿，不能删除表决；如需更正，请添加补充说明');
END;

-- Search over minutes: trigram FTS finds Chinese substrings of 3+ characters;
-- shorter queries use LIKE on the base table (see tech notes).
CREATE VIRTUAL TABLE meetings_fts USING fts5(
    topic, agenda, minutes, decisions,
    content = 'meetings', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO meetings_fts (rowid, topic, agenda, minutes, decisions)
    VALUES (NEW.id, NEW.topic, NEW.agenda, NEW.minutes, NEW.decisions);
END;
CREATE TRIGGER meetings_fts_update AFTER UPDATE ON meetings BEGIN
    INSERT INTO meetings_fts (meetings_fts, rowid, topic, agenda, minutes, decisions)
    VALUES ('delete', OLD.id, OLD.topic, OLD.agenda, OLD.minutes, OLD.decisions);
    INSERT INTO meetings_fts (rowid, topic, agenda, minutes, decisions)
    VALUES (NEW.id, NEW.topic, NEW.agenda, NEW.minutes, NEW.decisions);
END;
CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO meetings_fts (meetings_fts, rowid, topic, agenda, minutes, decisions)
    VALUES ('delete', OLD.id, OLD.topic, OLD.agenda, OLD.minutes, OLD.decisions);
END;
