-- 不计入应到会人数: with the higher committee's consent a 支部党员大会 may
-- leave out of 应到 some who cannot attend (因病不能表达本人意志, 出国半年以上,
-- 正在服刑, 外出半年以上未转组织关系 …). The reason and the consent are kept
-- on the attendance row and printed with the minutes. NULL: counted.
ALTER TABLE meeting_attendance ADD COLUMN excluded_reason TEXT;
ALTER TABLE meeting_attendance ADD COLUMN excluded_consent TEXT;
