"""The CLI, driven as a user would (typer's CliRunner), on the sample corpus."""

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

COMMANDS = ["analyze", "ingest", "extract", "annotate", "documents", "timeline", "actors", "quotes", "stories",
            "export", "report"]


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory, sample_dir):
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["analyze", str(sample_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_complete_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.split()) > 20


def test_help_paragraphs_flow_to_the_terminal_width():
    # a docstring's source line breaks are not the terminal's: a wide terminal gets whole lines
    result = runner.invoke(app, ["analyze", "--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert "Exit code 0 when at least one document made it" in " ".join(result.output.split("│"))


def test_help_is_instant_because_heavy_libraries_load_lazily():
    code = "import sys, storyline.cli; print(sorted(m for m in ('spacy', 'torch', 'trafilatura') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyze_writes_db_export_and_report(analyzed):
    out, result = analyzed
    for name in ("storyline.db", "storyline.json", "report.html"):
        assert (out / name).is_file()
    export = json.loads((out / "storyline.json").read_text())
    assert len(export["documents"]) == 3 and export["skipped"] == []


def test_analyze_export_matches_the_schema_and_its_offsets_hold(analyzed):
    from storyline.present.export import validate_export

    out, _ = analyzed
    validate_export(json.loads((out / "storyline.json").read_text()))


def test_quotes_in_the_export_name_their_speaker_across_the_corpus(analyzed):
    out, _ = analyzed
    export = json.loads((out / "storyline.json").read_text())
    names = {a["id"]: a["name"] for a in export["actors"]}
    tweet = [q for q in export["quotes"] if q["text"].startswith("“Just landed")]
    assert len(tweet) == 1 and names[tweet[0]["speaker"]] == "Donald Trump"


def test_analyze_exits_nonzero_with_reasons_when_nothing_made_it(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "empty or blank" in result.output


def test_analyze_rerun_is_idempotent(analyzed, sample_dir):
    out, _ = analyzed
    before = json.loads((out / "storyline.json").read_text())
    result = runner.invoke(app, ["analyze", str(sample_dir), "--out", str(out)])
    assert result.exit_code == 0
    after = json.loads((out / "storyline.json").read_text())
    for key in ("documents", "actors", "events", "quotes", "stories"):
        assert after[key] == before[key], key


def test_extract_prints_one_document_per_line(sample_dir):
    result = runner.invoke(app, ["extract", str(sample_dir), "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert len(lines) == 3
    for doc in lines:
        assert {"id", "source_path", "url", "title", "outlet", "authors", "published", "published_inferred",
                "updated", "language", "text", "word_count", "duplicate_of"} <= set(doc)


def test_annotate_json_has_offsets_that_slice_the_text(sample_files):
    result = runner.invoke(app, ["annotate", str(sample_files[1]), "--dct", "2018-06-14", "--format", "json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["dct"] == "2018-06-14"
    for key in ("sentences", "entities", "timexes", "quotes", "clauses"):
        assert obj[key], key
        for item in obj[key]:
            assert obj["text"][item["start"]:item["end"]] == item["text"]
    assert all(0 <= c["timex"] < len(obj["timexes"]) for c in obj["clauses"])


def test_annotate_no_clean_analyzes_the_file_text_exactly(sample_files):
    result = runner.invoke(app, ["annotate", str(sample_files[2]), "--no-clean", "--format", "jsonl"])
    assert result.exit_code == 0
    obj = json.loads(result.stdout.splitlines()[0])
    assert obj["text"] == sample_files[2].read_text(encoding="utf-8")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_annotate_keeps_the_files_order_around_a_rejected_one(tmp_path, sample_files, workers):
    names = []
    for k in range(18):  # more than one batch, so two processes both parse
        source = sample_files[k % len(sample_files)]
        (tmp_path / f"{k:02d}a.txt").write_text(source.read_text(encoding="utf-8")[: 400 + 50 * k], encoding="utf-8")
        names.append(f"{k:02d}a.txt")
        if k == 4:
            (tmp_path / "04b.txt").write_text("", encoding="utf-8")  # empty: rejected with its reason
    result = runner.invoke(app, ["annotate", str(tmp_path), "--format", "jsonl", "--workers", workers])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["source_path"].rsplit("/", 1)[-1] for o in objs] == names
    assert "04b.txt" in result.stderr and all(o["entities"] for o in objs)


def test_annotate_says_why_a_document_was_not_analyzed(tmp_path):
    german = tmp_path / "bericht.txt"
    german.write_text("Der Bundestag hat am Donnerstag nach einer langen und hitzigen Debatte über die Zukunft der "
                      "Energiepolitik ein neues Gesetz beschlossen. Die Opposition kritisierte den Entwurf scharf und "
                      "kündigte an, vor das Bundesverfassungsgericht zu ziehen.\n", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(german), "--format", "json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert "not English" in obj["analysis_skipped"] and not obj["entities"]
    assert "not analyzed" in result.stderr and "bericht.txt" in result.stderr


@pytest.mark.parametrize("dct", ["yesterday", "2019-13-45", "2019-02-30", "2019-00"])
def test_annotate_rejects_a_bad_dct(dct):
    # one shaped like a date but off the calendar had failed every document's analysis
    result = runner.invoke(app, ["annotate", "x.txt", "--dct", dct])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.parametrize("command", ["documents", "timeline", "actors", "quotes", "stories"])
def test_views_show_the_analyzed_store(analyzed, command):
    out, _ = analyzed
    result = runner.invoke(app, [command, "--db", str(out / "storyline.db")])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) > 3


def test_timeline_filters_by_actor_alias(analyzed):
    out, _ = analyzed
    result = runner.invoke(app, ["timeline", "--db", str(out / "storyline.db"), "--actor", "Kim"])
    assert result.exit_code == 0 and "Kim" in result.stdout
    missing = runner.invoke(app, ["timeline", "--db", str(out / "storyline.db"), "--actor", "Nobody Atall"])
    assert missing.exit_code == 1 and "storyline actors" in missing.output


def test_timeline_says_dates_as_a_reader_does(analyzed):
    out, _ = analyzed
    result = runner.invoke(app, ["timeline", "--db", str(out / "storyline.db")])
    # the Singapore summit: its day as words, the TIMEX3 value under it; the 2017 autumn as a season
    assert "12 June 2018" in result.stdout and "2018-06-12" in result.stdout
    assert "autumn 2017" in result.stdout


def test_views_on_a_missing_store_say_what_to_do(tmp_path):
    result = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "storyline analyze" in result.output


@pytest.mark.parametrize("command", [["analyze", "IN", "--out", "OUT"], ["documents", "--db", "OUT/storyline.db"]])
def test_a_damaged_store_ends_the_command_with_what_to_do_not_a_traceback(tmp_path, sample_dir, command):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "storyline.db").write_bytes(b"\x00garbage, not SQLite" * 100)
    args = [a.replace("IN", str(sample_dir)).replace("OUT", str(tmp_path / "out")) for a in command]
    done = subprocess.run([sys.executable, "-c", "from storyline.cli import app; app()", *args],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "300"})
    assert done.returncode == 1
    assert "error: cannot open" in done.stderr and "move the damaged one away" in done.stderr
    assert "Traceback" not in done.stderr and "╭" not in done.stderr


@pytest.mark.parametrize("format", ["json", "jsonl"])
def test_annotate_exits_1_when_no_file_could_be_read_in_either_format(tmp_path, format):
    # jsonl had exited 0 with no output at all
    result = runner.invoke(app, ["annotate", str(tmp_path / "missing.txt"), "--format", format])
    assert result.exit_code == 1 and "no such file" in " ".join(result.output.split())
