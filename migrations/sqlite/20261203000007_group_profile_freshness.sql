-- Freshness for community group profiles, as listings have it: the day the
-- group (or a moderator) last confirmed its public profile, and when its
-- members were last reminded to. Until first confirmed, a profile counts as
-- checked on the day it was approved. Keep in step with the other
-- database's migrations.
ALTER TABLE organisations ADD COLUMN profile_verified TEXT;
ALTER TABLE organisations ADD COLUMN profile_reminded_at TEXT;
