import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/resources/db/migration/V1__create_orders.sql:1:14: error[no-legacy-tables] The name starts with legacy_')
assert log.contains('migralint: 1 finding at or above error (1 error)')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/migralint.sarif'))
def rules = sarif.runs[0].tool.driver.rules
def result = sarif.runs[0].results.find { it.ruleId == 'no-legacy-tables' }
assert result != null
assert rules[result.ruleIndex].id == 'no-legacy-tables'
// The built-in rules are still there.
assert rules*.id.contains('null-comparison')
return true
