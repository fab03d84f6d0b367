// The ClickHouse backend without a server: store URLs, shard hashing, TabSeparated
// escaping, the SQL hearsay generates (issue 19).
#include <gtest/gtest.h>

#include <map>

#include "scale/clickhouse_client.h"
#include "scale/clickhouse_store.h"
#include "scale/clickhouse_url.h"
#include "scale/corpus_keys.h"
#include "scale/mirror.h"
#include "scale/shard.h"
#include "scale/tsv.h"

namespace hearsay::scale {
namespace {

TEST(ClickHouseUrl, ParsesHostPortAndDatabase) {
  auto u = ParseClickHouseUrl("clickhouse://127.0.0.1:18123/news");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 18123);
  EXPECT_EQ(u->database, "news");
  EXPECT_EQ(u->ToString(), "clickhouse://127.0.0.1:18123/news");
  auto d = ParseClickHouseUrl("clickhouse://ch-1.example.org/desk_2/");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->port, 8123) << "the HTTP port by default";
  EXPECT_EQ(d->database, "desk_2");
}

TEST(ClickHouseUrl, RefusesWhatCannotBeWrittenIntoSql) {
  for (const char* bad : {"http://h:1/db", "clickhouse://h:1", "clickhouse://:1/db", "clickhouse://h:0/db",
                          "clickhouse://h:70000/db", "clickhouse://h:x/db", "clickhouse://h/1db", "clickhouse://h/a-b",
                          "clickhouse://h/a;DROP", "clickhouse://h/", "clickhouse://h@x/db"}) {
    auto u = ParseClickHouseUrl(bad);
    EXPECT_FALSE(u.ok()) << bad;
    if (!u.ok()) {
      EXPECT_EQ(u.status().code(), StatusCode::kInvalidArgument) << bad;
      EXPECT_NE(u.status().message().find("clickhouse://HOST[:PORT]/DATABASE"), std::string::npos);
    }
  }
  EXPECT_TRUE(IsClickHouseUrl("clickhouse://h/db"));
  EXPECT_FALSE(IsClickHouseUrl("report/hearsay.db"));
}

TEST(Shard, ParsesKOverN) {
  auto s = ParseShard("2/3");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 2u);
  EXPECT_EQ(s->count, 3u);
  EXPECT_EQ(s->ToString(), "2/3");
  for (const char* bad : {"0/2", "3/2", "1/0", "1", "a/b", "1/2/3", "", "/2", "1/70000"}) EXPECT_FALSE(ParseShard(bad).ok()) << bad;
}

TEST(Shard, IsAStableFunctionOfTheIdentity) {
  // The first 16 hex digits as a number, modulo N, plus 1: fixed forever, so workers of
  // different builds agree.
  EXPECT_EQ(ShardOf("0000000000000005ffff", 2), 2u);
  EXPECT_EQ(ShardOf("0000000000000004ffff", 2), 1u);
  EXPECT_EQ(ShardOf("ffffffffffffffff", 3), static_cast<uint32_t>(0xffffffffffffffffull % 3) + 1);
  EXPECT_EQ(ShardOf("anything", 1), 1u);
  EXPECT_EQ(ShardOf("not hex at all, a path", 7), ShardOf(ShardKey("not hex at all, a path"), 7));
}

TEST(Shard, SharesAreDisjointCoverAndAreEven) {
  const uint32_t n = 4;
  std::map<uint32_t, int> count;
  for (int i = 0; i < 4000; ++i) {
    std::string h = ShardKey("doc " + std::to_string(i));
    int owners = 0;
    for (uint32_t k = 1; k <= n; ++k) owners += InShard(h, ShardSpec{k, n});
    EXPECT_EQ(owners, 1);
    ++count[ShardOf(h, n)];
  }
  for (uint32_t k = 1; k <= n; ++k) {
    EXPECT_GT(count[k], 850) << k;
    EXPECT_LT(count[k], 1150) << k;
  }
}

TEST(Tsv, EscapesEveryByteClickHouseTreatsSpecially) {
  EXPECT_EQ(TsvEscaped(std::string("a\tb\nc\\d\re\0f\bg\fh", 15)), "a\\tb\\nc\\\\d\\re\\0f\\bg\\fh");
  EXPECT_EQ(TsvEscaped("plain ütf-8 'quoted'"), "plain ütf-8 'quoted'");
  TsvWriter w;
  w.Field("x\ty").Int(-3).Null().OptField(std::nullopt).OptField(std::string("z")).Uint(7).EndRow();
  EXPECT_EQ(w.body(), "x\\ty\t-3\t\\N\t\\N\tz\t7\n");
  EXPECT_EQ(w.rows(), 1u);
}

TEST(Tsv, RoundTripsAnyBytes) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  TsvWriter w;
  w.Field(all).Field("").Null().EndRow();
  w.Field("\\N").Field("N").Field("\\").EndRow();
  auto rows = ParseTsv(w.body());
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  ASSERT_EQ((*rows)[0].size(), 3u);
  EXPECT_EQ((*rows)[0][0], all);
  EXPECT_EQ((*rows)[0][1], std::string());
  EXPECT_EQ((*rows)[0][2], std::nullopt);
  EXPECT_EQ((*rows)[1][0], std::string("\\N")) << "the text \\N is not NULL";
  EXPECT_EQ((*rows)[1][1], std::string("N"));
  EXPECT_EQ((*rows)[1][2], std::string("\\"));
  EXPECT_TRUE(ParseTsv("").ok());
}

