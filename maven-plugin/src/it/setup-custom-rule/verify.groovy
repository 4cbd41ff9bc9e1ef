def jar = new File(basedir, 'target/custom-rule-1.0.jar')
assert jar.isFile() : "the rule jar was not built: $jar"
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('META-INF/services/dev.migralint.core.rule.Rule')
assert entries.contains('it/rules/NoLegacyTables.class')
return true
