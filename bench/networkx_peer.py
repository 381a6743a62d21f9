"""The peer a data scientist would write with NetworkX, on the same SMART model document.

  python3 bench/networkx_peer.py MODEL.json dominators
      every dependency is an alternative (any one will do) and the map is acyclic: the single
      points of failure of a function are its dominators, seen from a root standing for
      "everything the map starts from" (one immediate_dominators call for all functions).
  python3 bench/networkx_peer.py MODEL.json propagate [SAMPLE]
      all-of dependencies, groups of alternatives (k of n), cycles: fail each node alone and
      propagate (breadth first, counting members down per group); SAMPLE limits the run to the
      candidates listed in the document's "benchSample" field, for an extrapolation.

Prints one JSON object: seconds to build the graph and to run the algorithm, the answers
(single-point-of-failure pairs, for checking against SMART) and peak memory.
"""

import json
import resource
import sys
import time
from collections import deque

import networkx as nx

ROOT = "__root__"


def build_graph(model):
    """Failure flows along edges: dependency -> dependent, with the group of alternatives if any."""
    graph = nx.DiGraph()
    nodes = [n["id"] for key in ("functions", "processSteps", "systems", "services", "vendors", "hosts")
             for n in model.get(key, [])]
    graph.add_nodes_from(nodes)
    group_of = {}
    thresholds = {}
    for group in model.get("alternatives", []):
        thresholds[group["id"]] = len(group["members"]) - group.get("k", 1) + 1
        for member in group["members"]:
            group_of[(group["from"], member)] = group["id"]
    for dep in model.get("dependencies", []):
        graph.add_edge(dep["to"], dep["from"], group=group_of.get((dep["from"], dep["to"])))
    # A vendor's failure fails its services and hosts, whatever the groups say.
    for item in model.get("services", []) + model.get("hosts", []):
        if item.get("vendor"):
            graph.add_edge(item["vendor"], item["id"], group=None)
    return graph, thresholds


def dominator_pairs(graph, functions):
    leaves = [n for n in graph.nodes if graph.in_degree(n) == 0]
    graph.add_edges_from((ROOT, leaf) for leaf in leaves)
    idom = nx.immediate_dominators(graph, ROOT)
    pairs = 0
    for function in functions:
        node = idom.get(function)
        while node is not None and node != ROOT:
            pairs += 1
            node = idom[node]
    return pairs


def fail_and_propagate(graph, thresholds, start):
    down = {start}
    queue = deque([start])
    members_down = {}
    while queue:
        node = queue.popleft()
        for dependent, edge in graph[node].items():
            if dependent in down:
                continue
            group = edge["group"]
            if group is not None:
                members_down[group] = members_down.get(group, 0) + 1
                if members_down[group] < thresholds[group]:
                    continue
            down.add(dependent)
            queue.append(dependent)
    return down


def propagate_pairs(graph, thresholds, functions, candidates):
    pairs = 0
    for candidate in candidates:
        down = fail_and_propagate(graph, thresholds, candidate)
        pairs += sum(1 for f in functions if f in down and f != candidate)
    return pairs


def candidates_of(graph, functions):
    """Nodes some function depends on: everything upstream of a function, in one search."""
    seen = set(functions)
    queue = deque(functions)
    while queue:
        for dependency in graph.predecessors(queue.popleft()):
            if dependency not in seen:
                seen.add(dependency)
                queue.append(dependency)
    return sorted(seen)


def main():
    path, mode = sys.argv[1], sys.argv[2]
    sampled = len(sys.argv) > 3 and sys.argv[3] == "sample"
    with open(path, encoding="utf-8") as handle:
        model = json.load(handle)
    functions = [f["id"] for f in model.get("functions", [])]
    started = time.perf_counter()
    graph, thresholds = build_graph(model)
    built = time.perf_counter()
    result = {"mode": mode, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    if mode == "dominators":
        result["pairs"] = dominator_pairs(graph, functions)
        finished = time.perf_counter()
        result["algorithmSeconds"] = finished - built
    else:
        all_candidates = candidates_of(graph, functions)
        found = time.perf_counter()
        candidates = model["benchSample"] if sampled else all_candidates
        result["candidates"] = len(all_candidates)
        result["ran"] = len(candidates)
        result["pairs"] = propagate_pairs(graph, thresholds, set(functions), candidates)
        finished = time.perf_counter()
        # Run on a sample, the time for every candidate is extrapolated from the time per candidate.
        per_candidate = (finished - found) / max(1, len(candidates))
        result["algorithmSeconds"] = (found - built) + per_candidate * len(all_candidates)
        result["measuredSeconds"] = finished - built
    result["buildSeconds"] = built - started
    result["maxRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
