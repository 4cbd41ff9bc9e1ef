def log = new File(basedir, 'build.log').text
// Run as `mvn migralint:check`: the prefix resolves through the plugin declared in the POM.
assert log.contains("migralint-maven-plugin:${pluginVersion}:check (default-cli) @ config-file")
assert log.contains('(dialect postgresql, fail-on warning, config .migralint.yaml)')
// null-comparison is off in the config file; the warning fails the build because fail-on is warning there.
assert !log.contains('null-comparison')
assert log.contains('[WARNING] src/main/resources/db/migration/V2__index_users_name.sql:2:1: warning[require-concurrent-index] ')
assert log.contains('migralint: 1 finding at or above warning (1 warning); report: target/migralint.sarif')
return true
