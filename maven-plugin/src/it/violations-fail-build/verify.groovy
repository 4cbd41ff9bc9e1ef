import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def migration = 'src/main/resources/db/migration'
// Each finding at the log level of its severity, path relative to the project, line and column of its start.
assert log.contains("[ERROR] $migration/V3__remove_nameless_users.sql:2:30: error[null-comparison] ")
assert log.contains("[WARNING] $migration/V2__index_users_name.sql:2:1: warning[require-concurrent-index] ")
assert log.contains('  help: Use name IS NULL')
assert log.contains('migralint: 1 error, 1 warning in 3 files')
assert log.contains('migralint: 1 finding at or above error (1 error); report: target/migralint.sarif')
assert log.contains('BUILD FAILURE')

// The sample output in docs/maven-plugin.md is this build's: its finding and help lines are all here.
def sample = new File(pluginDoc).readLines().findAll { it ==~ /\[(ERROR|WARNING)\] src\/.*|  help: .*/ }
assert sample.size() == 4
sample.each { assert log.contains(it) : "docs/maven-plugin.md shows a line this build did not print: $it" }

def sarif = new JsonSlurper().parse(new File(basedir, 'target/migralint.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
def rules = run.tool.driver.rules
def results = run.results
assert results*.ruleId as Set == ['null-comparison', 'require-concurrent-index'] as Set
results.each { r ->
    assert rules[r.ruleIndex].id == r.ruleId
    def loc = r.locations[0].physicalLocation
    assert loc.artifactLocation.uriBaseId == '%SRCROOT%'
    assert loc.artifactLocation.uri.startsWith(migration + '/')
}
def nullComparison = results.find { it.ruleId == 'null-comparison' }
assert nullComparison.level == 'error'
assert nullComparison.locations[0].physicalLocation.region.startLine == 2
assert nullComparison.locations[0].physicalLocation.region.startColumn == 30
assert results.find { it.ruleId == 'require-concurrent-index' }.level == 'warning'
return true
