"""The paper: rebuilt by one command, byte-identical on every run, checked against what is committed."""

import csv
import json
import re
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.report.paper import check_paper, paper_numbers, paper_tables, render_html
from framing.report.results import analyse

REPO = Path(__file__).resolve().parents[2]
N_BOOT = "200"
# A small user corpus written for this test: three outlets on one story, in English and Chinese.
USER_ROWS = [
    ["id", "outlet", "title", "text", "language", "story", "published"],
    ["a1", "Daily Example", "Talks on AI safety resume in Geneva",
     "Negotiators from both countries met again on Tuesday. They said cooperation on AI safety was essential, "
     "according to officials. Sanctions were not discussed.", "en", "geneva", "2024-02-01"],
    ["a2", "Weekly Sample", "Deal with the devil? Critics slam secret AI talks",
     "Critics said the secret talks were a disaster. Hawks demanded new sanctions and export controls against "
     "China. Officials reportedly defended the dialogue.", "en", "geneva", "2024-02-02"],
    ["a3", "华文样报", "中美人工智能安全对话在日内瓦重启",
     "双方代表周二再次会面。官员表示，在人工智能安全方面的合作至关重要。据报道，制裁问题没有讨论。", "zh", "geneva",
     "2024-02-03"],
]
EVALUATION = {  # shaped like `framing evaluate --json` output; the numbers are made up for this test
    "file": "labelled.csv", "method": "unsupervised score",
    "sentence": {"n": 400, "n_positive": 100, "roc_auc": 0.8125, "average_precision": 0.5,
                 "default": {"threshold": 0.5, "precision": 0.6, "recall": 0.4, "f1": 0.48},
                 "best": {"threshold": 0.3, "precision": 0.5, "recall": 0.6, "f1": 0.545}},
    "word": {"n_gold_words": 90, "n_predicted_words": 80, "precision": 0.375, "recall": 0.333, "f1": 0.353},
}


@pytest.fixture(scope="module")
def user_corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(USER_ROWS)
    return path


@pytest.fixture(scope="module")
def user_build(user_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(app, ["paper", str(user_corpus), "--out", str(out), "--n-boot", N_BOOT])
    assert result.exit_code == 0, result.output
    return out


def pdf_streams(pdf: bytes) -> list[bytes]:
    """The decompressed streams of a PDF (object streams hold the font dictionaries)."""
    found = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, flags=re.S):
        try:
            found.append(zlib.decompress(raw))
        except zlib.error:
            continue
    return found


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_committed_paper_is_what_the_code_builds():
    result = CliRunner().invoke(app, ["paper", "--out", str(REPO), "--check"])
    assert result.exit_code == 0, result.output


def test_paper_for_a_user_corpus_has_every_output(user_build):
    built = files(user_build)
    assert {"paper/paper.pdf", "paper/paper.html", "paper/numbers.json", "paper/tables/corpus.csv"} <= set(built)
    assert {f"figures/headline_loadedness.{fmt}" for fmt in ("png", "pdf", "svg")} <= set(built)
    html = built["paper/paper.html"].decode()
    assert "Weekly Sample" in html and "华文样报" in html
    for name in re.findall(r'src="\.\./figures/([\w.]+)"', html):
        assert f"figures/{name}" in built


def test_pdf_embeds_a_cjk_font_and_no_dates(user_build):
    pdf = (user_build / "paper" / "paper.pdf").read_bytes()
    fonts = set(re.findall(rb"/BaseFont\s*/\w+\+([\w-]+)", b"".join(pdf_streams(pdf))))
    assert {b"Noto-Serif-CJK-SC", b"Noto-Sans-CJK-SC"} & fonts, fonts
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf


@pytest.mark.slow
def test_two_builds_are_byte_identical_and_check_names_a_changed_file(user_corpus, user_build, tmp_path):
    again = tmp_path / "again"
    result = CliRunner().invoke(app, ["paper", str(user_corpus), "--out", str(again), "--n-boot", N_BOOT])
    assert result.exit_code == 0, result.output
    assert files(again) == files(user_build)
    (again / "paper" / "tables" / "frames.csv").write_text("edited by hand\n")
    result = CliRunner().invoke(app, ["paper", str(user_corpus), "--out", str(again), "--n-boot", N_BOOT,
                                      "--check"])
    assert result.exit_code == 1
    assert "frames.csv" in result.output and "paper.pdf" not in result.output


@pytest.fixture(scope="module")
def user_results(user_corpus):
    return analyse(framing.load_corpus(user_corpus), seed=0, n_boot=int(N_BOOT))


def test_without_an_evaluation_file_the_paper_says_it_was_not_run(user_results):
    numbers = paper_numbers(user_results)
    html = render_html(numbers, paper_tables(user_results), figures=[])
    assert numbers["evaluation"] == {}
    assert "has not been run" in html


def test_an_evaluation_file_is_reported_from_its_numbers(user_results):
    numbers = paper_numbers(user_results, evaluations={"unsupervised": EVALUATION})
    html = render_html(numbers, paper_tables(user_results), figures=[])
    assert "ROC AUC of 0.81" in html and "F1 0.35" in html and "has not been run" not in html


def test_a_cross_validated_encoder_evaluation_gets_its_own_sentence_and_table_row(user_results):
    encoder = {**EVALUATION, "method": "5-fold cross-validation, seed 0, encoder minilm",
               "sentence": {**EVALUATION["sentence"], "roc_auc": 0.875,
                            "default": {**EVALUATION["sentence"]["default"], "f1": 0.583}}}
    numbers = paper_numbers(user_results, evaluations={"unsupervised": EVALUATION, "cross_validated_encoder": encoder})
    html = render_html(numbers, paper_tables(user_results), figures=[])
    assert "the trained model reaches F1 0.58 and a ROC AUC of\n0.88" in html
    assert "<td>5-fold cross-validation, seed 0, encoder minilm</td>" in html


def test_numbers_are_plain_json_without_nan(user_results):
    text = json.dumps(paper_numbers(user_results), allow_nan=False)
    assert json.loads(text)["corpus"]["n_full_text"] == 3


def test_check_names_files_missing_from_the_output(user_corpus, tmp_path):
    differ = check_paper(framing.load_corpus(user_corpus), out_dir=tmp_path, n_boot=int(N_BOOT))
    assert "paper/paper.pdf" in differ and "figures/frame_heatmap.png" in differ


def test_an_evaluation_file_that_is_not_json_is_a_one_line_error(user_corpus, tmp_path):
    inputs = tmp_path / "paper" / "inputs"
    inputs.mkdir(parents=True)
    (inputs / "evaluation.json").write_text("AUC 0.8\n")
    result = CliRunner().invoke(app, ["paper", str(user_corpus), "--out", str(tmp_path), "--n-boot", N_BOOT])
    assert result.exit_code == 2
    assert "evaluation.json: not JSON from `framing evaluate --json`" in result.output


def test_numbers_that_round_to_zero_carry_no_sign():
    from framing.report.paper import fmt_number

    assert [fmt_number(v, signed=True) for v in (-0.001, 0.004, -0.3, 0.25)] == ["0.00", "0.00", "\u22120.30", "+0.25"]
