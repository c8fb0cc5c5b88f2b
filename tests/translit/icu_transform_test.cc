// IcuTransform's errors say where: the element of a compound id that ICU
// refuses, and the place ICU's parser gives (UParseError) in rules.
#include "normkit/icu_transform.h"

#include <gtest/gtest.h>

namespace normkit {
namespace {

TEST(IcuTransform, AnUnknownIdIsPlacedAtItsStart) {
  Result<IcuTransform> bad = IcuTransform::Create("Russian-Klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(bad.status().ToString(), "1:1: unknown ICU transform 'Russian-Klingon' (U_INVALID_ID)");
}

TEST(IcuTransform, TheRefusedElementOfACompoundIdHasItsColumn) {
  Result<IcuTransform> bad = IcuTransform::Create("Any-Latin; Foo-Bar; Latin-ASCII");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(bad.status().where().line, 1u);
  EXPECT_EQ(bad.status().where().column, 12u);
  EXPECT_EQ(bad.status().where().offset, 11u);
  EXPECT_EQ(bad.status().message(),
            "unknown ICU transform 'Foo-Bar' in 'Any-Latin; Foo-Bar; Latin-ASCII' (U_INVALID_ID)");

  // A filter alone is no id by itself: the element after it is the bad one;
  // columns count characters, offsets bytes.
  Result<IcuTransform> filtered = IcuTransform::Create("[а-я]; Foo-Bar");
  ASSERT_FALSE(filtered.ok());
  EXPECT_EQ(filtered.status().where().column, 8u);
  EXPECT_EQ(filtered.status().where().offset, 9u);

  // An empty element.
  Result<IcuTransform> empty = IcuTransform::Create("Any-Latin;; Latin-ASCII");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().where().column, 11u);
  EXPECT_EQ(empty.status().message(),
            "an empty element in 'Any-Latin;; Latin-ASCII' (U_INVALID_ID)");
}

TEST(IcuTransform, RulesWork) {
  Result<IcuTransform> t = IcuTransform::Create("dots", "'.' > '·'; x > ks;");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->Apply("a.x"), "a·ks");
  EXPECT_EQ(t->id(), "dots");
}

TEST(IcuTransform, ARuleSyntaxErrorHasIcusPlaceAndContext) {
  Result<IcuTransform> bad = IcuTransform::Create("mine", "a > b;\nc > d;\nq r;\n", "mine.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kRuleSyntax);
  const Status status = bad.status();  // status() is a copy: keep it
  const SourcePosition& at = status.where();
  EXPECT_EQ(at.file, "mine.txt");
  // ICU places a missing operator at the start of the rule that lacks it.
  EXPECT_EQ(at.line, 3u) << bad.status().ToString();
  EXPECT_EQ(at.column, 1u) << bad.status().ToString();
  EXPECT_EQ(at.offset, 14u);
  EXPECT_EQ(bad.status().message(),
            "cannot read ICU transform rules: U_MISSING_OPERATOR at \"q r;\\n\" "
            "(after \"a > b;\\nc > d;\\n\")");
}

TEST(IcuTransform, RuleColumnsCountCharactersAndOffsetsBytes) {
  // ICU counts UTF-16 units; the column counts characters (𝔸 is two units,
  // four bytes), the offset bytes. ICU places a malformed set at the space
  // before it.
  Result<IcuTransform> bad = IcuTransform::Create("sets", "ж > zh;\n𝔸 > a; $x = [;\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kRuleSyntax);
  const Status status = bad.status();  // status() is a copy: keep it
  const SourcePosition& at = status.where();
  EXPECT_EQ(at.file, "");
  EXPECT_EQ(at.line, 2u) << bad.status().ToString();
  EXPECT_EQ(at.column, 12u) << bad.status().ToString();
  EXPECT_EQ(at.offset, 9u + 4u + 10u) << bad.status().ToString();
  EXPECT_NE(bad.status().message().find("U_MALFORMED_SET"), std::string::npos)
      << bad.status().message();
}

TEST(IcuTransform, AnUnknownIdInRulesHasNoPlaceButTheFile) {
  Result<IcuTransform> bad = IcuTransform::Create("ids", "::Foo-Bar;", "ids.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kRuleSyntax);
  EXPECT_EQ(bad.status().ToString(), "ids.txt: cannot read ICU transform rules: U_INVALID_ID");
}

}  // namespace
}  // namespace normkit
