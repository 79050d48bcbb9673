-- A merged ticket is CLOSED and points at the ticket it was merged into. One hop only: a ticket
-- that others were merged into is never merged itself, so a reader follows this at most once.
ALTER TABLE ticket
    ADD COLUMN merged_into_id uuid REFERENCES ticket (id),
    ADD CONSTRAINT ticket_not_merged_into_itself CHECK (merged_into_id <> id);
