-- Account lifecycle, version 7: accounts can be disabled (and enabled again) and deleted.
-- Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 17.

-- A disabled account cannot sign in and its tokens stop working; enabling it again restores both
-- (tokens that did not expire meanwhile). A deleted account is kept as a row, so that its name stays
-- taken (history and audit rows name it) and no newcomer inherits its past; its tokens are revoked,
-- its memberships removed and its password hash replaced by one that matches nothing.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
