"""The sync core's peers on Triangulate's workload (issue 19, item 1).

The workload, as `triangulate-bench --suite sync` runs it: DOCUMENTS documents, each a map of five
fields with the values of `Sources/triangulate-bench/Workload.swift` (reference, summary, state,
dueBy, evidence), written on one replica; then EDIT-FRACTION of the fields, chosen by a seeded
generator, edited concurrently with different values on two replicas forked from the first, and
merged both ways. Each library runs it in this process, in memory:

- full merge: the first replica's whole state, as the bytes it sends, imported into an empty
  replica (field values a second);
- concurrent merge: each forked replica's edits, as the bytes it sends, imported into the other
  (edits a second, both ways);
- wire bytes per edit: one replica's edits as the library encodes them to send, over the edits,
  and the same less the edit's 14-byte value (Triangulate's figure counts everything but the
  value, its documents' headers included);
- full state bytes per record: the first replica's state as sent, over the documents;
- convergence: the two forked replicas equal after merging.

Each merge is timed from the bytes, decoding included, on both sides: the ratios use
Triangulate's `mergeFromBytes` and `concurrentMergeFromBytes`. Its merges of changes already
decoded (`inMemoryMerge`, `inMemoryConcurrentMerge`) and its decoding alone (`decodeFromBytes`,
`concurrentDecodeFromBytes`) are printed beside them, without ratios.

Run through `ops/bench/peers.sh`, which installs the peers in a virtual environment and gives
this script Triangulate's figures from the same run, to print ratios.
"""
import argparse
import json
import random
import sys
import time

FIELDS = ["reference", "summary", "state", "dueBy", "evidence"]
# The concurrent edits' values, as triangulate-bench writes them: 14 bytes each.
EDITS = {"L": "Amended by NMC", "R": "Amended by GMC"}


def value(field, index):
    if field == "reference":
        return f"ECP-2026-{index % 10_000:04d}/A{index % 7 + 1}"
    if field == "summary":
        return f"Unannounced inspection of night staffing, item {index}"
    if field == "state":
        return "agreed"
    if field == "dueBy":
        return f"2026-0{index % 9 + 1}-1{index % 10}"
    return f"Report filed {index}"