TEST(Tsv, RefusesTruncatedBodies) {
  EXPECT_EQ(ParseTsv("a\tb").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ParseTsv("a\\").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ParseTsv("\\Nx\n").status().code(), StatusCode::kDataLoss);
}

TEST(Sql, StringLiteralsAndRequestTargets) {
  EXPECT_EQ(SqlString("it's a\\b"), "'it\\'s a\\\\b'");
  EXPECT_EQ(ClickHouseClient::Target("news", ""), "/?database=news");
  EXPECT_EQ(ClickHouseClient::Target("news", "INSERT INTO t (a, b) FORMAT TabSeparated"),
            "/?database=news&query=INSERT%20INTO%20t%20%28a%2C%20b%29%20FORMAT%20TabSeparated");
}

TEST(Sql, ClickHouseTablesFollowTheSqliteColumns) {
  std::vector<SqliteColumn> cols = {{"doc_seq", "INTEGER", true, 1}, {"idx", "INTEGER", true, 2}, {"text", "TEXT", false, 0},
                                    {"score", "REAL", false, 0},     {"raw", "BLOB", true, 0},    {"n", "", false, 0}};
  EXPECT_EQ(ClickHouseTableDdl("blocks", cols),
            "CREATE TABLE blocks (doc_seq Int64, idx Int64, text Nullable(String), score Nullable(Float64), raw String, "
            "n Nullable(String)) ENGINE = MergeTree ORDER BY (doc_seq, idx)");
  EXPECT_EQ(ClickHouseTableDdl("m", {{"k", "TEXT", false, 0}}), "CREATE TABLE m (k Nullable(String)) ENGINE = MergeTree ORDER BY tuple()");
  EXPECT_EQ(ClickHouseType({"c", "double precision", true, 0}), "Float64");
  EXPECT_EQ(ClickHouseType({"c", "bigint", false, 1}), "Int64") << "a key column is never Nullable";
}

TEST(Sql, LshBucketsAreAGroupByOverBandKeys) {
  EXPECT_EQ(LshBucketsSql("v1/p'x"),
            "SELECT band, key, content_hash FROM doc_bands WHERE pipeline = 'v1/p\\'x' AND band < 255 AND (band, key) IN "
            "(SELECT band, key FROM doc_bands WHERE pipeline = 'v1/p\\'x' AND band < 255 GROUP BY band, key HAVING "
            "uniqExact(content_hash) > 1) GROUP BY band, key, content_hash ORDER BY band, key, content_hash");
}

TEST(Sql, PerDocumentTablesAreMergeTreesCreatedIdempotently) {
  auto ddl = PerDocumentTableDdl();
  ASSERT_EQ(ddl.size(), 6u);
  for (const std::string& s : ddl) {
    EXPECT_EQ(s.rfind("CREATE TABLE IF NOT EXISTS ", 0), 0u) << s;
    EXPECT_NE(s.find("ENGINE = MergeTree ORDER BY"), std::string::npos) << s;
  }
}

TEST(Sql, CorpusKeysAreGroupedByGroupBys) {
  for (const std::string& s : CorpusKeyTableDdl()) {
    EXPECT_EQ(s.rfind("CREATE TABLE IF NOT EXISTS doc_", 0), 0u) << s;
    EXPECT_NE(s.find("ENGINE = MergeTree ORDER BY (pipeline, "), std::string::npos) << s;
  }
  const std::string entities = EntityGroupsSql("v1/p'x"), claims = ClaimGroupsSql("v1/p'x");
  EXPECT_NE(entities.find("WHERE pipeline = 'v1/p\\'x'"), std::string::npos) << entities;
  EXPECT_NE(entities.find("if(key GLOBAL IN (SELECT key FROM doc_split_keys"), std::string::npos) << entities;
  const std::string tail = "GROUP BY block HAVING count() > 1";
  EXPECT_EQ(entities.substr(entities.size() - tail.size()), tail);
  EXPECT_NE(claims.find("WHERE pipeline = 'v1/p\\'x'"), std::string::npos) << claims;
  EXPECT_NE(claims.find("GROUP BY predicate, subj, obj, text, value HAVING count() > 1"), std::string::npos) << claims;
}

TEST(CorpusKeys, RowsOfADocumentComeFromResolveAndFuse) {
  DocumentAnalysis a;
  a.local_entities.push_back(LocalEntity{"Robert Vantani", EntityType::kPerson, {"Robert Vantani"}, "male"});
  a.local_entities.push_back(LocalEntity{"Rob Vantani", EntityType::kPerson, {"Rob Vantani"}, "male"});
  a.local_entities.push_back(LocalEntity{"34", EntityType::kAge, {"34"}, ""});
  Claim c;
  c.subject_entity = 1;
  c.predicate = hearsay::Predicate::kDating;
  c.object_text = "A  Singer";
  a.claims.push_back(c);
  DocumentKeys k = DocumentKeysOf("h1", a);
  EXPECT_EQ(k.content_hash, "h1");
  ASSERT_EQ(k.entity_keys.size(), 2u) << "an age has no key";
  EXPECT_EQ(k.entity_keys[1].key, "Probert|vantani");
  EXPECT_EQ(k.entity_keys[1].written_key, "Prob|vantani");
  EXPECT_EQ(k.split_keys, std::vector<std::string>{"Probert|vantani"});
  ASSERT_EQ(k.claim_keys.size(), 1u);
  EXPECT_EQ(k.claim_keys[0].object_text, "a singer");
  EXPECT_TRUE(k.claim_keys[0].symmetric);
}

}  // namespace
}  // namespace hearsay::scale
