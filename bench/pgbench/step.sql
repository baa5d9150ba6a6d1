-- One engine step as pgbench sees it: update one instance's ~1.6 KB jsonb state (a random row)
-- and append one history row, in one transaction. Needs -D rows=N (the number of instances).
\set id random(1, :rows)
\set step random(1, 1000000)
BEGIN;
UPDATE bench_instance
   SET state = jsonb_set(jsonb_set(state, '{variables,step}', to_jsonb(:step::int)),
                         '{tokens,0,elementId}', '"Task_ApproveTown"'),
       version = version + 1,
       updated_at = now()
 WHERE id = :id::bigint;
INSERT INTO bench_history (instance_id, event)
VALUES (:id::bigint, jsonb_build_object('type', 'TaskCompleted', 'elementId', 'Task_Verify',
                                'step', :step::int, 'by', 'reviewer-' || :client_id::int));
END;
