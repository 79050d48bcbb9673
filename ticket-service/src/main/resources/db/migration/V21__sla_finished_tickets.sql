-- A RESOLVED or CLOSED ticket asks nothing of anybody (sla/SlaClocks): it has no sla_due_at, so it
-- sorts with the tickets without a running clock (sort=slaDue), and no sla_next_check_at, so the SLA
-- job announces nothing for it. Until now a ticket resolved without a public staff answer kept both
-- from its first-response clock: it stood at the top of "nearest due first" and was announced as
-- breached after it was done. The clocks themselves stay; a reopen computes both again.
UPDATE ticket
   SET sla_due_at = NULL, sla_next_check_at = NULL
 WHERE status IN ('RESOLVED', 'CLOSED')
   AND (sla_due_at IS NOT NULL OR sla_next_check_at IS NOT NULL);
