"""Evaluation outputs people would rather see than read: a Markdown report and a confusion-matrix plot."""

from __future__ import annotations

import json
from pathlib import Path


def plot_confusion_matrix(cm: dict, path: str | Path, title: str = "Given-actors confusion matrix") -> None:
    """Write a confusion-matrix PNG (rows = gold, columns = predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels, matrix = cm["labels"], np.asarray(cm["matrix"])
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=120)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    peak = matrix.max() if matrix.size else 0
    for i in range(len(labels)):
        for j in range(len(labels)):
            ax.text(j, i, str(matrix[i, j]), ha="center", va="center",
                    color="white" if peak and matrix[i, j] > peak / 2 else "black")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def markdown_report(metrics: dict, model_dir: str, data: str) -> str:
    """The evaluation as Markdown."""
    g, e = metrics["given_actors"], metrics["end_to_end"]
    lines = [f"# Evaluation of `{model_dir}`", "", f"Data: `{data}` — {metrics['n_articles']} articles, "
             f"{metrics['n_pairs']} gold (actor, target) pairs.", "",
             "## Given actors", "", f"- macro-F1: **{g['macro_f1']:.3f}**", f"- accuracy: {g['accuracy']:.3f}",
             f"- pairs with no evidence found (scored as neutral): {g.get('not_addressed', 0)}", "",
             "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, v in g["per_label"].items():
        lines.append(f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |")
    lines += ["", "| target | macro-F1 | pairs |", "|---|---|---|"]
    for t, v in g["per_target"].items():
        lines.append(f"| {t} | {v['macro_f1']:.3f} | {v['n']} |")
    cm = g["confusion_matrix"]
    lines += ["", "Confusion matrix (rows gold, columns predicted): ![confusion matrix](confusion_matrix.png)", "",
              "| gold \\ pred | " + " | ".join(cm["labels"]) + " |", "|---" * (len(cm["labels"]) + 1) + "|"]
    for lab, row in zip(cm["labels"], cm["matrix"]):
        lines.append(f"| {lab} | " + " | ".join(map(str, row)) + " |")
    cal = g.get("calibration", {})
    lines += ["", f"Calibration over the {cal.get('n', 0)} pairs with evidence: expected calibration error "
              f"**{cal.get('ece', float('nan')):.3f}** ![reliability](reliability.png)", "",
              "| score bin | pairs | accuracy | mean score |", "|---|---|---|---|"]
    for b in cal.get("bins", []):
        lines.append(f"| {b['low']:.1f}–{b['high']:.1f} | {b['n']} | {b['accuracy']:.3f} | {b['confidence']:.3f} |")
    lines += ["", "## End to end (system finds the actors)", "",
              f"- precision {e['precision']:.3f}, recall {e['recall']:.3f}, F1 **{e['f1']:.3f}** over support/oppose "
              f"triples ({e['tp']} correct of {e['n_pred']} predicted, {e['n_gold']} gold)",
              f"- actor recall: {e['actor_recall']:.3f}", ""]
    return "\n".join(lines)


def write_evaluation(result: dict, out_dir: str | Path, model_dir: str, data: str) -> Path:
    """metrics.json, report.md, confusion_matrix.png and predictions.jsonl in `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    metrics = result["metrics"]
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    (out / "report.md").write_text(markdown_report(metrics, model_dir, data), encoding="utf-8")
    plot_confusion_matrix(metrics["given_actors"]["confusion_matrix"], out / "confusion_matrix.png")
    from stance.calibration import plot_reliability

    plot_reliability(metrics["given_actors"]["calibration"], out / "reliability.png")
    with (out / "predictions.jsonl").open("w", encoding="utf-8") as fh:
        for p in result["predictions"]:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    return out
