-- A version may hold regression case files beside its rule files (in ruleset_file, byte for byte). Each version
-- records the version it was compared with and, per case name, how the expectations changed against it.
alter table ruleset add column base_version integer references ruleset (version);
alter table ruleset add column expectations_changed jsonb not null default '{}';
