-- 0012: attendance looked up by member. The participation check (党章第九条's
-- six months) and the 工作台 read each member's recent meetings; without this
-- index every lookup walked the whole branch's attendance (200 members with
-- five years of records: 51 ms of the 工作台's ~100 ms). Deleting a member
-- (ON DELETE RESTRICT) checks this column too.
CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id);
