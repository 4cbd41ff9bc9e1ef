import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// -Dmigralint.migrations (a comma-separated list) replaces the default folders; queries come from the POM.
assert log.contains('migralint: linting sql/schema, sql/more, sql/queries (dialect postgresql, fail-on info)')
assert !log.contains('V1__not_linted.sql')
assert log.contains('[INFO] sql/queries/user_by_id.sql:1:8: info[select-star] ')
assert log.contains('migralint: 1 finding at or above info (1 info); reports: target/migralint.sarif, target/reports/lint.json')

def json = new JsonSlurper().parse(new File(basedir, 'target/reports/lint.json'))
def findings = json.findings
assert findings.size() == 1
assert findings[0].ruleId == 'select-star'
assert findings[0].file == 'sql/queries/user_by_id.sql'
assert new File(basedir, 'target/migralint.sarif').isFile()
return true
