"""Command line: ``stance train | evaluate | predict`` (mirrors the Python API).

Every command takes ``-c CONFIG`` (repeatable) and dotted ``key=value`` overrides. Evaluate and predict read the
model's saved config; they accept runtime keys only.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from pathlib import Path
from typing import Iterator, Sequence

from stance.config import load_config, resolve_path
from stance.errors import InputError, StanceError

log = logging.getLogger("stance")


def evaluate_model(model_dir: str | Path, data: str | Path, out_dir: str | Path | None = None,
                   overrides: Sequence[str] = (), config_files: Sequence[str] = (), progress: bool | None = None
                   ) -> dict:
    """Evaluate a trained model on a labelled JSONL file; writes the outputs to `out_dir` when given."""
    from stance.data import read_articles
    from stance.evaluation import evaluate_articles
    from stance.model import StanceDetector
    from stance.report import write_evaluation

    detector = StanceDetector.from_pretrained(model_dir, overrides, config_files)
    articles = read_articles(resolve_path(data), detector.registry, detector.labels)
    progress = detector.config.runtime.progress if progress is None else progress
    result = evaluate_articles(detector, articles, progress=progress)
    if out_dir is not None:
        write_evaluation(result, out_dir, str(model_dir), str(data))
    return result["metrics"]


def _read_inputs(path: str) -> Iterator[tuple[str, str]]:
    """(id, text) pairs from '-', a .txt file, a .jsonl/.json file, a .csv file or a folder of .txt files."""
    if path == "-":
        yield "stdin", sys.stdin.read()
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(p.glob("*.txt"))
        if not files:
            raise InputError("folder holds no .txt files", where=str(p), expected="one article per .txt file",
                             found="no .txt files", fix="put articles in NAME.txt files")
        for f in files:
            yield f.stem, f.read_text(encoding="utf-8")
    elif not p.is_file():
        raise InputError("input not found", where=str(p), expected="a file, a folder or '-'", found="nothing there",
                         fix="check the path")
    elif p.suffix in {".jsonl", ".json"}:
        with p.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError("malformed JSON line", where=f"{p}, line {n}", expected="one JSON object a line",
                                     found=err.msg, fix="fix the line") from None
                if not isinstance(obj, dict) or "text" not in obj:
                    raise InputError("JSONL input needs a 'text' field", where=f"{p}, line {n}",
                                     expected='{"id": ..., "text": ...}', found=repr(obj)[:60], fix="add 'text'")
                yield str(obj.get("id", n)), obj["text"]
    elif p.suffix == ".csv":
        with p.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                raise InputError("CSV input needs a 'text' column", where=str(p), expected="columns id?, text",
                                 found=str(reader.fieldnames), fix="name the article column 'text'")
            for n, row in enumerate(reader, 1):
                yield str(row.get("id") or n), row["text"]
    else:
        yield p.stem, p.read_text(encoding="utf-8")


def _write_results(rows: list[dict], out: str | None, fmt: str) -> None:
    fh = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "csv":
            writer = csv.writer(fh)
            writer.writerow(["id", "actor", "target", "label", "score", "evidence"])
            for r in rows:
                writer.writerow([r["id"], r["actor"], r["target"], r["label"], r["score"],
                                 " | ".join(e["text"] for e in r["evidence"])])
        else:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if out:
            fh.close()


def _cmd_train(args: argparse.Namespace) -> int:
    from stance.config import config_to_dict
    from stance.train import train

    cfg = load_config(*args.config, overrides=args.overrides)
    log.info("resolved config:\n%s", json.dumps(config_to_dict(cfg), indent=2))
    result = train(cfg)
    val = result.metrics.get("validation", {}).get("given_actors", {})
    f1 = val.get("macro_f1", float("nan"))
    print(f"model saved to {result.model_dir} (validation given-actors macro-F1 {f1:.3f})")
    for warning in result.metrics.get("warnings", []):
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    m = evaluate_model(args.model, args.data, args.out, args.overrides, args.config)
    g, e = m["given_actors"], m["end_to_end"]
    print(f"{m['n_articles']} articles, {m['n_pairs']} pairs | given actors: macro-F1 {g['macro_f1']:.3f}, "
          f"accuracy {g['accuracy']:.3f} | end to end: F1 {e['f1']:.3f}, actor recall {e['actor_recall']:.3f}")
    print(f"outputs in {args.out}")
    return 0


def _cmd_predict(args: argparse.Namespace) -> int:
    from stance.api import require_default_model
    from stance.model import StanceDetector

    model_dir = args.model or str(require_default_model())
    detector = StanceDetector.from_pretrained(model_dir, args.overrides, args.config)
    inputs = list(_read_inputs(args.input))
    targets = args.targets or None
    actors = args.actors or None
    results = detector.predict_batch([t for _, t in inputs], targets=targets, actors=actors)
    rows = [{"id": i, **r.to_dict()} for (i, _), res in zip(inputs, results) for r in res]
    fmt = args.format or ("csv" if args.out and args.out.endswith(".csv") else "jsonl")
    _write_results(rows, args.out, fmt)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for docs and tests)."""
    parser = argparse.ArgumentParser(prog="stance", description="Actor stance toward targets in news articles.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-c", "--config", action="append", default=[], help="YAML config (repeatable)")
        p.add_argument("overrides", nargs="*", help="dotted key=value overrides, e.g. train.epochs=2")

    p = sub.add_parser("train", help="train a model as the config says")
    common(p)
    p.set_defaults(func=_cmd_train)
    p = sub.add_parser("evaluate", help="evaluate a model on labelled articles")
    p.add_argument("--model", required=True, help="trained model directory")
    p.add_argument("--data", required=True, help="labelled articles (JSONL)")
    p.add_argument("--out", required=True, help="output folder for metrics.json, report.md, plots, predictions")
    common(p)
    p.set_defaults(func=_cmd_evaluate)
    p = sub.add_parser("predict", help="predict stances for articles")
    p.add_argument("input", help="a .txt file, .jsonl/.csv file with a 'text' field, a folder of .txt, or -")
    p.add_argument("--model", help="model directory (default: $STANCE_MODEL or models/default)")
    p.add_argument("--out", help="output file (.jsonl or .csv); default: stdout")
    p.add_argument("--format", choices=["jsonl", "csv"], help="output format (default from --out's suffix)")
    p.add_argument("--targets", nargs="+", help="target ids or free-text descriptions")
    p.add_argument("--actors", nargs="+", help="actor names to look for (default: discover them)")
    common(p)
    p.set_defaults(func=_cmd_predict)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `stance` console script; errors of ours print as messages, exit code 2."""
    parser = build_parser()
    # overrides may follow options (`predict IN --model M key=value`): argparse leaves those as extras
    args, extras = parser.parse_known_args(argv)
    unknown = [x for x in extras if x.startswith("-") or "=" not in x]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.overrides = [*args.overrides, *extras]
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s %(name)s: "
                        "%(message)s")
    try:
        return args.func(args)
    except StanceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
