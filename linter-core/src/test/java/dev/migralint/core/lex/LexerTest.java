package dev.migralint.core.lex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LexerTest {

    static LexResult lex(String text, Dialect dialect) {
        LexResult result = Lexer.lex(text, LexOptions.of(dialect));
        assertCoversText(text, result);
        return result;
    }

    /** "KIND text" per token, the text taken from the original. */
    static List<String> render(String text, LexResult result) {
        return result.tokens().stream().map(t -> t.kind() + " " + t.text(text)).toList();
    }

    static List<String> pg(String text) {
        return render(text, lex(text, Dialect.POSTGRESQL));
    }

    static List<String> mysql(String text) {
        return render(text, lex(text, Dialect.MYSQL));
    }

    /** Tokens are in order, don't overlap, and leave only whitespace between them. */
    static void assertCoversText(String text, LexResult result) {
        String masked = result.maskedText();
        assertThat(masked).hasSameSizeAs(text);
        int at = 0;
        for (Token t : result.tokens()) {
            assertThat(t.start()).as("token %s starts after the previous one", t).isGreaterThanOrEqualTo(at);
            assertThat(blank(masked.substring(at, t.start()))).as("gap before %s", t).isTrue();
            assertThat(t.end()).isGreaterThan(t.start());
            at = t.end();
        }
        assertThat(blank(masked.substring(at))).as("text after the last token").isTrue();
    }

    private static boolean blank(String s) {
        return s.replace("\uFEFF", "").isBlank();
    }

    @Test
    void wordsNumbersOperatorsAndDelimitersCarryAbsoluteOffsets() {
        String text = "SELECT a1, 3.5e-2 FROM t WHERE x::int >= .5;";
        LexResult r = lex(text, Dialect.POSTGRESQL);
        assertThat(render(text, r)).containsExactly(
                "WORD SELECT", "WORD a1", "OPERATOR ,", "NUMBER 3.5e-2", "WORD FROM", "WORD t", "WORD WHERE",
                "WORD x", "OPERATOR ::", "WORD int", "OPERATOR >=", "NUMBER .5", "DELIMITER ;");
        assertThat(r.tokens().get(3)).isEqualTo(new Token(TokenKind.NUMBER, 11, 17));
        assertThat(r.problems()).isEmpty();
        assertThat(r.maskedText()).isSameAs(text);
    }

    @Test
    void numbersInHexAndWithUnderscores() {
        assertThat(pg("0x1F 1_000_000 42")).containsExactly("NUMBER 0x1F", "NUMBER 1_000_000", "NUMBER 42");
    }

    @Nested
    class Comments {
        @Test
        void lineCommentEndsBeforeTheLineBreak() {
            assertThat(pg("a -- note ; not a delimiter\nb")).containsExactly(
                    "WORD a", "LINE_COMMENT -- note ; not a delimiter", "WORD b");
        }

        @Test
        void hashStartsACommentOnlyInMySql() {
            assertThat(mysql("a # note\nb")).containsExactly("WORD a", "LINE_COMMENT # note", "WORD b");
            assertThat(pg("a # b")).containsExactly("WORD a", "OPERATOR #", "WORD b");
        }

        @Test
        void mySqlNeedsWhitespaceAfterDoubleDash() {
            assertThat(mysql("1--2")).containsExactly("NUMBER 1", "OPERATOR -", "OPERATOR -", "NUMBER 2");
            assertThat(mysql("1-- 2")).containsExactly("NUMBER 1", "LINE_COMMENT -- 2");
        }

        @Test
        void blockCommentsNestInPostgresButNotInMySql() {
            String text = "/* a /* b */ c */ x";
            assertThat(pg(text)).containsExactly("BLOCK_COMMENT /* a /* b */ c */", "WORD x");
            assertThat(mysql(text)).containsExactly("BLOCK_COMMENT /* a /* b */", "WORD c", "OPERATOR *", "OPERATOR /", "WORD x");
        }
    }

    @Nested
    class Quotes {
        @Test
        void doubledQuoteEscapesAQuote() {
            assertThat(pg("'it''s' \"a \"\"b\"\"\"")).containsExactly("STRING 'it''s'", "QUOTED_IDENTIFIER \"a \"\"b\"\"\"");
        }

        @Test
        void backslashIsLiteralInStandardPostgresStrings() {
            assertThat(pg("'a\\' b")).containsExactly("STRING 'a\\'", "WORD b");
        }

        @Test
        void escapeStringsTakeBackslashEscapes() {
            assertThat(pg("E'it\\'s' e'\\\\' x")).containsExactly("STRING E'it\\'s'", "STRING e'\\\\'", "WORD x");
        }

        @Test
        void prefixedStrings() {
            assertThat(pg("N'a' B'01' X'ff' U&'d\\0061t' U&\"d\\0061t\"")).containsExactly(
                    "STRING N'a'", "STRING B'01'", "STRING X'ff'", "STRING U&'d\\0061t'", "QUOTED_IDENTIFIER U&\"d\\0061t\"");
        }

        @Test
        void mySqlStringsTakeBackslashEscapesAndDoubleQuotes() {
            assertThat(mysql("'it\\'s' \"say \\\"hi\\\"\" `my col` `a``b`")).containsExactly(
                    "STRING 'it\\'s'", "STRING \"say \\\"hi\\\"\"", "QUOTED_IDENTIFIER `my col`", "QUOTED_IDENTIFIER `a``b`");
        }

        @Test
        void dollarQuotesWithAndWithoutTag() {
            String text = "AS $$ SELECT 'x'; $$; DO $body$ BEGIN $x$ inner $x$; END $body$;";
            assertThat(pg(text)).containsExactly(
                    "WORD AS", "DOLLAR_STRING $$ SELECT 'x'; $$", "DELIMITER ;", "WORD DO",
                    "DOLLAR_STRING $body$ BEGIN $x$ inner $x$; END $body$", "DELIMITER ;");
        }

        @Test
        void dollarDigitIsAParameterNotAQuote() {
            assertThat(pg("WHERE a = $1 AND b = $12")).containsExactly(
                    "WORD WHERE", "WORD a", "OPERATOR =", "PARAMETER $1", "WORD AND", "WORD b", "OPERATOR =", "PARAMETER $12");
        }

        @Test
        void dollarInsideAnIdentifierIsPartOfIt() {
            assertThat(pg("a$b $1")).containsExactly("WORD a$b", "PARAMETER $1");
        }

        @Test
        void mySqlHasNoDollarQuotes() {
            assertThat(mysql("$$ x")).containsExactly("OPERATOR $", "OPERATOR $", "WORD x");
        }
    }

    @Test
    void parametersButNotCasts() {
        assertThat(pg("a = ? AND b = :name AND c::text AND d := 1")).containsExactly(
                "WORD a", "OPERATOR =", "PARAMETER ?", "WORD AND", "WORD b", "OPERATOR =", "PARAMETER :name",
                "WORD AND", "WORD c", "OPERATOR ::", "WORD text", "WORD AND", "WORD d", "OPERATOR :=", "NUMBER 1");
    }

    @Test
    void jsonbQuestionOperatorsInPostgres() {
        assertThat(pg("a ?| b ?& c")).containsExactly("WORD a", "OPERATOR ?|", "WORD b", "OPERATOR ?&", "WORD c");
    }

    @Test
    void mySqlVariablesAreWords() {
        assertThat(mysql("SET @x = @@session.sql_mode")).containsExactly(
                "WORD SET", "WORD @x", "OPERATOR =", "WORD @@session", "OPERATOR .", "WORD sql_mode");
    }

    @Nested
    class Unterminated {
        @Test
        void stringRunsToEndOfFileWithAProblemAtItsOpening() {
            String text = "SELECT 1;\nSELECT 'abc;\nSELECT 2;";
            LexResult r = lex(text, Dialect.POSTGRESQL);
            Token last = r.tokens().get(r.tokens().size() - 1);
            assertThat(last).isEqualTo(new Token(TokenKind.UNTERMINATED, 17, text.length()));
            assertThat(r.problems()).containsExactly(new LexProblem(17, "unterminated string literal starting here"));
        }

        @Test
        void quotedIdentifier() {
            LexResult r = lex("SELECT \"abc", Dialect.POSTGRESQL);
            assertThat(r.problems()).containsExactly(new LexProblem(7, "unterminated quoted identifier starting here"));
        }

        @Test
        void backtickIdentifierInMySql() {
            LexResult r = lex("SELECT `abc", Dialect.MYSQL);
            assertThat(r.problems()).containsExactly(new LexProblem(7, "unterminated quoted identifier starting here"));
        }

        @Test
        void dollarQuoteNamesItsTag() {
            LexResult r = lex("CREATE FUNCTION f() AS $fn$ BEGIN END $f$;", Dialect.POSTGRESQL);
            assertThat(r.problems()).containsExactly(
                    new LexProblem(23, "unterminated dollar-quoted string $fn$ starting here"));
            assertThat(r.tokens().get(r.tokens().size() - 1).kind()).isEqualTo(TokenKind.UNTERMINATED);
        }

        @Test
        void blockComment() {
            LexResult r = lex("SELECT 1; /* /* nested */ still open", Dialect.POSTGRESQL);
            assertThat(r.problems()).containsExactly(new LexProblem(10, "unterminated block comment starting here"));
        }

        @Test
        void escapedQuoteAtEndOfFileDoesNotCloseAnEscapeString() {
            LexResult r = lex("E'abc\\'", Dialect.POSTGRESQL);
            assertThat(r.problems()).extracting(LexProblem::offset).containsExactly(0);
        }
    }

    @Nested
    class LineEndings {
        @Test
        void crlfAndCrEndLineCommentsAndMetaCommands() {
            assertThat(pg("a -- x\r\n\\set v 1\r\nb -- y\rc")).containsExactly(
                    "WORD a", "LINE_COMMENT -- x", "META_COMMAND \\set v 1", "WORD b", "LINE_COMMENT -- y", "WORD c");
        }

        @Test
        void offsetsCountEveryCharacterOfCrlf() {
            String text = "a\r\n\r\nb";
            LexResult r = lex(text, Dialect.POSTGRESQL);
            assertThat(r.tokens()).containsExactly(new Token(TokenKind.WORD, 0, 1), new Token(TokenKind.WORD, 5, 6));
        }

        @Test
        void byteOrderMarkFreeTextStartsAtOffsetZero() {
            LexResult r = lex("CREATE", Dialect.POSTGRESQL);
            assertThat(r.tokens()).containsExactly(new Token(TokenKind.WORD, 0, 6));
        }

        @Test
        void aStrayByteOrderMarkIsSkippedLikeWhitespace() {
            LexResult r = lex("\uFEFFCREATE", Dialect.POSTGRESQL);
            assertThat(r.tokens()).containsExactly(new Token(TokenKind.WORD, 1, 7));
        }
    }

    @Nested
    class MetaCommands {
        @Test
        void backslashAtLineStartRunsToEndOfLine() {
            assertThat(pg("\\connect db\n  \\ir file.sql\nSELECT 1;")).containsExactly(
                    "META_COMMAND \\connect db", "META_COMMAND \\ir file.sql", "WORD SELECT", "NUMBER 1", "DELIMITER ;");
        }

        @Test
        void psqlReadsABackslashMidLineAsAMetaCommandToo() {
            assertThat(pg("SELECT 1 AS v \\gset\nSELECT :v;")).containsExactly(
                    "WORD SELECT", "NUMBER 1", "WORD AS", "WORD v", "META_COMMAND \\gset",
                    "WORD SELECT", "PARAMETER :v", "DELIMITER ;");
        }

        @Test
        void aBackslashInsideAStringIsNotOne() {
            assertThat(pg("SELECT E'\\n', '\\x'")).containsExactly(
                    "WORD SELECT", "STRING E'\\n'", "OPERATOR ,", "STRING '\\x'");
        }
    }

    @Nested
    class CopyData {
        @Test
        void dataLinesUpToBackslashDotAreOneToken() {
            String text = "COPY t (a, b) FROM stdin;\n1\t'it\"s\n2\t$$ -- ; /*\n\\.\nSELECT 1;";
            assertThat(pg(text)).containsExactly(
                    "WORD COPY", "WORD t", "OPERATOR (", "WORD a", "OPERATOR ,", "WORD b", "OPERATOR )", "WORD FROM",
                    "WORD stdin", "DELIMITER ;", "COPY_DATA 1\t'it\"s\n2\t$$ -- ; /*\n\\.", "WORD SELECT", "NUMBER 1",
                    "DELIMITER ;");
        }

        @Test
        void crlfDataAndOptionsAfterStdin() {
            String text = "COPY t FROM STDIN WITH (FORMAT csv);\r\na,\"b\"\r\n\\.\r\nSELECT 1;";
            List<String> tokens = pg(text);
            assertThat(tokens).contains("COPY_DATA a,\"b\"\r\n\\.");
            assertThat(tokens.get(tokens.size() - 3)).isEqualTo("WORD SELECT");
        }

        @Test
        void emptyDataIsJustTheTerminator() {
            assertThat(pg("COPY t FROM stdin;\n\\.\n")).endsWith("DELIMITER ;", "COPY_DATA \\.");
        }

        @Test
        void withoutATerminatorLineTheRestIsLexedAsSql() {
            // Squawk's preprocessed regression suite comments the data out, "\." included.
            assertThat(pg("COPY t FROM stdin;\n-- 1\t2\n-- \\.\nSELECT 1;")).containsExactly(
                    "WORD COPY", "WORD t", "WORD FROM", "WORD stdin", "DELIMITER ;", "LINE_COMMENT -- 1\t2",
                    "LINE_COMMENT -- \\.", "WORD SELECT", "NUMBER 1", "DELIMITER ;");
        }

        @Test
        void copyToStdoutHasNoData() {
            assertThat(pg("COPY t TO stdout;\n\\.\n")).endsWith("DELIMITER ;", "META_COMMAND \\.");
        }

        @Test
        void psqlCopyMetaCommandIsFollowedByData() {
            assertThat(pg("\\copy t from stdin\nx\ty\n\\.\nSELECT 1;")).startsWith(
                    "META_COMMAND \\copy t from stdin", "COPY_DATA x\ty\n\\.", "WORD SELECT");
        }
    }

    @Nested
    class MySqlDelimiter {
        @Test
        void directiveChangesTheTerminatorUntilReset() {
            String text = "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nSELECT 2;";
            assertThat(mysql(text)).containsExactly(
                    "DELIMITER_DIRECTIVE DELIMITER $$", "WORD CREATE", "WORD PROCEDURE", "WORD p", "OPERATOR (",
                    "OPERATOR )", "WORD BEGIN", "WORD SELECT", "NUMBER 1", "OPERATOR ;", "WORD END", "DELIMITER $$",
                    "DELIMITER_DIRECTIVE DELIMITER ;", "WORD SELECT", "NUMBER 2", "DELIMITER ;");
        }

        @Test
        void doubleSemicolonDelimiterOfMysqldump() {
            assertThat(mysql("delimiter ;;\nBEGIN x; END ;;\ndelimiter ;\n")).containsExactly(
                    "DELIMITER_DIRECTIVE delimiter ;;", "WORD BEGIN", "WORD x", "OPERATOR ;", "WORD END",
                    "DELIMITER ;;", "DELIMITER_DIRECTIVE delimiter ;");
        }

        @Test
        void aColumnNamedDelimiterInsideAStatementIsNotADirective() {
            assertThat(mysql("CREATE TABLE t (\ndelimiter varchar(5)\n);")).contains("WORD delimiter");
        }
    }

    @Nested
    class Placeholders {
        @Test
        void flywayPlaceholderIsMaskedWithItsValuePaddedWithSpaces() {
            String text = "CREATE TABLE ${schema}.users (id int);";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("schema", "public"), false));
            assertCoversText(text, r);
            assertThat(r.maskedText()).isEqualTo("CREATE TABLE public   .users (id int);");
            assertThat(render(text, r)).startsWith("WORD CREATE", "WORD TABLE", "PLACEHOLDER ${schema}", "OPERATOR .");
        }

        @Test
        void aValueThatDoesNotFitBecomesUnderscores() {
            LexResult r = Lexer.lex("${s}.t", new LexOptions(Dialect.POSTGRESQL, Map.of("s", "long_schema"), false));
            assertThat(r.maskedText()).isEqualTo("____.t");
        }

        @Test
        void anUnconfiguredPlaceholderReadsAsItsName() {
            LexResult r = Lexer.lex("${flyway:user} ${app}", LexOptions.of(Dialect.POSTGRESQL));
            assertThat(r.maskedText()).isEqualTo("______________ app   ");
        }

        @Test
        void goTemplatesTakeTheirLastName() {
            String text = "ALTER TABLE {{ index .Options \"Namespace\" }}.users ADD x int; GRANT ALL ON {{ .Schema }}.t TO r;";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("namespace", "auth"), false));
            assertCoversText(text, r);
            assertThat(r.maskedText()).isEqualTo(
                    "ALTER TABLE auth" + " ".repeat(28) + ".users ADD x int; GRANT ALL ON Schema       .t TO r;");
            assertThat(render(text, r)).contains("PLACEHOLDER {{ index .Options \"Namespace\" }}", "PLACEHOLDER {{ .Schema }}");
        }

        @Test
        void aQuotedPlaceholderKeepsItsValueInsideTheQuotes() {
            String text = "ALTER TABLE \"{{ .Schema }}\".\"users\" ADD x int";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("Schema", "auth"), false));
            assertCoversText(text, r);
            assertThat(r.maskedText()).isEqualTo("ALTER TABLE \"auth\"" + " ".repeat(9) + ".\"users\" ADD x int");
            // The token covers what was written, quotes included; its masked text holds the value.
            assertThat(render(text, r)).contains("QUOTED_IDENTIFIER \"{{ .Schema }}\"");
            assertThat(render(r.maskedText(), r)).contains("QUOTED_IDENTIFIER \"auth\"" + " ".repeat(9));
        }

        @Test
        void quotesDoubledInsideAStringStayWhereTheyAre() {
            String text = "SELECT 'a ''${d}'' b'";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("d", "x"), false));
            assertThat(r.maskedText()).isEqualTo("SELECT 'a ''x   '' b'");
            assertThat(render(text, r)).containsExactly("WORD SELECT", "STRING 'a ''${d}'' b'");
        }

        @Test
        void aPlaceholderInsideAWordPadsWithUnderscores() {
            String text = "CREATE INDEX idx_${name}_a ON t (a)";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("name", "x"), false));
            assertThat(r.maskedText()).isEqualTo("CREATE INDEX idx_x_______a ON t (a)");
            assertThat(render(text, r)).startsWith("WORD CREATE", "WORD INDEX", "WORD idx_", "PLACEHOLDER ${name}", "WORD _a");
        }

        @Test
        void atPlaceholdersOnlyWhenAskedFor() {
            String text = "CREATE TABLE @cdmDatabaseSchema.person (id int)";
            LexResult on = Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("cdmDatabaseSchema", "cdm"), true));
            assertCoversText(text, on);
            assertThat(on.maskedText()).isEqualTo("CREATE TABLE cdm" + " ".repeat(15) + ".person (id int)");
            assertThat(render(text, on)).contains("PLACEHOLDER @cdmDatabaseSchema");
            String expression = "SELECT @cdmDatabaseSchema.person FROM t";
            LexResult off = Lexer.lex(expression, LexOptions.of(Dialect.POSTGRESQL));
            assertThat(off.maskedText()).isEqualTo(expression);
            assertThat(render(expression, off)).contains("OPERATOR @", "WORD cdmDatabaseSchema");
        }

        @Test
        void anAtNameQualifyingATableIsATemplatesSchemaWithoutBeingDeclared() {
            String text = "CREATE TABLE @cdm.person (id int REFERENCES @cdm.people);\n"
                    + "CREATE INDEX i ON /* why */ @cdm.person (id);\nCLUSTER @cdm.person USING i;\n"
                    + "INSERT INTO @results.cohort SELECT * FROM @cdm.person p JOIN @vocab.concept c ON true;";
            LexResult r = Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL));
            assertCoversText(text, r);
            assertThat(r.maskedText()).doesNotContain("@").contains("CREATE TABLE cdm .person", "REFERENCES cdm .people",
                    "ON /* why */ cdm .person", "CLUSTER cdm .person", "INTO results .cohort", "JOIN vocab .concept");
        }

        @Test
        void anAtNameElsewhereStaysAnOperatorOrAVariable() {
            String pg = "SELECT @a.b, @ -5 FROM t WHERE @t.x > 1";
            assertThat(Lexer.lex(pg, LexOptions.of(Dialect.POSTGRESQL)).maskedText()).isEqualTo(pg);
            String mysql = "SET @a.b = 1; SELECT @total, @a.b FROM t";
            LexResult r = Lexer.lex(mysql, LexOptions.of(Dialect.MYSQL));
            assertThat(r.maskedText()).isEqualTo(mysql);
            assertThat(render(mysql, r)).contains("WORD @total");
        }

        @Test
        void aDeclaredAtPlaceholderIsMaskedWithoutTheSwitchAndOthersAreNot() {
            String text = "SELECT @cdmDatabaseSchema, @other";
            LexResult r = Lexer.lex(text, new LexOptions(Dialect.MYSQL, Map.of("cdmDatabaseSchema", "cdm"), false));
            assertThat(r.maskedText()).isEqualTo("SELECT cdm" + " ".repeat(15) + ", @other");
            assertThat(render(text, r)).contains("PLACEHOLDER @cdmDatabaseSchema", "WORD @other");
        }

        @Test
        void bracesThatAreNotATemplateAreLeftAlone() {
            String text = "SELECT '{\"a\": {\"b\": 1}}'::jsonb, '{{a,b},{c,d}}'::text[], ARRAY['{1,2}']";
            LexResult r = Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL));
            assertThat(r.maskedText()).isEqualTo(text);
        }
    }
}
