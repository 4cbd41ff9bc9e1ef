def log = new File(basedir, 'build.log').text
def configFile = new File(basedir, '.migralint.yaml').canonicalFile
assert log =~ /migralint: \S*\.migralint\.yaml:2:1: unknown key 'failOn' \(known keys: [^)]*fail-on[^)]*\)/
assert !new File(basedir, 'target/migralint.sarif').exists()
assert log.contains('BUILD FAILURE')
return true
