-- Merging duplicates (merge/): when a ticket is merged, the tickets merged into it earlier are
-- re-pointed to its target (no chains). Only merged tickets are in this index, so finding them stays
-- cheap at a million tickets.
CREATE INDEX ticket_merged_into_idx ON ticket (merged_into_id) WHERE merged_into_id IS NOT NULL;
