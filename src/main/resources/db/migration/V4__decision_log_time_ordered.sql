-- Indexes the decision log's writes keep in order. Random keys touch a different index page on every insert, and
-- after each checkpoint every such page goes into the WAL whole: several KiB per decision that the commit waits for.
-- Decision ids are time-ordered now (UUID version 7), so the primary key grows at its right edge. Nothing reads the
-- log by account, and replay reads the newest decisions: an index on created_at serves it and also grows in order.
drop index decision_account_idx;
create index decision_created_at_idx on decision (created_at);
