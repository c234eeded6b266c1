-- 0004: 党费. Money is integer 分 everywhere; months are 'YYYY-MM' text.
-- Every table here is a ledger: rows are appended, never updated or deleted.
-- A mistake is put right by a new row (a later base, a reversing payment),
-- so what an inspector reads is what happened, in the order it happened.

-- Each member's 党费 category and base, with the month it takes effect.
-- The row with the latest `effective` on or before a month applies to it
-- (ties: the later row, which is how a base is corrected).
CREATE TABLE dues_bases (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    effective      TEXT NOT NULL CHECK (effective GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    category       TEXT NOT NULL CHECK (category IN ('在职', '年薪制', '个体经营等不按月取得收入', '离退休',
                       '农民', '学生', '下岗失业', '依靠抚恤或救济生活', '领取最低生活保障金',
                       '经批准少交', '经批准免交')),
    -- The monthly base for the categories that pay a percentage.
    base_fen       INTEGER CHECK (base_fen IS NULL OR base_fen >= 0),
    -- The approved amount for 经批准少交.
    fixed_fen      INTEGER CHECK (fixed_fen IS NULL OR fixed_fen >= 0),
    -- A 流动党员 paying to the organisation where they are (党费规定 第九条).
    pays_elsewhere INTEGER NOT NULL DEFAULT 0 CHECK (pays_elsewhere IN (0, 1)),
    -- 经批准少交/免交: the approval (document number or meeting).
    approval       TEXT,
    note           TEXT,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX dues_bases_member ON dues_bases(member_id, effective);

CREATE TRIGGER dues_bases_no_update BEFORE UPDATE ON dues_bases
BEGIN
    SELECT RAISE(ABORT, '党费基数记录只能追加，不能修改');
END;
CREATE TRIGGER dues_bases_no_delete BEFORE DELETE ON dues_bases
BEGIN
    SELECT RAISE(ABORT, '党费基数记录只能追加，不能删除');
END;

-- Months whose cash book is closed (结账), with the figures at closing time.
CREATE TABLE dues_closed_months (
    org_id        INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    month         TEXT NOT NULL,
    closed_at     TEXT NOT NULL,
    members_due   INTEGER NOT NULL,
    members_paid  INTEGER NOT NULL,
    due_fen       INTEGER NOT NULL,
    received_fen  INTEGER NOT NULL,
    PRIMARY KEY (org_id, month)
) STRICT;

CREATE TRIGGER dues_closed_no_update BEFORE UPDATE ON dues_closed_months
BEGIN
    SELECT RAISE(ABORT, '已结账的月份不能修改');
END;
CREATE TRIGGER dues_closed_no_delete BEFORE DELETE ON dues_closed_months
BEGIN
    SELECT RAISE(ABORT, '已结账的月份不能撤销');
END;

-- One row per sum handed over. `ledger_month` is the month of `paid_on`:
-- the cash book the money belongs to, which must be open.
CREATE TABLE dues_payments (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    paid_on      TEXT NOT NULL,
    ledger_month TEXT NOT NULL,
    -- The part that pays months (the sum of the allocations below).
    dues_fen     INTEGER NOT NULL,
    -- 自愿多交 (党费规定 第十一条); 1000元 or more in one payment is 大额党费.
    extra_fen    INTEGER NOT NULL DEFAULT 0,
    method       TEXT NOT NULL CHECK (method IN ('现金', '转账', '微信', '其他')),
    -- Who handed it over when not the member (代交, 党费规定 第十二条).
    paid_by      TEXT,
    receipt_no   TEXT,
    -- The branch's approval of a 补交/预交 outside the usual window.
    approval     TEXT,
    -- A correction reverses one earlier payment, with a reason.
    reverses_id  INTEGER UNIQUE REFERENCES dues_payments(id) ON DELETE RESTRICT,
    reason       TEXT,
    note         TEXT,
    created_at   TEXT NOT NULL,
    CHECK ((reverses_id IS NULL AND dues_fen >= 0 AND extra_fen >= 0)
        OR (reverses_id IS NOT NULL AND dues_fen <= 0 AND extra_fen <= 0 AND length(trim(reason)) > 0))
) STRICT;
CREATE INDEX dues_payments_member ON dues_payments(member_id);
CREATE INDEX dues_payments_ledger ON dues_payments(org_id, ledger_month);

CREATE TABLE dues_allocations (
    payment_id INTEGER NOT NULL REFERENCES dues_payments(id) ON DELETE RESTRICT,
    month      TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (payment_id, month)
) STRICT;

CREATE TRIGGER dues_payments_open_month BEFORE INSERT ON dues_payments
WHEN EXISTS (SELECT 1 FROM dues_closed_months c
             WHERE c.org_id = NEW.org_id AND c.month = NEW.ledger_month)
BEGIN
    SELECT RAISE(ABORT, '该月已结账，不能再记入收款');
END;
CREATE TRIGGER dues_payments_no_update BEFORE UPDATE ON dues_payments
BEGIN
    SELECT RAISE(ABORT, '党费收款记录不能修改，如有错误请做冲正');
END;
CREATE TRIGGER dues_payments_no_delete BEFORE DELETE ON dues_payments
BEGIN
    SELECT RAISE(ABORT, '党费收款记录不能删除，如有错误请做冲正');
END;
CREATE TRIGGER dues_allocations_no_update BEFORE UPDATE ON dues_allocations
BEGIN
    SELECT RAISE(ABORT, '党费收款记录不能修改，如有错误请做冲正');
END;
CREATE TRIGGER dues_allocations_no_delete BEFORE DELETE ON dues_allocations
BEGIN
    SELECT RAISE(ABORT, '党费收款记录不能删除，如有错误请做冲正');
END;

-- 上缴: money sent to the higher committee for a period of months.
-- `large` marks 大额党费 sent on to 中央 (党费规定 第十一条).
CREATE TABLE dues_remittances (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    remitted_on  TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL CHECK (period_end >= period_start),
    amount_fen   INTEGER NOT NULL,
    large        INTEGER NOT NULL DEFAULT 0 CHECK (large IN (0, 1)),
    receipt_no   TEXT,
    note         TEXT,
    reverses_id  INTEGER UNIQUE REFERENCES dues_remittances(id) ON DELETE RESTRICT,
    reason       TEXT,
    created_at   TEXT NOT NULL,
    CHECK ((reverses_id IS NULL AND amount_fen > 0)
        OR (reverses_id IS NOT NULL AND amount_fen < 0 AND length(trim(reason)) > 0))
) STRICT;
CREATE INDEX dues_remittances_org ON dues_remittances(org_id, period_start);

CREATE TRIGGER dues_remittances_no_update BEFORE UPDATE ON dues_remittances
BEGIN
    SELECT RAISE(ABORT, '上缴记录不能修改，如有错误请做冲正');
END;
CREATE TRIGGER dues_remittances_no_delete BEFORE DELETE ON dues_remittances
BEGIN
    SELECT RAISE(ABORT, '上缴记录不能删除，如有错误请做冲正');
END;
