"""The project's own annotated drafts (tests/eval) and the shared dev set, scored
with the shared scorer (../shared/eval/score.py) as the issues require:
precision before recall, per family."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the project")
@pytest.mark.parametrize("where", [ROOT / "tests" / "eval", DEV], ids=["tests-eval", "shared-dev"])
def test_precision_and_recall(where):
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--min-precision", "0.98", "--min-recall", "0.95", str(where)],
        capture_output=True, text=True, timeout=900,
        env={**os.environ, "DOCLINT_CMD": f"{sys.executable} -m doclint"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "findings on defect-free files 0" in proc.stdout
