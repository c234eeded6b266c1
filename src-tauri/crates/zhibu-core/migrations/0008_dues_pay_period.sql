-- 党费规定第十二条: "遇到特殊情况，经党支部同意，可以每季度交纳一次党费".
-- How often the member pays under this base: 1 (monthly), 3 (quarterly, the
-- rule's own case) or 6 (half-yearly, where local rules allow it); the
-- branch's consent goes in `approval`.
ALTER TABLE dues_bases ADD COLUMN pay_months INTEGER NOT NULL DEFAULT 1 CHECK (pay_months IN (1, 3, 6));
