-- Test only (PlatformMigrationsTest): a platform migration added after a release, its version below the
-- service's own; before the platform had a history of its own, Flyway refused it as out of order.
create table platform_upgrade_probe (id integer);
