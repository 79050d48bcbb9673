-- Agents can be deactivated (and reactivated) by an admin.
ALTER TABLE account DROP CONSTRAINT account_status_check;
ALTER TABLE account ADD CONSTRAINT account_status_check
    CHECK (status IN ('ACTIVE', 'PENDING', 'APPROVED', 'REJECTED', 'DEACTIVATED'));

-- Tokens issued at or before this instant are refused by every service (GET /internal/revocations).
-- Set at deactivation and kept after a reactivation.
ALTER TABLE account ADD COLUMN tokens_valid_after timestamptz;
CREATE INDEX account_tokens_valid_after_idx ON account (tokens_valid_after) WHERE tokens_valid_after IS NOT NULL;

-- Sign-in throttling moved from the account row to memory, per (email, client address):
-- failed_logins and locked_until are no longer read or written. They stay until the next
-- migration, so replicas of the previous version keep working during a rolling update.
COMMENT ON COLUMN account.failed_logins IS 'unused since V2; to be dropped';
COMMENT ON COLUMN account.locked_until IS 'unused since V2; to be dropped';
