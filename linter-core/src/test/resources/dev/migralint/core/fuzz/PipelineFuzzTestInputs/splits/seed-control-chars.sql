CREATE INDEX "x
::error file=f.sql,line=1::F[2J" ON users (email);