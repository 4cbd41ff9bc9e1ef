import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('migralint: linting src/main/resources/db/migration, src/main/resources/db/changelog (dialect postgresql, fail-on error)')
assert log.contains('migralint: no problems found in 3 files')
assert log.contains('BUILD SUCCESS')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/migralint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].tool.driver.name == 'migralint'
assert sarif.runs[0].results == []
return true
