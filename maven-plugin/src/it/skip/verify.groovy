def log = new File(basedir, 'build.log').text
assert log.contains('migralint: skipped (migralint.skip)')
assert !log.contains('null-comparison')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/migralint.sarif').exists()
return true
