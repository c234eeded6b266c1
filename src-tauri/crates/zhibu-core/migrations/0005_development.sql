-- 0005: 发展党员. The people a branch is developing (not yet members) and
-- what was done at each of the 25 steps of the 发展党员工作细则, with the
-- people involved and the documents each step leaves behind. A person's
-- stage is derived from the steps recorded, never stored.

CREATE TABLE dev_people (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    id_number     TEXT NOT NULL UNIQUE,
    -- The identity and profile as the roster form has them (JSON of
    -- MemberProfile, checked the same way), carried into the roster at 接收.
    profile       TEXT NOT NULL CHECK (json_valid(profile)),
    -- The roster entry made when the 上级党委 approved the 接收.
    member_id     INTEGER UNIQUE REFERENCES members(id) ON DELETE RESTRICT,
    -- The development ended before 转正 (取消积极分子资格, 撤回申请, 调离 …).
    closed_on     TEXT,
    closed_reason TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((closed_on IS NULL) = (closed_reason IS NULL))
) STRICT;
CREATE INDEX dev_people_org ON dev_people(org_id);

-- One row per step taken. Steps 6 and 21 (考察) repeat; 22–24 repeat once
-- after a 延长预备期. A row is never deleted: one entered by mistake is
-- withdrawn with a reason and stays visible.
CREATE TABLE dev_steps (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES dev_people(id) ON DELETE RESTRICT,
    step             INTEGER NOT NULL CHECK (step BETWEEN 1 AND 25),
    date             TEXT NOT NULL,
    -- Steps 23/24: 按期转正, 延长预备期 or 取消预备党员资格.
    outcome          TEXT CHECK (outcome IS NULL OR outcome IN ('按期转正', '延长预备期', '取消预备党员资格')),
    -- 延长预备期: how many months (6–12).
    extend_months    INTEGER CHECK (extend_months IS NULL OR extend_months BETWEEN 1 AND 24),
    -- Step 11 集中培训: days and 学时.
    training_days    INTEGER CHECK (training_days IS NULL OR training_days >= 0),
    training_hours   INTEGER CHECK (training_hours IS NULL OR training_hours >= 0),
    -- Steps 15 and 23: the vote of the 支部党员大会 (meetings).
    vote_id          INTEGER REFERENCES meeting_votes(id) ON DELETE RESTRICT,
    note             TEXT,
    -- A rule this step breaks, recorded knowingly, and why.
    override_reason  TEXT,
    withdrawn_at     TEXT,
    withdrawn_reason TEXT,
    created_at       TEXT NOT NULL,
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
) STRICT;
CREATE INDEX dev_steps_person ON dev_steps(person_id, step);

-- The people a step involved: 谈话人, 培养联系人, 入党介绍人 … from the roster.
CREATE TABLE dev_step_people (
    step_id   INTEGER NOT NULL REFERENCES dev_steps(id) ON DELETE RESTRICT,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    role      TEXT NOT NULL CHECK (role IN ('谈话人', '培养联系人', '入党介绍人')),
    PRIMARY KEY (step_id, member_id, role)
) STRICT;

-- The documents a step left behind, ticked off, with a scan where there is one
-- (stored under the data directory, path relative to it).
CREATE TABLE dev_documents (
    id            INTEGER PRIMARY KEY,
    step_id       INTEGER NOT NULL REFERENCES dev_steps(id) ON DELETE RESTRICT,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    file_path     TEXT,
    original_name TEXT,
    mime          TEXT,
    size          INTEGER,
    added_at      TEXT NOT NULL,
    UNIQUE (step_id, name)
) STRICT;

-- Only a withdrawal may change a step, once; nothing is deleted.
CREATE TRIGGER dev_steps_only_withdrawn BEFORE UPDATE ON dev_steps
WHEN OLD.withdrawn_at IS NOT NULL
  OR NEW.withdrawn_at IS NULL
  OR NEW.step IS NOT OLD.step OR NEW.date IS NOT OLD.date OR NEW.person_id IS NOT OLD.person_id
  OR NEW.outcome IS NOT OLD.outcome OR NEW.vote_id IS NOT OLD.vote_id
  OR NEW.override_reason IS NOT OLD.override_reason OR NEW.note IS NOT OLD.note
BEGIN
    SELECT RAISE(ABORT, '发展党员的步骤记录不能修改；登记错了请撤销该步骤（写明原因）后重新登记');
END;
CREATE TRIGGER dev_steps_no_delete BEFORE DELETE ON dev_steps
BEGIN
    SELECT RAISE(ABORT, '发展党员的步骤记录不能删除；登记错了请撤销该步骤（写明原因）');
END;
