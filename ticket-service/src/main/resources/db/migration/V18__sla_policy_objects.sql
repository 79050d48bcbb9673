-- SLA policies written through the API before this version were stored as one JSON string holding the
-- document (a String bound to a jsonb parameter), which a service reading them back could not parse:
-- after a restart every ticket creation failed with 500 once an admin had changed the policy. Store
-- each as the object it holds.
UPDATE sla_policy SET policy = (policy #>> '{}')::jsonb WHERE jsonb_typeof(policy) = 'string';
