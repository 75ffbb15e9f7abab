#!/usr/bin/env python3
"""Lists the dependencies between the engine's top namespaces (FourDuty.Engine.X) and the cycles among them.

A file depends on a namespace when it names it in a `using` or as a qualified name (`Runtime.State.TaskRecord`,
`FourDuty.Engine.Forms.X`). Rough (text, not the compiler's binding) but enough to see a cycle appear or go. Exits with 1 when there is a
cycle (a pair, or a longer loop), so a script or CI step fails; the test NamespaceLayeringTests holds the same rule
and the layer order (docs/decisions/0029-engine-layering.md).
Usage: python3 tools/namespace-cycles.py [FourDuty.Engine]
"""
import os, re, sys, itertools

root = sys.argv[1] if len(sys.argv) > 1 else "FourDuty.Engine"
tops = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)) and d not in ("bin", "obj"))
deps = {t: {} for t in tops}
for top in tops:
    for folder, _, files in os.walk(os.path.join(root, top)):
        if "/Migrations" in folder:
            continue
        for name in files:
            if not name.endswith(".cs"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            text = re.sub(r"//.*", "", text)
            for other in tops:
                if other == top:
                    continue
                if re.search(rf"(using\s+FourDuty\.Engine\.{other}\b|FourDuty\.Engine\.{other}\.|(?<![\w.]){other}\.[A-Z])", text):
                    deps[top].setdefault(other, []).append(os.path.relpath(os.path.join(folder, name), root))
for top in tops:
    print(f"{top} -> {', '.join(f'{o} ({len(f)})' for o, f in sorted(deps[top].items())) or '-'}")
print("\ncycles (pairs):")
for a, b in itertools.combinations(tops, 2):
    if b in deps[a] and a in deps[b]:
        print(f"  {a} <-> {b}: {a}->{b} in {len(deps[a][b])} files, {b}->{a} in {len(deps[b][a])} files")
        for side, other in ((a, b), (b, a)):
            if len(deps[side][other]) <= 4:
                print(f"      {side}->{other}: {', '.join(deps[side][other])}")

# Longer loops (A -> B -> C -> A) hide from the pairs above: every namespace that reaches itself is in one.
def reaches(start):
    seen, todo = set(), [start]
    while todo:
        for other in deps[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen
looped = sorted(t for t in tops if t in reaches(t))
if looped:
    print(f"\nin a cycle: {', '.join(looped)}")
    sys.exit(1)
print("  none")
