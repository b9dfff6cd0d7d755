#!/usr/bin/env python3
"""make bench: whole-process timings of lunacm against its targets.

Each case runs several times after a warm-up; each run is one process, timed from spawn to exit,
with its own peak resident memory from wait4(). Where a case has a comparison (P1 against
softhsm2-util, P4 against one fsync'd write-and-rename of the same size), the two commands run in
turn, A B A B ..., and the ratio is taken pair by pair, so machine drift cancels out.

Each command runs under scripts/bench/measure.c, which times it and reads its peak memory.
BENCH_SMOKE=1 runs tiny sizes once each: it checks that the benchmark still works (make test).
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
LUNACM = os.environ.get("LUNACM", os.path.join(ROOT, ".build/release/lunacm"))
RUNS = 1 if SMOKE else int(os.environ.get("BENCH_RUNS", "15"))
WARMUP = 0 if SMOKE else 2
PASSWORD = "userpin1"


MEASURE = None  # path of the compiled scripts/bench/measure.c


def run(argv, env, stdin_path=None):
    """Runs one process through `measure`; returns (wall seconds, peak MiB)."""
    stdin = open(stdin_path or os.devnull, "rb")
    result = subprocess.run([MEASURE] + argv, env=env, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    stdin.close()
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    ns, kib, code = (int(x) for x in lines[-1].split())
    if code != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {code}: {' '.join(lines[:-1])}")
    return ns / 1e9, kib / 1024.0


def compile_tool(name, base):
    path = os.path.join(base, name)
    subprocess.run(["cc", "-O2", "-o", path, os.path.join(ROOT, "scripts/bench", name + ".c")], check=True)
    return path


def measure(name, make_a, make_b=None, target=None):
    """make_a/make_b: functions that prepare a run and return (argv, env, stdin)."""
    a_runs, b_runs, ratios = [], [], []
    for index in range(WARMUP + RUNS):
        a = run(*make_a())
        b = run(*make_b()) if make_b else None
        if index >= WARMUP:
            a_runs.append(a)
            if b:
                b_runs.append(b)
                ratios.append(a[0] / b[0])
    walls = [w for w, _ in a_runs]
    row = {
        "case": name,
        "median_ms": statistics.median(walls) * 1000,
        "min_ms": min(walls) * 1000,
        "max_ms": max(walls) * 1000,
        "peak_mib": max(m for _, m in a_runs),
        "target": target,
    }
    if ratios:
        row["ratio"] = statistics.median(ratios)
        row["b_median_ms"] = statistics.median(w for w, _ in b_runs) * 1000
    return row


def env_for(home, **extra):
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LUNASIM_HOME": home}
    env.update(extra)
    return env


def fleet(partitions, objects_on_first=0, groups=0):
    """A fleet of network HSMs, one partition each, all HA-compatible."""
    hsms = []
    for index in range(partitions):
        partition = {"label": f"p{index}", "serial": str(600000000000 + index), "slot": index,
                     "domain": "benchdomain", "coPassword": PASSWORD, "coPasswordChanged": True}
        if index == 0 and objects_on_first:
            partition["objects"] = [{"label": f"k{n}", "class": "secretKey", "keyType": "AES", "size": 256}
                                    for n in range(objects_on_first)]
        hsms.append({"serial": str(800000 + index), "policies": {"7": 1, "12": 1, "16": 1, "21": 1},
                     "partitions": [partition]})
    return {"hsms": hsms}


def prepare_home(base, name, fleet_data, commands=""):
    """A seeded home in base/name, after running `commands` (a batch) once."""
    home = os.path.join(base, name)
    fleet_path = os.path.join(base, name + ".fleet.json")
    with open(fleet_path, "w") as f:
        json.dump(fleet_data, f)
    subprocess.run([LUNACM, "--fleet", fleet_path, "--reset", "-c", "slot", "list"], env=env_for(home),
                   stdout=subprocess.DEVNULL, check=True)
    if commands:
        subprocess.run([LUNACM], env=env_for(home), input=commands.encode(), stdout=subprocess.DEVNULL, check=True)
    return home


def fresh_copy(pristine, work):
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work)
    return work


def main():
    if not os.access(LUNACM, os.X_OK):
        raise SystemExit(f"bench: {LUNACM} is not built (make release)")
    base = tempfile.mkdtemp(prefix="lunasim-bench-")
    rows = []
    global MEASURE
    MEASURE = compile_tool("measure", base)
    try:
        # P1: start-up, against softhsm2-util with one initialised token.
        softhsm = os.path.join(base, "softhsm")
        os.makedirs(os.path.join(softhsm, "tokens"))
        with open(os.path.join(softhsm, "softhsm2.conf"), "w") as f:
            f.write(f"directories.tokendir = {softhsm}/tokens\n")
        softenv = {"PATH": "/usr/bin:/bin", "SOFTHSM2_CONF": os.path.join(softhsm, "softhsm2.conf")}
        subprocess.run(["softhsm2-util", "--init-token", "--slot", "0", "--label", "bench", "--so-pin", "1234",
                        "--pin", "1234"], env=softenv, stdout=subprocess.DEVNULL, check=True)
        home1 = prepare_home(base, "p1", fleet(2))
        rows.append(measure("P1 lunacm -c slot list", lambda: ([LUNACM, "-c", "slot", "list"], env_for(home1), None),
                            lambda: (["softhsm2-util", "--show-slots"], softenv, None), "ratio <= 0.7"))

        # P2: a batch of read commands.
        count = 30 if SMOKE else 10000
        home2 = prepare_home(base, "p2", fleet(2), f"hagroup createGroup -label g -slot 0 -password {PASSWORD}\n"
                             f"hagroup addMember -group g -slot 1 -password {PASSWORD}\n")
        reads = ["slot list", 'hagroup listgroups -password ""', "partition showinfo"]
        probe = subprocess.run([LUNACM, "-c", "partition", "showinfo"], env=env_for(home2), stdout=subprocess.DEVNULL)
        if probe.returncode != 0:
            reads = reads[:2]
        batch = os.path.join(base, "p2.txt")
        with open(batch, "w") as f:
            for index in range(count):
                f.write(reads[index % len(reads)] + "\n")
        rows.append(measure(f"P2 {count}-command read batch ({', '.join(reads)})",
                            lambda: ([LUNACM], env_for(home2), batch), target="< 500 ms, < 30 MiB"))

        # P3: synchronize a group of 8 whose primary holds many objects.
        objects = 200 if SMOKE else 100000
        members = ",".join(str(600000000000 + n) for n in range(8))
        pristine3 = prepare_home(base, "p3", fleet(8, objects_on_first=objects))
        with open(os.path.join(pristine3, "Chrystoki.conf"), "a") as f:
            f.write(f"\nVirtualToken = {{\n   VirtualToken00Label = big;\n   VirtualToken00SN = 1600000000000;\n"
                    f"   VirtualToken00Members = {members};\n}}\n\nHASynchronize = {{\n   big = 1;\n}}\n")
        work3 = os.path.join(base, "p3-work")
        rows.append(measure(f"P3 hagroup synchronize, 8 members, {objects} objects",
                            lambda: ([LUNACM, "-c", "hagroup", "synchronize", "-group", "big", "-password", PASSWORD],
                                     env_for(fresh_copy(pristine3, work3)), None), target="< 1000 ms, < 300 MiB"))

        # P4: a mutating command against one fsync'd write-and-rename of the same size.
        setup = "".join(f"hagroup createGroup -label g{n} -slot {n} -password {PASSWORD}\n" for n in range(16))
        pristine4 = prepare_home(base, "p4", fleet(64), setup)
        floor = compile_tool("fsync_floor", base)
        size = os.path.getsize(os.path.join(pristine4, "Chrystoki.conf"))
        work4 = os.path.join(base, "p4-work")
        rows.append(measure("P4 hagroup addMember (64 partitions, 16 groups)",
                            lambda: ([LUNACM, "-c", "hagroup", "addMember", "-group", "g3", "-slot", "40", "-password",
                                      PASSWORD], env_for(fresh_copy(pristine4, work4)), None),
                            lambda: ([floor, str(size), os.path.join(base, "floor.conf")], {"PATH": "/usr/bin:/bin"}, None),
                            f"ratio <= 1.5 (floor: write+fsync+rename of {size} bytes)"))

        # P5: replay of the seed transcript.
        seed = os.path.join(ROOT, "Tests/Transcripts/seed-setting-up-an-ha-group.lunacm")
        rows.append(measure("P5 lunacm --replay seed transcript",
                            lambda: ([LUNACM, "--replay", seed], env_for(os.path.join(base, "p5")), None),
                            target="< 30 ms"))

        # P6 (docs/ha-runtime.md): runOperations with an EC P-256 key on a two-member HA slot, against the
        # same operations on one physical slot: the HA dispatch should add at most 10%.
        operations = 200 if SMOKE else 100000
        home6 = prepare_home(base, "p6", fleet(2), f"hagroup createGroup -label g -slot 0 -password {PASSWORD}\n"
                             f"hagroup addMember -group g -slot 1 -password {PASSWORD}\n"
                             f"slot set -slot 5\nrole login -name co -password {PASSWORD}\n"
                             "simulator createObject -keyType EC -label signer\n")
        scripts6 = {}
        for slot in (5, 0):
            scripts6[slot] = os.path.join(base, f"p6-slot{slot}.txt")
            with open(scripts6[slot], "w") as f:
                f.write(f"slot set -slot {slot}\nrole login -name co -password {PASSWORD}\n"
                        f"simulator runOperations -count {operations}\n")
        rows.append(measure(f"P6 runOperations {operations} EC P-256 signatures, HA slot (2 members) vs physical",
                            lambda: ([LUNACM], env_for(home6), scripts6[5]),
                            lambda: ([LUNACM], env_for(home6), scripts6[0]), "ratio <= 1.10"))
    finally:
        shutil.rmtree(base, ignore_errors=True)

    print(f"{'case':80} {'median':>9} {'min':>9} {'max':>9} {'peak':>9} {'ratio':>7}  target")
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if "ratio" in row else ""
        print(f"{row['case'][:80]:80} {row['median_ms']:7.1f}ms {row['min_ms']:7.1f}ms {row['max_ms']:7.1f}ms "
              f"{row['peak_mib']:6.1f}MiB {ratio:>7}  {row['target'] or ''}")
        if "b_median_ms" in row:
            print(f"{'  (comparison command, median)':80} {row['b_median_ms']:7.1f}ms")
    print(f"runs per case: {RUNS} after {WARMUP} warm-up{' (smoke)' if SMOKE else ''}")


if __name__ == "__main__":
    main()
