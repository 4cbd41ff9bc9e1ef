package dev.migralint.core.input.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import org.junit.jupiter.api.Test;

class MapperReaderTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" "
            + "\"https://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n";

    private static Mapper read(String xml) {
        return MapperReader.read(SourceFile.of("M.xml", xml));
    }

    private static String sql(MapperStatement s) {
        return s.sql().replaceAll("\\s+", " ").trim();
    }

    @Test
    void recognizesMappersByDoctypeOrRoot() {
        assertThat(MapperReader.isMapper(HEAD + "<mapper namespace=\"a\"/>")).isTrue();
        assertThat(MapperReader.isMapper("<mapper namespace=\"a.B\">\n</mapper>")).isTrue();
        assertThat(MapperReader.isMapper("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"/>"))
                .isFalse();
    }

    @Test
    void expandsDynamicTagsToOneRepresentativeStatement() {
        Mapper m = read(HEAD + """
                <mapper namespace="app.UserMapper">
                  <sql id="cols">u.id, u.${extra}</sql>
                  <select id="find" resultMap="user">
                    SELECT <include refid="cols"><property name="extra" value="name"/></include>
                    FROM users u
                    <where>
                      <if test="id != null">AND u.id = #{id}</if>
                      <choose>
                        <when test="a">AND u.a = #{a}</when>
                        <otherwise>AND u.b = 1</otherwise>
                      </choose>
                      AND u.dept IN <foreach collection="ds" item="d" open="(" separator="," close=")">#{d}</foreach>
                    </where>
                    ORDER BY ${orderBy}
                  </select>
                  <update id="save">
                    UPDATE users <set><if test="n != null">name = #{n},</if><if test="e != null">email = #{e},</if></set>
                    WHERE id = #{id}
                  </update>
                  <insert id="add"><selectKey keyProperty="id" resultType="long">SELECT 1</selectKey>
                    INSERT INTO users <trim prefix="(" suffix=")" suffixOverrides=",">id, name,</trim>
                    VALUES (#{id}, #{name})
                  </insert>
                  <update id="ddl">${sql}</update>
                </mapper>
                """);
        assertThat(m.namespace()).isEqualTo("app.UserMapper");
        assertThat(m.problems()).isEmpty();
        assertThat(m.statements()).extracting(MapperStatement::name)
                .containsExactly("app.UserMapper.find", "app.UserMapper.save", "app.UserMapper.add");
        assertThat(sql(m.statements().get(0))).isEqualTo("SELECT u.id, u.name FROM users u WHERE u.id = ? "
                + "AND u.a = ? AND u.dept IN (?) ORDER BY " + MapperStatement.PLACEHOLDER);
        assertThat(sql(m.statements().get(1))).isEqualTo("UPDATE users SET name = ?,email = ? WHERE id = ?");
        assertThat(sql(m.statements().get(2))).isEqualTo("INSERT INTO users ( id, name ) VALUES (?, ?)");
        assertThat(m.statements().get(0).resultMap()).isEqualTo("user");
    }

    @Test
    void mapsEachCharacterBackToTheXmlThroughEntitiesAndCdata() {
        String xml = HEAD + "<mapper namespace=\"n\">\n  <select id=\"s\">\r\n"
                + "    SELECT a FROM t WHERE a &lt; #{x} <![CDATA[ AND b <= 2 ]]> AND c = 'q'\n  </select>\n</mapper>\n";
        MapperStatement s = read(xml).statements().get(0);
        assertThat(sql(s)).isEqualTo("SELECT a FROM t WHERE a < ? AND b <= 2 AND c = 'q'");
        String text = s.sql();
        TextRange lt = s.xmlRange(new TextRange(text.indexOf('<'), text.indexOf('<') + 1));
        // an entity maps to where it starts: a caret under a decoded character points at its &
        assertThat(xml.substring(lt.start())).startsWith("&lt; #{x}");
        TextRange param = s.xmlRange(new TextRange(text.indexOf('?'), text.indexOf('?') + 1));
        assertThat(xml.substring(param.start(), param.end())).isEqualTo("#");
        TextRange cdata = s.xmlRange(new TextRange(text.indexOf("b <= 2"), text.indexOf("b <= 2") + 6));
        assertThat(xml.substring(cdata.start(), cdata.end())).isEqualTo("b <= 2");
        TextRange after = s.xmlRange(new TextRange(text.indexOf("'q'"), text.indexOf("'q'") + 3));
        assertThat(xml.substring(after.start(), after.end())).isEqualTo("'q'");
    }

    @Test
    void readsResultMapsWithTheirNestedSelects() {
        Mapper m = read("""
                <mapper namespace="n">
                  <resultMap id="base" type="A">
                    <id property="id" column="id"/>
                    <collection property="items" column="id" select="selectItems"/>
                    <association property="owner" resultMap="ownerMap"/>
                  </resultMap>
                  <resultMap id="more" type="A" extends="base"/>
                </mapper>
                """);
        assertThat(m.resultMaps()).extracting(ResultMap::id).containsExactly("base", "more");
        assertThat(m.resultMap("n.base").orElseThrow().nestedSelects()).singleElement()
                .satisfies(n -> assertThat(n.select()).isEqualTo("selectItems"));
        assertThat(m.resultMap("more").orElseThrow().extendsId()).isEqualTo("base");
    }

    @Test
    void anIncludeOfAnotherMappersFragmentUsesItsNamespaceAndPointsAtTheTag() {
        SourceFile common = SourceFile.of("Common.xml", "<mapper namespace=\"c.Common\"><sql id=\"cols\">id, <include"
                + " refid=\"more\"/></sql><sql id=\"more\">name, ${x}</sql></mapper>");
        String xml = "<mapper namespace=\"n\"><select id=\"s\">SELECT <include refid=\"c.Common.cols\">"
                + "<property name=\"x\" value=\"email\"/></include> FROM t</select></mapper>";
        SourceFile file = SourceFile.of("M.xml", xml);
        Mapper m = MapperReader.read(file, MapperFragments.of(java.util.List.of(common, file)));

        assertThat(m.problems()).isEmpty();
        MapperStatement s = m.statements().get(0);
        assertThat(sql(s)).isEqualTo("SELECT id, name, email FROM t");
        int tag = xml.indexOf("<include");
        assertThat(s.xmlRange(new TextRange(s.sql().indexOf("name"), s.sql().indexOf("name") + 4)).start()).isEqualTo(tag);
        assertThat(s.xmlRange(new TextRange(s.sql().indexOf("FROM"), s.sql().indexOf("FROM") + 4)).start())
                .isEqualTo(xml.indexOf("FROM"));
        // without the other mapper, the include is a problem and the statement is not checked
        assertThat(read(xml).problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("c.Common.cols"));
    }

    @Test
    void aMissingFragmentOrMalformedXmlIsAProblemNotACrash() {
        Mapper missing = read("<mapper namespace=\"n\"><select id=\"s\">SELECT <include refid=\"other.cols\"/> FROM t"
                + "</select></mapper>");
        assertThat(missing.statements()).isEmpty();
        assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("other.cols"));
        Mapper malformed = read("<mapper namespace=\"n\">\n<select id=\"s\">a < b</select></mapper>");
        assertThat(malformed.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("Cannot read mapper XML"));
    }
}
