"""The bench's latency scenario by hand (docs/PERFORMANCE.md, wip-lat4): a daemon on a fresh
scenario folder, N generated Diplo-layout bulletins renamed into its inbox SPACING seconds apart
(0.05 by default). Prints no time: it is the workload for strace (straced.sh, analyze.py).
Usage: SPACING=0.4 TRACE_OUT=t.trace python3 drive.py straced.sh /tmp/scenario 120"""
import os, sys, time, random, subprocess, socket, signal, shutil
binary = sys.argv[1]; folder = sys.argv[2]; n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Config", "topics.toml")
shutil.rmtree(folder, ignore_errors=True)
for d in ("inbox", "archive", "quarantine", "summaries"): os.makedirs(f"{folder}/{d}")
open(f"{folder}/bulletind.toml", "w").write(f'''inbox = "{folder}/inbox"
archive = "{folder}/archive"
quarantine = "{folder}/quarantine"
database = "{folder}/bulletind.sqlite"
summaries = "{folder}/summaries"
rules = "{rules}"
time_zone = "UTC"
rescan_interval = 3600
summary_debounce = 2
''')
random.seed(int(os.environ.get("SEED", "1")))
syl = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "fe", "gu", "hi", "ja"]
vocab = ["".join(random.choice(syl) for _ in range(random.randint(2, 4))) for _ in range(20000)]
themes = ["privacy", "data protection", "cybersecurity", "artificial intelligence", "AI", "internet governance",
          "digital trade", "encryption", "content moderation", "semiconductors", "telecommunications", "e-commerce"]
weights = [1 / (i + 1) for i in range(len(vocab))]
def para(k):
    words = random.choices(vocab, weights, k=k)
    for i in range(0, k, 40): words[i] = random.choice(themes)
    s = " ".join(words); return s[0].upper() + s[1:] + "."
def bulletin():
    parts = []
    for a in range(random.randint(6, 12)):
        budget = random.randint(250, 600)
        title = " ".join(w.capitalize() for w in random.choices(vocab, weights, k=6)) + " " + random.choice(themes)
        body = "\n\n".join(para(budget // 3) for _ in range(3))
        parts.append(f"{title}\n\n{body}\n\nWhy does it matter?\n\n{para(80)}\n\n"
                     "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!\n")
    return "\n".join(parts)
files = [(f"digest-{2000000 + i:07d}.txt", bulletin().encode()) for i in range(n)]
sock_path = f"{folder}/notify.sock"
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); sock.bind(sock_path)
env = dict(os.environ, NOTIFY_SOCKET=sock_path)
log = open(f"{folder}/bulletind.log", "w")
p = subprocess.Popen([binary, "run", "--config", f"{folder}/bulletind.toml"], env=env, stdout=log, stderr=log)
sock.settimeout(60)
while b"READY=1" not in sock.recv(4096): pass
import threading
sock.settimeout(None)
threading.Thread(target=lambda: [sock.recv(4096) for _ in iter(int, 1)], daemon=True).start()
time.sleep(0.5)
start = time.monotonic()
for i, (name, data) in enumerate(files):
    due = start + i * float(os.environ.get("SPACING", "0.05"))
    while time.monotonic() < due: time.sleep(max(0, min(0.002, due - time.monotonic())))
    tmp = f"{folder}/inbox/.{name}.part"
    with open(tmp, "wb") as f: f.write(data)
    os.rename(tmp, f"{folder}/inbox/{name}")
deadline = time.monotonic() + 120
while time.monotonic() < deadline and os.listdir(f"{folder}/inbox"): time.sleep(0.1)
time.sleep(1.5)
p.send_signal(signal.SIGTERM); p.wait()
archived = sum(len(fs) for _, _, fs in os.walk(f"{folder}/archive"))
print("archived", archived, "of", n, "quarantined", len(os.listdir(f"{folder}/quarantine")))
