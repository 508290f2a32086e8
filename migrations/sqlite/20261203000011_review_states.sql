-- One set of review states for everything that waits for review (listing
-- changes, group profile proposals, story drafts): pending, accepted,
-- changes_requested, rejected, superseded. Group proposals said 'approved'
-- and story drafts 'published' for what listing changes call 'accepted'.
-- Keep in step with the other database's migrations.
UPDATE group_profile_proposals SET state = 'accepted' WHERE state = 'approved';
UPDATE story_drafts SET state = 'accepted' WHERE state = 'published';
