#!/usr/bin/env python3
"""Throughput, start-up time and peak memory of a release-built `jpen`.

Builds a mixed English/Japanese corpus from the paragraphs of Corpora/*.txt (shuffled with a fixed
seed into articles of 2-6 KB, so no two documents are alike), then times whole `jpen` processes:

  * each stage (`normalize`, `segment`, `entities`, `dates`, `quotes`) and `extract` over the corpus
    as JSON Lines, in MB of UTF-8 input per second of wall time and per second of CPU time;
  * start-up: one short line in, answer out (median of 7);
  * peak memory (the largest resident set, from wait4) of each run, and with --memory of one
    100 MB document and of a 1 GB JSON Lines stream.

Corpora/ holds about 156 KB, so a corpus of several MB repeats its paragraphs (in new orders): the
per-process memos (name linking, the lexicon scan's narrowing cache) hit more often than on fresh
news, and the figures are higher than on text never seen. `--corpus FILE` times any JSON Lines file
instead ({"id","text"} a line), for example a sample of your own archive.

Every figure is the median of --runs runs. The lexicon is compiled once into the temporary folder
first (unless JPEN_LEXICON names a compiled one), so no run includes compiling it. Usage (from the repository root):

    swift build -c release
    python3 Benchmarks/benchmark.py                  # 16 MB corpus, 3 runs
    python3 Benchmarks/benchmark.py --size 32 --memory
    python3 Benchmarks/benchmark.py --size 4 --runs 1 --stages normalize,segment
    python3 Benchmarks/benchmark.py --corpus my-articles.jsonl --stages extract
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def paragraphs():
    folder = os.path.join(ROOT, "Corpora")
    result = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                result += [p.strip() for p in file.read().split("\n\n") if p.strip()]
    return result


def articles(total_bytes, seed=8):
    """Yields (text, utf8 size) until total_bytes of text: shuffled paragraphs, 2-6 KB each."""
    source = paragraphs()
    rng = random.Random(seed)
    produced = 0
    while produced < total_bytes:
        target = rng.randint(2000, 6000)
        chosen, size = [], 0
        while size < target:
            paragraph = rng.choice(source)
            chosen.append(paragraph)
            size += len(paragraph.encode()) + 2
        text = "\n\n".join(chosen)
        produced += len(text.encode())
        yield text


def write_jsonl(path, total_bytes):
    """A JSON Lines corpus of about total_bytes of text; returns the bytes of text written."""
    text_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        for number, text in enumerate(articles(total_bytes)):
            text_bytes += len(text.encode())
            out.write(json.dumps({"id": number, "text": text, "date": "2024-11-08"}, ensure_ascii=False) + "\n")
    return text_bytes


def run(command, stdin_path):
    """Runs command with stdin from stdin_path, output discarded; (wall s, cpu s, peak MB, status)."""
    with open(stdin_path, "rb") as stdin:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(command, stdin_path, runs):
    results = [run(command, stdin_path) for _ in range(runs)]
    failed = [r[3] for r in results if r[3] != 0]
    if failed:
        sys.exit(f"{' '.join(command)} exited with {failed[0]}")
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jpen", default=os.path.join(ROOT, ".build/release/jpen"))
    parser.add_argument("--size", type=float, default=16, help="corpus size in MB of text (default 16)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is printed")
    parser.add_argument("--corpus", help="time this JSON Lines file ({\"id\",\"text\"} a line, e.g. your own "
                        "articles) instead of the corpus built from Corpora/; --size is then ignored")
    parser.add_argument("--memory", action="store_true", help="also a 100 MB document and a 1 GB JSON Lines stream")
    parser.add_argument("--stages", default="normalize,segment,entities,dates,quotes,extract",
                        help="comma-separated stages to time (default all; extract also runs with --jobs 2)")
    args = parser.parse_args()
    jpen = args.jpen
    with tempfile.TemporaryDirectory() as folder:
        # A private compiled lexicon (unless JPEN_LEXICON names one), so that no other jpen
        # rebuilding the shared cache can land inside a timed run.
        if "JPEN_LEXICON" not in os.environ:
            os.environ["JPEN_LEXICON"] = os.path.join(folder, "lexicon.bin")
            subprocess.run([jpen, "lexicon", "build"], check=True, stdout=subprocess.DEVNULL)
        if args.corpus:
            corpus = os.path.abspath(args.corpus)
            with open(corpus, encoding="utf-8") as lines:
                text_bytes = sum(len(json.loads(line)["text"].encode()) for line in lines if line.strip())
        else:
            corpus = os.path.join(folder, "corpus.jsonl")
            text_bytes = write_jsonl(corpus, int(args.size * 1e6))
        megabytes = text_bytes / 1e6
        print(f"corpus: {megabytes:.1f} MB of text in JSON Lines ({os.path.getsize(corpus) / 1e6:.1f} MB file), "
              f"{os.cpu_count()} cores, median of {args.runs}")
        # Warm the page cache and the lexicon cache.
        measure([jpen, "extract", "--jsonl"], corpus, 1)
        stages = args.stages.split(",")
        rows = [(stage, 1) for stage in stages]
        if "extract" in stages:
            rows.append(("extract", 2))
        for stage, jobs in rows:
            wall, cpu, peak = measure([jpen, stage, "--jsonl", "--jobs", str(jobs)], corpus, args.runs)
            print(f"{stage:9} --jsonl --jobs {jobs}: {megabytes / wall:6.2f} MB/s wall, "
                  f"{megabytes / cpu:6.2f} MB/s per CPU second, peak {peak:.0f} MB")

        line = os.path.join(folder, "line.jsonl")
        with open(line, "w", encoding="utf-8") as out:
            out.write(json.dumps({"id": 1, "text": "石破茂首相は11月7日、トランプ氏と電話で会談した。"}, ensure_ascii=False) + "\n")
        startup = [run([jpen, "extract", "--jsonl"], line)[0] for _ in range(7)]
        print(f"start-up (one short line, extract --jsonl): median {statistics.median(startup) * 1000:.1f} ms "
              f"of 7 (min {min(startup) * 1000:.1f}, max {max(startup) * 1000:.1f})")

        if args.memory:
            document = os.path.join(folder, "document.txt")
            with open(document, "w", encoding="utf-8") as out:
                for text in articles(100_000_000):
                    out.write(text + "\n\n")
            wall, cpu, peak = measure([jpen, "extract", "--json", "-"], document, 1)
            size = os.path.getsize(document) / 1e6
            print(f"one {size:.0f} MB document (extract --json): {size / wall:.2f} MB/s wall, peak {peak:.0f} MB")
            stream = os.path.join(folder, "stream.jsonl")
            with open(stream, "w", encoding="utf-8") as out, open(corpus, encoding="utf-8") as part:
                body = part.read()
                copies = max(1, int(1e9 / len(body.encode())))
                for _ in range(copies):
                    out.write(body)
            size = os.path.getsize(stream) / 1e6
            wall, cpu, peak = measure([jpen, "extract", "--jsonl"], stream, 1)
            print(f"{size:.0f} MB JSON Lines stream (extract --jsonl): {size / wall:.2f} MB/s wall, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
