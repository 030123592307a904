-- Every decision writes a log row, so what the database does per row decides throughput (bench/e2e.sh).
-- The request and the response are kept as the exact text received and answered (json, checked but not rebuilt):
-- jsonb parsing and key sorting of both cost more than the rest of the insert, and a repeated requestId is
-- answered with the very same text. offers and suppressed stay jsonb: they are queried.
alter table decision alter column request type json using request::json,
                     alter column response type json using response::json;

-- pglz compression of the larger rows cost about a tenth of the database's CPU; lz4 is several times cheaper.
-- A server built without lz4 keeps pglz.
do $$
begin
    alter table decision alter column request set compression lz4,
                         alter column offers set compression lz4,
                         alter column suppressed set compression lz4,
                         alter column response set compression lz4;
exception
    when feature_not_supported then
        raise notice 'this PostgreSQL has no lz4: the decision log keeps pglz compression';
end
$$;
