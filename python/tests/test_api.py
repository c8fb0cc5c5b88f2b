"""The Python API against the command line and the C++ library's promises:
the same bytes as `normkit`, errors with positions, pickling, threads."""
import json
import pickle
import subprocess
import threading

import pytest

import normkit
from conftest import shared_file


def cli(binary, *args, data):
    done = subprocess.run([binary, *args], input=data, capture_output=True, check=True)
    return done.stdout


def test_normalizer_matches_cli(normkit_bin, article):
    n = normkit.Normalizer()
    expected = cli(normkit_bin, "normalize", data=article.encode()).decode()
    assert n.normalize(article) == expected
    assert n.is_normalized(expected)
    assert n.normalize("Cafe\u0301") == "Caf\u00e9"
    plain = "Уже нормально.\n"
    assert n.normalize(plain) == plain
    with pytest.raises(ValueError):
        normkit.Normalizer(form="nfx")


def test_transliterator_and_schemes(normkit_bin, article):
    ids = [s["id"] for s in normkit.schemes()]
    assert "ru/bgn_pcgn" in ids
    assert all(s["title"] and s["standard"] for s in normkit.schemes())
    t = normkit.Transliterator("ru/bgn_pcgn")
    expected = cli(normkit_bin, "translit", "-s", "ru/bgn_pcgn", data=article.encode()).decode()
    assert t.transliterate(article) == expected
    assert t.transliterate("Токаев") == "Tokayev"
    assert t.scheme == "ru/bgn_pcgn" and not t.reverse


def test_unknown_scheme_names_the_nearest():
    with pytest.raises(normkit.UnknownSchemeError) as caught:
        normkit.Transliterator("ru/bgn")
    assert isinstance(caught.value, KeyError)
    assert "ru/bgn_pcgn" in caught.value.nearest
    assert "ru/bgn_pcgn" in str(caught.value)


def test_icu_transform():
    assert normkit.icu_transform("Any-Latin", "Привет") == "Privet"
    with pytest.raises(KeyError):
        normkit.icu_transform("No-Such-Transform", "x")


def test_dates_parse_and_find_use_string_indices():
    d = normkit.DateFinder(["ru"])
    assert d.parse("20 июня 2022,, 14:01") == "2022-06-20T14:01"
    assert d.parse("нет даты") is None
    text = "Ёж — 20 июня 2022 года, в 14:01, и 5 мая."
    found = d.find(text)
    assert [m["iso"] for m in found] == ["2022-06-20T14:01", "--05-05"]
    for m in found:
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["language"] == "ru"
    assert d.languages == ["ru"]
    with pytest.raises(ValueError):
        normkit.DateFinder(["xx-nonexistent"])


def test_header_cleaner_matches_cli(normkit_bin, article):
    cleaned = normkit.HeaderCleaner().clean(article)
    assert cleaned == json.loads(cli(normkit_bin, "clean", data=article.encode()))
    assert cleaned["removed"], "the seed article has header lines"
    assert all(r["line"] >= 1 and r["rule"] for r in cleaned["removed"])
    assert set(cleaned) >= {"title", "published", "authors", "photo_credits", "removed",
                            "kept_whole", "lines", "body"}


def test_variant_index(tmp_path):
    v = normkit.VariantIndex()
    assert v.apply("Tokaev met Tokayev") == "Tokayev met Tokayev"
    assert v.key("Tokaev") == v.key("Tokayev")
    assert v.canonical("Tokaev") == "Tokayev"
    texts = ["Глава Казахстана Токаев заявил", "Президент Токаев", "Президент Токаєв сказав"]
    clusters = v.discover(texts)
    assert clusters, "two spellings of one name make a cluster"
    spellings = {s for c in clusters for s, _ in c["variants"]}
    assert {"Токаев", "Токаєв"} <= spellings
    mine = tmp_path / "mine.toml"
    mine.write_text('[[name]]\ncanonical = "Zhumabekov"\ncyrillic = "Жумабеков"\n'
                    'variants = ["Jumabekov"]\n', encoding="utf-8")
    own = normkit.VariantIndex(lexicons=[mine], builtin=False)
    assert own.apply("Jumabekov and Tokaev") == "Zhumabekov and Tokaev"
    assert pickle.loads(pickle.dumps(own)).apply("Jumabekov") == "Zhumabekov"
    bad = tmp_path / "bad.toml"
    bad.write_text("[[name]\n", encoding="utf-8")
    with pytest.raises(normkit.RuleError) as caught:
        normkit.VariantIndex(lexicons=[bad])
    assert caught.value.file == str(bad) and caught.value.line == 1


