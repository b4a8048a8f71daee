"""The ``corpus-tools`` command: report and evaluate sub-commands, exit codes, clear errors."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pytest

from corpus_tools import cli

ROOT = Path(__file__).resolve().parents[1]

# (argv, attribute, expected value): one line per option the README relies on
PARSE_CASES = [
    # no corpus given: the repository's seeds/ is used later
    (["report"], "corpus", None),
    # the default report folder
    (["report"], "out", "report"),
    # the README's main command
    (["report", "seeds", "--out", "report"], "corpus", "seeds"),
    # another report folder
    (["report", "x.zip", "--out", "site"], "out", "site"),
    # the notebooks folder can be replaced
    (["report", "--notebooks", "nbs"], "notebooks", "nbs"),
    # notebooks only
    (["report", "--no-charts"], "charts", False),
    # charts by default
    (["report"], "charts", True),
    # a quiet run shows no progress bar
    (["report", "--quiet"], "quiet", True),
    # per-cell timeout in seconds
    (["report", "--timeout", "30"], "timeout", 30),
]


@pytest.mark.parametrize("argv, attribute, expected", PARSE_CASES)
def test_parse(argv, attribute, expected):
    assert getattr(cli.parser().parse_args(argv), attribute) == expected


def test_default_corpus_is_the_repository_seeds():
    assert Path(cli._default_corpus()) == ROOT / "seeds"


def test_console_script_points_at_main():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, name = scripts["corpus-tools"].partition(":")
    assert getattr(importlib.import_module(module), name) is cli.main


@pytest.mark.parametrize(
    "argv, forwarded",
    [
        # the sub-command and its options go to the evaluator unchanged
        (["evaluate", "text", "--limit", "5"], ["text", "--limit", "5"]),
        # options that look like ours (--out) belong to the evaluator too
        (["evaluate", "names", "--out", "x"], ["names", "--out", "x"]),
    ],
)
def test_evaluate_is_delegated(monkeypatch, argv, forwarded):
    import corpus_tools.evaluate.__main__ as evaluate_main

    seen = []
    monkeypatch.setattr(evaluate_main, "main", lambda args: seen.append(args) or 7)
    assert cli.main(argv) == 7
    assert seen == [forwarded]


def test_evaluate_unknown_command_is_a_usage_error(capsys):
    assert cli.main(["evaluate", "nonsense"]) == 2
    assert "usage" in capsys.readouterr().err


def test_missing_corpus_exits_2_without_traceback(tmp_path, capsys):
    code = cli.main(["report", str(tmp_path / "nothing"), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no such file or folder" in err and "Traceback" not in err


def test_unknown_subcommand_exits_2():
    with pytest.raises(SystemExit) as exc:
        cli.main(["publish"])
    assert exc.value.code == 2


def _run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "corpus_tools", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_python_m_corpus_tools_help(tmp_path):
    result = _run("report", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--out" in result.stdout and "corpus-tools report" in result.stdout


def test_python_m_corpus_tools_report_writes_an_index(tmp_path):
    # no notebooks, no charts: the command's plumbing only (test_report.py covers the rest)
    (tmp_path / "nbs").mkdir()
    result = _run("report", str(ROOT / "seeds"), "--out", "out", "--notebooks", "nbs", "--no-charts", "--quiet",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote " in result.stdout and (tmp_path / "out" / "index.html").exists()
    assert "Traceback" not in result.stderr
