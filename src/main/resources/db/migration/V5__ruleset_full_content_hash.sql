-- A version's content hash is the full SHA-256 (64 hex digits), as a file's is: the hash of each file's name and
-- bytes in name order, each followed by a zero byte. Versions stored with the first 16 digits get the full hash.
update ruleset r
set sha256 = coalesce((
    select encode(sha256(string_agg(convert_to(f.name, 'UTF8') || '\x00'::bytea || f.content || '\x00'::bytea,
                                    ''::bytea order by f.name collate "C")), 'hex')
    from ruleset_file f
    where f.version = r.version), encode(sha256(''::bytea), 'hex'));