def workload(documents, fraction, seed):
    chooser = random.Random(seed)
    count = max(1, int(documents * len(FIELDS) * fraction))
    chosen = sorted(chooser.sample(range(documents * len(FIELDS)), count))
    ids = [f"doc-{index:08d}" for index in range(documents)]
    return ids, [(slot // len(FIELDS), FIELDS[slot % len(FIELDS)]) for slot in chosen]


def best(repeats, run):
    results = [run() for _ in range(repeats)]
    return min(results, key=lambda result: result["seconds"])


def pycrdt_run(ids, edits, repeats):
    from pycrdt import Doc, Map

    def fill():
        doc = Doc(client_id=1)
        docs = doc.get("docs", type=Map)
        with doc.transaction():
            for index, identifier in enumerate(ids):
                docs[identifier] = Map({field: value(field, index) for field in FIELDS})
        return doc

    source = fill()
    full = source.get_update()

    def merge_full():
        target = Doc(client_id=2)
        start = time.perf_counter()
        target.apply_update(full)
        return {"seconds": time.perf_counter() - start}

    full_merge = best(repeats, merge_full)

    def concurrent():
        left, right = Doc(client_id=3), Doc(client_id=4)
        left.apply_update(full)
        right.apply_update(full)
        base = left.get_state()
        for doc, tag in ((left, "L"), (right, "R")):
            docs = doc.get("docs", type=Map)
            with doc.transaction():
                for index, field in edits:
                    docs[ids[index]][field] = EDITS[tag]
        left_edits, right_edits = left.get_update(base), right.get_update(base)
        start = time.perf_counter()
        left.apply_update(right_edits)
        right.apply_update(left_edits)
        seconds = time.perf_counter() - start
        converged = left.get("docs", type=Map).to_py() == right.get("docs", type=Map).to_py()
        return {"seconds": seconds, "bytes": len(left_edits), "converged": converged}

    merged = best(repeats, concurrent)
    return report(ids, edits, full, full_merge, merged)


def loro_run(ids, edits, repeats):
    from loro import ExportMode, LoroDoc, LoroMap, VersionVector

    source = LoroDoc()
    source.peer_id = 1
    docs = source.get_map("docs")
    for index, identifier in enumerate(ids):
        document = docs.insert_container(identifier, LoroMap())
        for field in FIELDS:
            document.insert(field, value(field, index))
    source.commit()
    # Merged as the operations that made it (a snapshot's import is lazy: it defers the work to
    # the first read, so timing it would time nothing); sized as the more compact snapshot.
    full = source.export(ExportMode.Updates(from_=VersionVector()))
    snapshot = source.export(ExportMode.Snapshot())

    def merge_full():
        target = LoroDoc()
        start = time.perf_counter()
        target.import_(full)
        return {"seconds": time.perf_counter() - start}

    full_merge = best(repeats, merge_full)

    def concurrent():
        left, right = LoroDoc(), LoroDoc()
        left.peer_id = 3
        right.peer_id = 4
        left.import_(full)
        right.import_(full)
        base = left.oplog_vv
        for doc, tag in ((left, "L"), (right, "R")):
            root = doc.get_map("docs")
            for index, field in edits:
                root.get(ids[index]).container.insert(field, EDITS[tag])
            doc.commit()
        left_edits = left.export(ExportMode.Updates(from_=base))
        right_edits = right.export(ExportMode.Updates(from_=base))
        start = time.perf_counter()
        left.import_(right_edits)
        right.import_(left_edits)
        seconds = time.perf_counter() - start
        converged = left.get_deep_value() == right.get_deep_value()
        return {"seconds": seconds, "bytes": len(left_edits), "converged": converged}

    merged = best(repeats, concurrent)
    return report(ids, edits, snapshot, full_merge, merged)


def report(ids, edits, state, full_merge, merged):
    values = len(ids) * len(FIELDS)
    return {
        "fullMergeValuesPerSecond": round(values / full_merge["seconds"]),
        "concurrentMergeEditsPerSecond": round(2 * len(edits) / merged["seconds"]),
        "wireBytesPerEdit": round(merged["bytes"] / len(edits), 1),
        "wireBytesPerEditBesidesValue": round(merged["bytes"] / len(edits) - len(EDITS["L"]), 1),
        "fullStateBytesPerRecord": round(len(state) / len(ids), 1),
        "converged": merged["converged"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--edit-fraction", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--triangulate", help="triangulate-bench --suite sync's JSON, for ratios")
    arguments = parser.parse_args()
    ids, edits = workload(arguments.documents, arguments.edit_fraction, arguments.seed)
    peers = {}
    for name, run in (("pycrdt", pycrdt_run), ("loro", loro_run)):
        try:
            peers[name] = run(ids, edits, arguments.repeats)
        except ImportError:
            print(f"peers: {name} is not installed, skipped (ops/bench/peers.sh installs it)", file=sys.stderr)
    result = {"documents": arguments.documents, "edits": len(edits), "peers": peers}
    if arguments.triangulate:
        with open(arguments.triangulate) as file:
            sync = json.load(file)["sync"]
        # Like for like: the peers' merges import their own bytes, so ours decode a change set.
        ours = {
            "fullMergeValuesPerSecond": sync["mergeFromBytes"],
            "concurrentMergeEditsPerSecond": sync["concurrentMergeFromBytes"],
            "fullMergeOfDecodedChangesValuesPerSecond": sync["inMemoryMerge"]["value"],
            "concurrentMergeOfDecodedChangesEditsPerSecond": sync["inMemoryConcurrentMerge"]["value"],
            "wireBytesPerEditBesidesValue": sync["wireBytesPerEditWithHeaders"],
            "converged": sync["converged"],
        }
        # Decoding alone, where the suite reports it: the part of each merge from bytes that is decoding.
        for key, figure in (("fullDecodeValuesPerSecond", "decodeFromBytes"),
                            ("concurrentDecodeEditsPerSecond", "concurrentDecodeFromBytes")):
            if figure in sync:
                ours[key] = sync[figure]
        result["triangulate"] = ours
        result["ratios"] = {
            name: {
                "fullMerge": round(ours["fullMergeValuesPerSecond"] / figures["fullMergeValuesPerSecond"], 2),
                "concurrentMerge": round(ours["concurrentMergeEditsPerSecond"] / figures["concurrentMergeEditsPerSecond"], 2),
                "wireBytesPerEditBesidesValue": round(ours["wireBytesPerEditBesidesValue"] / figures["wireBytesPerEditBesidesValue"], 2),
            }
            for name, figures in peers.items()
        }
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