def test_pipeline_jsonl_is_the_cli_path(normkit_bin, article, tmp_path):
    lines = (json.dumps({"id": 1, "text": article}, ensure_ascii=False) + "\n"
             + "not json at all\n\n"
             + '{"text": "Bad \xff bytes 20 июня 2022"}\n').encode("utf-8", "surrogateescape")
    lines = lines.replace("\xff".encode(), b"\xff")  # an invalid UTF-8 byte in a record
    p = normkit.Pipeline("news")
    stats = {}
    out = p.process_jsonl(lines, stats=stats)
    summary = tmp_path / "stats.json"
    assert out == cli(normkit_bin, "run", "-q", "--stats", str(summary), data=lines)
    assert out.count(b"\n") == lines.count(b"\n")
    assert b"not json at all\n" in out
    expected = json.loads(summary.read_text())
    for key in ("documents", "invalid_records", "kept_whole"):
        assert stats[key] == expected[key], key
    assert [(s["step"], s["count"]) for s in stats["steps"]] == \
        [(s["step"], s["count"]) for s in expected["steps"]]
    text, metadata = p.process(article)
    assert metadata["removed"] and metadata["dates"]
    assert json.loads(out.splitlines()[0])["text"] == text


def test_normalizer_repairs_mojibake_when_asked():
    broken = "Привет, мир".encode("utf-8").decode("cp1251")  # РџСЂРёРІРµС‚, РјРёСЂ
    fixer = normkit.Normalizer(fix_mojibake=True)
    assert fixer.normalize(broken) == "Привет, мир"
    assert normkit.Normalizer().normalize(broken) == broken
    assert pickle.loads(pickle.dumps(fixer)).normalize(broken) == "Привет, мир"
    latin_t = "Tокаев"  # a Latin T
    assert normkit.Normalizer(fix_homoglyphs=True).normalize(latin_t) == "Токаев"


def test_pipeline_audit_is_the_reports(article):
    # Two calls in input order, the second placed at its first line, give the
    # audit of one call over both: the report's detail, from Python.
    records = [json.dumps({"text": article}, ensure_ascii=False),
               "not json",
               json.dumps({"text": "Tokaev  met Nazarbaev on 20 June 2022."}, ensure_ascii=False)]
    lines = ("\n".join(records) + "\n").encode()
    p = normkit.Pipeline("news")
    whole = {}
    p.process_jsonl(lines, stats=whole, audit=True)
    parts = {}
    first, rest = lines.split(b"\n", 1)
    p.process_jsonl(first + b"\n", stats=parts, audit=True)
    p.process_jsonl(rest, stats=parts, audit=True, first_line=2)
    a, b = whole["audit"], parts["audit"]
    assert isinstance(a, normkit.PipelineAudit)
    assert a.rules == b.rules and a.date_years == b.date_years
    assert a.not_json_lines == [2] == b.not_json_lines
    assert a.rewrites["Tokayev"]["Tokaev"] >= 1
    assert a.date_months["2022-06"] >= 1
    samples = a.rules[("normalize", "whitespace")]["samples"]
    assert samples[-1]["line"] == 3 and "Tokaev" in samples[-1]["before"]
    begin, end = samples[-1]["before_changed"]
    assert samples[-1]["before"].encode()[begin:end] == b" "
    assert sum(a.length_before) == 2
    assert "audit" not in (lambda s: (p.process_jsonl(lines, stats=s), s)[1])({})


def test_pipeline_recipe_errors_have_positions(tmp_path):
    recipe = tmp_path / "mine.toml"
    recipe.write_text('name = "mine"\n[[step]]\nuse = "nope"\n', encoding="utf-8")
    with pytest.raises(normkit.RuleError) as caught:
        normkit.Pipeline(str(recipe))
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.file, error.line) == (str(recipe), 3)
    assert error.column >= 1
    with pytest.raises(KeyError):
        normkit.Pipeline("no-such-recipe")


def test_everything_pickles(article):
    objects = [normkit.Normalizer(form="nfkc", punct=True), normkit.Transliterator("uk/national_2010"),
               normkit.DateFinder(["ru", "uk"]), normkit.DateFinder(), normkit.HeaderCleaner(),
               normkit.VariantIndex(), normkit.Pipeline("news")]
    for original in objects:
        copy = pickle.loads(pickle.dumps(original))
        assert type(copy) is type(original)
    n, t, d, _, h, v, p = [pickle.loads(pickle.dumps(o)) for o in objects]
    assert n.normalize("«x»…") == objects[0].normalize("«x»…")
    assert t.transliterate("Київ") == objects[1].transliterate("Київ")
    assert d.languages == ["ru", "uk"]
    assert h.clean(article) == objects[4].clean(article)
    assert v.apply("Tokaev") == "Tokayev"
    assert p.process(article) == objects[6].process(article)


def test_threads_share_one_pipeline():
    corpus = shared_file("corpora/ru-news.jsonl.zst")
    data = subprocess.run(["zstd", "-dc", str(corpus)], capture_output=True,
                          check=True).stdout
    lines = data.splitlines(keepends=True)[:400]
    halves = [b"".join(lines[0::2]), b"".join(lines[1::2])]
    p = normkit.Pipeline("news")
    expected = [p.process_jsonl(h) for h in halves]
    results = [None, None]

    def work(i):
        for _ in range(3):
            results[i] = p.process_jsonl(halves[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == expected
