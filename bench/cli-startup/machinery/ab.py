#!/usr/bin/env python3
# bench/cli-startup/machinery/ab.py N COMMAND VARIANT_A VARIANT_B (issue #13: what each piece of start-up
# machinery gains; see ../README.md, "Start-up machinery, measured piece by piece", for the set-up)
# : N interleaved pairs (order alternating); wall and CPU (user+sys) of each run
# from wait4; prints the median of each and the median of the paired differences (B - A) with its p25-p75.
import os, sys, time, statistics, shlex

M = os.environ.get("MACHINERY_DIR", "/tmp/cli13-exp/m")  # the AOT caches and the config directories
J = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
JAR = os.environ.get("VARIANTS_JAR", "/tmp/cli13-exp/cli/target/ticloud.jar")  # built with variants.patch
JAR2 = os.environ.get("PICOCLI_JAR_JAR", "/tmp/cli13-exp2/cli/target/ticloud.jar")  # and picocli-jar.patch
C1 = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
NOREPLAY = "-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining"
QUIET = "-Xlog:aot=off -Xlog:cds=off"
def aot(name): return f"{NOREPLAY} -XX:AOTCache={M}/{name}.aot {QUIET}"
VARIANTS = {
    "base": f"{C1} {aot('base')} -jar {JAR}",
    "annotated": f"{C1} {aot('annotated')} -Dexp.annotated=true -jar {JAR}",
    "mapper": f"{C1} {aot('mapper')} -Dexp.mapper=true -jar {JAR}",
    "eagerTls": f"{C1} {aot('eagerTls')} -Dexp.eagerTls=true -jar {JAR}",
    "eagerHttp": f"{C1} {aot('eagerHttp')} -Dexp.eagerHttp=true -jar {JAR}",
    "wholeTree": f"{C1} {aot('wholeTree')} -Dexp.wholeTree=true -jar {JAR}",
    "noClose": f"{C1} {aot('base')} -Dexp.noClose=true -jar {JAR}",
    "noAot": f"{C1} -Xshare:auto -jar {JAR}",
    "profiles": f"{C1} -XX:AOTCache={M}/profiles.aot {QUIET} -jar {JAR}",
    "c2": f"-XX:+UseSerialGC {aot('c2')} -jar {JAR}",
    "g1": f"-XX:TieredStopAtLevel=1 {aot('g1')} -jar {JAR}",
    "picocliJar": f"{C1} {aot('picocliJar')} -jar {JAR2}",
}
COMMANDS = {
    "help": ("--help", None),
    "version": ("--version", None),
    "status": ("auth status", "cfg-status"),
    "list": ("project list -o json", "cfg-list"),
    "refresh": ("auth token", "cfg-refresh"),
}
VARIANTS["before"] = f"{C1} {aot('before')} -jar " + os.environ.get("BEFORE_JAR", "/tmp/cli13-before/cli/target/ticloud.jar")
VARIANTS["after"] = f"{C1} {aot('after')} -jar " + os.environ.get("AFTER_JAR", "cli/target/ticloud.jar")

n, c, a, b = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
args, cfg = COMMANDS[c]
env = dict(os.environ, TICLOUD_CREDENTIAL_STORE="file", TICLOUD_OAUTH_ENDPOINT="http://localhost:8180/realms/tidbcloud",
           TICLOUD_API_ENDPOINT="http://localhost:8080", TICLOUD_CONFIG_DIR=f"{M}/{cfg or 'cfg-none'}")
def run(v):
    argv = [J] + shlex.split(VARIANTS[v]) + shlex.split(args)
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, ru = os.wait4(pid, 0)
    wall = (time.perf_counter() - t0) * 1000
    os.close(devnull)
    return wall, (ru.ru_utime + ru.ru_stime) * 1000
for v in (a, b, a, b): run(v)  # warm-up
res = {a: [], b: []}
for i in range(n):
    for v in ((a, b) if i % 2 == 0 else (b, a)):
        res[v].append(run(v))
def q(xs):
    qs = statistics.quantiles(xs, n=4); return f"{statistics.median(xs):5.0f} ({qs[0]:.0f}..{qs[2]:.0f})"
dw = [y[0] - x[0] for x, y in zip(res[a], res[b])]
dc = [y[1] - x[1] for x, y in zip(res[a], res[b])]
la = os.getloadavg()[0]
print(f"{c:8} {a:>10} wall {q([x[0] for x in res[a]])} cpu {q([x[1] for x in res[a]])} | {b:>10} wall {q([x[0] for x in res[b]])} cpu {q([x[1] for x in res[b]])} | B-A wall {q(dw)} cpu {q(dc)} | n={n} load {la:.1f}", flush=True)
