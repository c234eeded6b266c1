-- 公示: steps 7 (确定发展对象) and 13 (上级党委预审) record when the
-- person was announced for comment; how long it must run is a branch
-- setting (5 working days or 7 days locally; the 细则 sets no length).
ALTER TABLE dev_steps ADD COLUMN publicity_from TEXT;
ALTER TABLE dev_steps ADD COLUMN publicity_to TEXT;
