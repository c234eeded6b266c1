-- 0001: organisations, committees, 党小组, members and their append-only history.
-- Enumerated values are stored as the Chinese labels the rules use, so the file
-- stays readable to anyone who opens it with an SQLite tool.

CREATE TABLE app_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    level       TEXT NOT NULL CHECK (level IN ('党委', '党总支', '党支部')),
    kind        TEXT NOT NULL CHECK (kind IN ('农村', '社区', '企业', '机关', '事业单位', '学校', '两新组织', '其他')),
    -- The branch committee's current term: the day it was elected and its length.
    term_start  TEXT,
    term_years  INTEGER CHECK (term_years BETWEEN 1 AND 5),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX organisations_parent ON organisations(parent_id);

CREATE TABLE party_groups (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    leader_name      TEXT,
    sort_order       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
) STRICT;

CREATE TABLE members (
    id                      INTEGER PRIMARY KEY,
    -- The branch whose roster holds this person (their latest one).
    org_id                  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    name                    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Pinyin initials of the name (王建国 → WJG), for search as clerks type it.
    name_initials           TEXT NOT NULL DEFAULT '',
    sex                     TEXT NOT NULL CHECK (sex IN ('男', '女')),
    ethnicity               TEXT NOT NULL DEFAULT '汉族',
    birth_date              TEXT NOT NULL,
    id_number               TEXT NOT NULL UNIQUE,
    education               TEXT,
    category                TEXT,
    work_unit               TEXT,
    phone                   TEXT,
    residence               TEXT,
    household_reg           TEXT,
    group_id                INTEGER REFERENCES party_groups(id) ON DELETE SET NULL,
    party_post              TEXT,
    is_migrant_worker       INTEGER NOT NULL DEFAULT 0 CHECK (is_migrant_worker IN (0, 1)),
    new_social_stratum      TEXT,
    -- Correction of the computed 党龄 for historical records (months, signed).
    party_age_adjust_months INTEGER NOT NULL DEFAULT 0,
    note                    TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX members_org ON members(org_id);

-- Every change of a member's status is a dated row here; rows are never
-- updated or deleted (triggers below). A member's state on any day is derived
-- from the rows dated on or before it.
CREATE TABLE member_events (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    -- The branch the event concerns; NULL when it happened in an organisation
    -- outside this database (e.g. the 入党 of someone who transferred in).
    org_id      INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    kind        TEXT NOT NULL,
    subkind     TEXT,
    date        TEXT NOT NULL,
    other_org   TEXT,
    reason      TEXT,
    doc_no      TEXT,
    -- 延长预备期: the day the extended 预备期 ends.
    until_date  TEXT,
    -- 更正: the earlier row this one corrects (its date becomes this row's date).
    corrects_id INTEGER REFERENCES member_events(id) ON DELETE RESTRICT,
    details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX member_events_member ON member_events(member_id, date);
CREATE INDEX member_events_org ON member_events(org_id, date);

CREATE TRIGGER member_events_no_update BEFORE UPDATE ON member_events
BEGIN
    SELECT RAISE(ABORT, '党员历史记录只能追加，不能修改');
END;
CREATE TRIGGER member_events_no_delete BEFORE DELETE ON member_events
BEGIN
    SELECT RAISE(ABORT, '党员历史记录只能追加，不能删除');
END;

-- Earlier committees, archived when a new election (换届) is recorded, so
-- the branch can always show who served in which term.
CREATE TABLE committee_terms (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    term_start  TEXT,
    term_years  INTEGER,
    -- [{"name": …, "position": …}] in the order they were listed.
    committee   TEXT NOT NULL CHECK (json_valid(committee)),
    archived_at TEXT NOT NULL
) STRICT;

CREATE TABLE committee_members (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    member_id   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position    TEXT NOT NULL CHECK (length(trim(position)) > 0),
    sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX committee_members_org ON committee_members(org_id);
