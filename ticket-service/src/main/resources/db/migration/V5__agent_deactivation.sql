-- An admin can deactivate an approved agent (and reactivate them): the read model keeps them,
-- with their name for old tickets, but no longer as an assignee.
ALTER TABLE agent DROP CONSTRAINT agent_status_check;
ALTER TABLE agent ADD CONSTRAINT agent_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'DEACTIVATED'));
